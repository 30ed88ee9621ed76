// tenant.*: who the site is signed in as, signing in (device code shown through tenant.changed,
// or the system browser) and out. Failures come back in the status, in words.
import type { IpcHandlers } from '../../shared/ipc.ts';
import type { AppContext } from './context.ts';

type TenantHandlers = Pick<IpcHandlers, 'tenant.status' | 'tenant.signIn' | 'tenant.signOut'>;

export function tenantHandlers(ctx: AppContext): TenantHandlers {
  return {
    'tenant.status': async ({ siteId }) => ctx.sites.get(siteId).tenant.status(siteId),
    'tenant.signIn': async ({ siteId, method }) => ctx.sites.get(siteId).tenant.signIn(siteId, method),
    'tenant.signOut': async ({ siteId }) => ctx.sites.get(siteId).tenant.signOut(siteId),
  };
}
