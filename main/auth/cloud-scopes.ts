// Which authority and which scopes, for a cloud profile (shared/clouds.ts) and a kind of sign-in.
// National clouds need their own authority host AND scopes qualified with their own Graph and
// Exchange hosts: a token for https://graph.microsoft.com is useless at graph.microsoft.us.
import { CLOUDS, defaultScope, delegatedScopes, type CloudProfile, type ServiceResource } from '../../shared/clouds.ts';
import { CLOUD_IDS, type CloudId } from '../../shared/model.ts';
import { AuthConfigError } from './auth-errors.ts';

export type SignInKind = 'delegated' | 'app-only';

/** Delegated sign-ins without a tenant go to the one the admin's account lives in. */
export const ANY_ORGANIZATION = 'organizations';

export function cloudProfile(id: string): CloudProfile {
  if (!(CLOUD_IDS as readonly string[]).includes(id)) {
    throw new AuthConfigError(`Unknown cloud "${id}". Use one of: ${CLOUD_IDS.join(', ')}.`);
  }
  return CLOUDS[id as CloudId];
}

// A tenant ID (GUID), a domain (contoso.onmicrosoft.com) or "organizations": nothing that could add
// a path segment or a query to the authority URL.
const TENANT = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

export function checkTenant(tenant: string, kind: SignInKind): string {
  if (!TENANT.test(tenant)) throw new AuthConfigError(`"${tenant}" is not a tenant: give the tenant ID (a GUID) or one of its domains, e.g. contoso.onmicrosoft.com.`);
  if (kind === 'app-only' && ['organizations', 'common', 'consumers'].includes(tenant.toLowerCase())) {
    throw new AuthConfigError(`App-only sign-in needs the tenant itself (--tenant <tenant ID or domain>), not "${tenant}".`);
  }
  return tenant;
}

/** The MSAL authority: the cloud's sign-in host and the tenant. The simulated cloud keeps the global host. */
export function authorityFor(cloud: CloudProfile, tenant: string): string {
  return `${cloud.authorityHost}/${tenant}`;
}

/** Delegated: the permissions RoomReady asks for, qualified with the cloud's hosts. App-only: "{root}/.default". */
export function scopesFor(cloud: CloudProfile, kind: SignInKind, resource: ServiceResource): string[] {
  return kind === 'app-only' ? [defaultScope(cloud, resource)] : delegatedScopes(cloud, resource);
}
