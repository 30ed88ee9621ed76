// Which service a token is for. A scope names its resource by URI (https://graph.microsoft.us/...,
// https://outlook.office365.com/.default) or by the resource's well-known app id; the cloud of
// that URI decides the token's audience and the authority that issues it. Short names
// ("User.Read") mean Microsoft Graph, as in Entra.
import { CLOUDS, type CloudProfile, type ServiceResource } from '../../../shared/clouds.ts';

export const RESOURCE_APP_IDS: Readonly<Record<ServiceResource, string>> = {
  graph: '00000003-0000-0000-c000-000000000000',
  exchange: '00000002-0000-0ff1-ce00-000000000000',
};

export const RESOURCE_NAMES: Readonly<Record<ServiceResource, string>> = {
  graph: 'Microsoft Graph',
  exchange: 'Office 365 Exchange Online',
};

export const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access']);

interface ResourceRoot {
  resource: ServiceResource;
  /** The audience a token for this root carries: the root URI as requested, without a slash. */
  audience: string;
  cloud: CloudProfile;
}

const ROOTS: ReadonlyMap<string, ResourceRoot> = (() => {
  const roots = new Map<string, ResourceRoot>();
  const add = (uri: string, resource: ServiceResource, cloud: CloudProfile) => {
    const key = uri.toLowerCase().replace(/\/$/, '');
    if (!roots.has(key)) roots.set(key, { resource, audience: uri.replace(/\/$/, ''), cloud });
  };
  for (const cloud of Object.values(CLOUDS)) {
    if (cloud.simulated) continue;
    add(cloud.graphRoot, 'graph', cloud);
    add(cloud.exchangeRoot, 'exchange', cloud);
  }
  // Exchange Online answers to both hosts in the worldwide cloud.
  add('https://outlook.office.com', 'exchange', CLOUDS.global);
  add(RESOURCE_APP_IDS.graph, 'graph', CLOUDS.global);
  add(RESOURCE_APP_IDS.exchange, 'exchange', CLOUDS.global);
  return roots;
})();

/** Every audience the simulated service accepts (lower case): its root in any cloud, or its app id. */
export function audiencesOf(resource: ServiceResource): Set<string> {
  const out = new Set<string>();
  for (const [key, root] of ROOTS) if (root.resource === resource) out.add(key);
  return out;
}

/** The cloud whose root a token's audience names. */
export function cloudOfAudience(audience: string): CloudProfile | undefined {
  return ROOTS.get(audience.toLowerCase().replace(/\/$/, ''))?.cloud;
}

export interface RequestedScopes {
  /** The one service the token is for. */
  resource: ServiceResource;
  audience: string;
  cloud: CloudProfile;
  /** Permission names without the resource prefix ("User.ReadWrite.All"); ".default" kept as is. */
  permissions: string[];
  /** Scopes exactly as asked (echoed in the token response, which is what MSAL caches by). */
  requested: string[];
  oidc: string[];
}

export type ScopeProblem = { kind: 'missing' } | { kind: 'multiple'; scope: string } | { kind: 'unknown-resource'; resource: string } | { kind: 'invalid'; scope: string };

export function resolveScopes(scopeParameter: string | null): RequestedScopes | ScopeProblem {
  const requested = (scopeParameter ?? '').split(/\s+/).filter(Boolean);
  if (requested.length === 0) return { kind: 'missing' };
  const oidc = requested.filter((s) => OIDC_SCOPES.has(s.toLowerCase()));
  let root: ResourceRoot | undefined;
  const permissions: string[] = [];
  for (const scope of requested) {
    if (OIDC_SCOPES.has(scope.toLowerCase())) continue;
    let scopeRoot: ResourceRoot | undefined;
    let permission: string;
    const slash = scope.lastIndexOf('/');
    if (/^https?:\/\//i.test(scope) || /^[0-9a-f-]{36}\//i.test(scope)) {
      if (slash <= 0) return { kind: 'invalid', scope };
      const uri = scope.slice(0, slash);
      scopeRoot = ROOTS.get(uri.toLowerCase());
      if (!scopeRoot) return { kind: 'unknown-resource', resource: uri };
      permission = scope.slice(slash + 1);
    } else {
      scopeRoot = ROOTS.get('https://graph.microsoft.com');
      permission = scope;
    }
    if (!permission) return { kind: 'invalid', scope };
    if (root && root.audience.toLowerCase() !== scopeRoot!.audience.toLowerCase()) return { kind: 'multiple', scope: requested.join(' ') };
    root = scopeRoot;
    permissions.push(permission);
  }
  // Only OpenID scopes: Entra issues a Microsoft Graph token (User.Read).
  root ??= ROOTS.get('https://graph.microsoft.com')!;
  return { resource: root.resource, audience: root.audience, cloud: root.cloud, permissions, requested, oidc };
}

export function isScopeProblem(value: RequestedScopes | ScopeProblem): value is ScopeProblem {
  return 'kind' in value;
}

/** The authority host Entra uses in a cloud (issuer of its ID tokens). */
export function authorityHostOf(cloud: CloudProfile): string {
  return new URL(cloud.authorityHost).host;
}
