// What every handler module shares: the host's dependencies, the open sites, the recent list, the
// tenants (one sign-in per cloud) and the practice sessions to stop on dispose.
import type { TenantSession } from '../commands/tenant-session.ts';
import type { CloudId } from '../../shared/model.ts';
import type { AppDeps } from './deps.ts';
import { OpenSites } from './open-sites.ts';
import { RecentSites } from './recent-sites.ts';
import { CloudTenant } from './site-tenant.ts';

export interface AppContext {
  readonly deps: AppDeps;
  readonly sites: OpenSites;
  readonly recent: RecentSites;
  now(): Date;
  /** The sign-in shared by every (non-practice) site of a cloud. */
  cloudTenant(cloud: CloudId): CloudTenant;
  /** Practice sessions (each with its simulated tenant), stopped on dispose. */
  readonly practiceSessions: Set<TenantSession>;
  readonly cloudTenants: Map<CloudId, CloudTenant>;
}

export function createContext(deps: AppDeps): AppContext {
  const cloudTenants = new Map<CloudId, CloudTenant>();
  return {
    deps,
    sites: new OpenSites(),
    recent: new RecentSites(deps.dataDir, deps.log),
    now: () => deps.now?.() ?? new Date(),
    cloudTenant(cloud) {
      let tenant = cloudTenants.get(cloud);
      if (!tenant) cloudTenants.set(cloud, (tenant = new CloudTenant(cloud, deps)));
      return tenant;
    },
    practiceSessions: new Set(),
    cloudTenants,
  };
}
