// Practice mode: a simulated tenant in this process, a sample site in its verified domain, and the
// sign-in done already, exactly as the CLI's --simulated does it (openPracticeSession).
import { openPracticeSession } from '../commands/tenant-session.ts';
import type { SimulatorOptions } from '../simulator/index.ts';
import { TEAMS_ROOMS_GROUP } from '../simulator/sample-data.ts';
import { SiteSchema, type Site } from '../../shared/model.ts';
import type { AppContext } from './context.ts';
import type { OpenSite } from './open-sites.ts';
import { practiceTenant, type SiteTenant } from './site-tenant.ts';

/** The practice tenant answers at once: nothing to wait for while learning the flow. */
export const PRACTICE_SIMULATOR_DEFAULTS: SimulatorOptions = { seed: 1, latencyMs: 0, replicationLagMs: 0, deviceCodeIntervalSeconds: 0 };

/** Six rooms in contoso.com, the simulated tenant's verified domain. */
export function practiceSite(): Site {
  const room = (displayName: string, local: string, capacity: number, floor: string) => ({
    displayName,
    upn: `${local}@contoso.com`,
    capacity,
    building: 'Building 1',
    floor,
    city: 'Redmond',
    countryOrRegion: 'US',
  });
  return SiteSchema.parse({
    name: 'Practice: Contoso Building 1',
    topology: 'teams-online',
    cloud: 'simulated',
    tenantDomain: 'contoso.com',
    // The sample tenant's "Require MFA for all users" policy excludes this group: provisioning adds the rooms.
    defaults: { usageLocation: 'US', license: 'Microsoft_Teams_Rooms_Pro', roomList: 'Building 1 Rooms', timeZone: 'Pacific Standard Time', conditionalAccessGroup: TEAMS_ROOMS_GROUP },
    rooms: [
      room('Everest', 'mtr-everest', 12, '1'),
      room('K2', 'mtr-k2', 8, '1'),
      room('Denali', 'mtr-denali', 6, '2'),
      room('Kilimanjaro', 'mtr-kilimanjaro', 10, '2'),
      room('Aconcagua', 'mtr-aconcagua', 4, '3'),
      room('Elbrus', 'mtr-elbrus', 16, '3'),
    ],
  });
}

/** A new simulated tenant, signed in as its Global Administrator; `release` stops it. */
export async function startPracticeTenant(ctx: AppContext): Promise<{ tenant: SiteTenant; release(): Promise<void> }> {
  const options = { ...PRACTICE_SIMULATOR_DEFAULTS, ...ctx.deps.practiceSimulator };
  const session = await openPracticeSession(options, {
    env: ctx.deps.env,
    onDeviceCode: (prompt) => ctx.deps.log(`Signing in to the simulated tenant (code ${prompt.userCode}, approved automatically).`),
  });
  ctx.practiceSessions.add(session);
  const release = async () => {
    ctx.practiceSessions.delete(session);
    await session.close();
  };
  return { tenant: practiceTenant(session), release };
}

export async function openPracticeSite(ctx: AppContext): Promise<OpenSite> {
  const { tenant, release } = await startPracticeTenant(ctx);
  try {
    const open = await ctx.sites.open(ctx.deps, { path: null, practice: true, site: practiceSite(), dirty: false, tenant, release });
    // A new simulated tenant knows nothing of the last one: earlier results would mislead. Manual marks stay.
    await open.progress.forgetTenantResults();
    return open;
  } catch (error) {
    await release();
    throw error;
  }
}
