// What Graph and Exchange check on every request: a bearer token signed by this simulator, not
// expired, for this tenant and for their own audience (in any cloud). The caller is an app
// (permissions from "roles") or a signed-in user (permissions from "scp", admin roles from the
// directory, which is checked live so a role change applies at once).
import type { ServiceResource } from '../../../shared/clouds.ts';
import type { AppRegistration, DirectoryUser } from '../state/records.ts';
import type { TenantState } from '../state/tenant.ts';
import type { JwtClaims } from './jwt.ts';
import { audiencesOf } from './resources.ts';
import type { TokenSigner } from './signing.ts';

export type Caller =
  | { kind: 'app'; app: AppRegistration; permissions: string[]; audience: string }
  | { kind: 'user'; app: AppRegistration; user: DirectoryUser; permissions: string[]; audience: string };

export type AccessProblem = 'missing' | 'malformed' | 'signature' | 'expired' | 'audience' | 'tenant';

export type AccessCheck = { ok: true; caller: Caller } | { ok: false; problem: AccessProblem };

const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? value.split(' ').filter(Boolean) : []);

export function checkAccess(tenant: TenantState, signer: TokenSigner, authorization: string | undefined, resource: ServiceResource): AccessCheck {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) return { ok: false, problem: 'missing' };
  const checked = signer.check(match[1]!, Math.floor(tenant.now() / 1000));
  if (!checked.ok) return { ok: false, problem: checked.reason };
  const claims: JwtClaims = checked.claims;
  const audience = typeof claims.aud === 'string' ? claims.aud : '';
  if (!audiencesOf(resource).has(audience.toLowerCase().replace(/\/$/, ''))) return { ok: false, problem: 'audience' };
  if (claims.tid !== tenant.tenantId) return { ok: false, problem: 'tenant' };
  const app = tenant.apps.get(String(claims.appid ?? ''));
  if (!app) return { ok: false, problem: 'signature' };
  if (claims.idtyp === 'user') {
    const user = tenant.users.get(String(claims.oid ?? ''));
    if (!user) return { ok: false, problem: 'signature' };
    return { ok: true, caller: { kind: 'user', app, user, permissions: list(claims.scp), audience } };
  }
  return { ok: true, caller: { kind: 'app', app, permissions: list(claims.roles), audience } };
}

export function hasPermission(caller: Caller, accepted: readonly string[]): boolean {
  const held = new Set(caller.permissions.map((p) => p.toLowerCase()));
  return accepted.some((p) => held.has(p.toLowerCase()));
}
