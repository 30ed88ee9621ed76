// Issues the tokens of a successful grant: an access token for one service (audience = that
// service's root in the requested scope's cloud), with "roles" for an application or "scp" for a
// signed-in user; an ID token (with the request's nonce) and client_info for user sign-ins; and a
// refresh token when offline_access was asked. Claim names as Entra issues them.
import { base64url, type JwtClaims } from './jwt.ts';
import { authorityHostOf, RESOURCE_NAMES, type RequestedScopes } from './resources.ts';
import type { IdentitySessions } from './sessions.ts';
import type { TokenSigner } from './signing.ts';
import { DIRECTORY_ROLES } from '../state/directory-roles.ts';
import type { AppRegistration, DirectoryUser } from '../state/records.ts';
import type { TenantState } from '../state/tenant.ts';

export type TokenSubject =
  | { kind: 'app'; app: AppRegistration; credential: 'secret' | 'certificate' }
  | { kind: 'user'; app: AppRegistration; user: DirectoryUser; credential: 'public' | 'secret' | 'certificate'; mfa: boolean };

export interface IssueOptions {
  nonce?: string;
  clientInfo: boolean;
}

export type ConsentCheck = { ok: true; granted: string[] } | { ok: false };

/** Delegated permissions the token may carry: all an admin consented, if every one asked is among them. */
export function delegatedGrant(app: AppRegistration, scopes: RequestedScopes): ConsentCheck {
  const granted = app.delegated[scopes.resource];
  const known = new Set(granted.map((p) => p.toLowerCase()));
  const missing = scopes.permissions.filter((p) => p !== '.default' && !known.has(p.toLowerCase()));
  if (missing.length > 0 || (granted.length === 0 && scopes.permissions.length > 0)) return { ok: false };
  return { ok: true, granted };
}

export class TokenIssuer {
  constructor(
    private readonly tenant: TenantState,
    private readonly signer: TokenSigner,
    private readonly sessions: IdentitySessions,
    private readonly lifetimeSeconds: number,
  ) {}

  issue(subject: TokenSubject, scopes: RequestedScopes, options: IssueOptions): Record<string, unknown> {
    const nowSeconds = Math.floor(this.tenant.now() / 1000);
    const tid = this.tenant.tenantId;
    const app = subject.app;
    const common: JwtClaims = {
      aud: scopes.audience,
      iss: scopes.cloud.id === 'china' ? `https://sts.chinacloudapi.cn/${tid}/` : `https://sts.windows.net/${tid}/`,
      iat: nowSeconds,
      nbf: nowSeconds,
      exp: nowSeconds + this.lifetimeSeconds,
      appid: app.clientId,
      appidacr: subject.credential === 'certificate' ? '2' : subject.credential === 'secret' ? '1' : '0',
      app_displayname: app.displayName,
      tid,
      uti: this.sessions.opaque('', 22),
      ver: '1.0',
    };
    const body: Record<string, unknown> = { token_type: 'Bearer', expires_in: this.lifetimeSeconds, ext_expires_in: this.lifetimeSeconds };

    if (subject.kind === 'app') {
      const roles = app.application[scopes.resource];
      const oid = `sp-${app.clientId}`;
      body.access_token = this.signer.sign({ ...common, idtyp: 'app', oid, sub: oid, ...(roles.length > 0 ? { roles } : {}) });
      return body;
    }

    const user = subject.user;
    const scp = delegatedGrant(app, scopes);
    body.access_token = this.signer.sign({
      ...common,
      idtyp: 'user',
      oid: user.id,
      sub: user.id,
      upn: user.userPrincipalName,
      unique_name: user.userPrincipalName,
      name: user.displayName,
      amr: subject.mfa ? ['pwd', 'mfa'] : ['pwd'],
      scp: (scp.ok ? scp.granted : []).join(' '),
      wids: user.directoryRoles.map((r) => DIRECTORY_ROLES[r]),
    });
    body.scope = scopes.requested.join(' ');
    if (scopes.oidc.some((s) => s.toLowerCase() === 'openid')) {
      body.id_token = this.signer.sign({
        aud: app.clientId,
        iss: `https://${authorityHostOf(scopes.cloud)}/${tid}/v2.0`,
        iat: nowSeconds,
        nbf: nowSeconds,
        exp: nowSeconds + this.lifetimeSeconds,
        name: user.displayName,
        oid: user.id,
        preferred_username: user.userPrincipalName,
        sub: user.id,
        tid,
        ver: '2.0',
        ...(options.nonce !== undefined ? { nonce: options.nonce } : {}),
      });
    }
    if (options.clientInfo) body.client_info = base64url(JSON.stringify({ uid: user.id, utid: tid }));
    if (scopes.oidc.some((s) => s.toLowerCase() === 'offline_access')) {
      body.refresh_token = this.sessions.newRefreshToken({ clientId: app.clientId, userId: user.id, expiresAt: this.tenant.now() + 90 * 86_400_000 });
    }
    return body;
  }
}

export function resourceName(scopes: RequestedScopes): string {
  return RESOURCE_NAMES[scopes.resource];
}
