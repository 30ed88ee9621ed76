// Sites and rooms for the checklist tests: one per topology and console era, with the values a
// real site of that topology would carry (registrar pool, OU).
import { resolveRoom, SiteSchema, type ResolvedRoom, type Room, type Site, type SiteInput } from '../../../shared/model.ts';
import { CONSOLE_ERAS, type ConsoleEra } from '../../../shared/console-era.ts';
import { TOPOLOGIES, TOPOLOGY_IDS, type TopologyId } from '../../../shared/topology.ts';

export { CONSOLE_ERAS, TOPOLOGY_IDS };

/** An app version inside each era. */
export const APP_VERSION: Record<ConsoleEra, string> = { 'srs-v2': '4.8', 'teams-4.9': '4.12', 'teams-4.17': '5.0' };

export const POOL = 'pool01.contoso.com';
export const OU = 'OU=Rooms,OU=Resources,DC=contoso,DC=com';
export const UPN = 'mtr-board@contoso.com';

export function siteFor(topology: TopologyId, era: ConsoleEra, extra: Partial<SiteInput> = {}): Site {
  const needsPool = TOPOLOGIES[topology].needsRegistrarPool;
  const onPremises = TOPOLOGIES[topology].onPremisesDirectory;
  return SiteSchema.parse({
    name: 'Contoso HQ',
    topology,
    ...extra,
    defaults: {
      appVersion: APP_VERSION[era],
      ...(needsPool ? { registrarPool: POOL } : {}),
      ...(onPremises ? { organizationalUnit: OU } : {}),
      ...extra.defaults,
    },
  });
}

export function roomIn(site: Site, room: Partial<Room> = {}): ResolvedRoom {
  return resolveRoom({ upn: UPN, displayName: 'Boardroom 4.01', building: 'HQ', floor: '4', ...room }, site);
}

export const COMBINATIONS: readonly { topology: TopologyId; era: ConsoleEra }[] = TOPOLOGY_IDS.flatMap((topology) =>
  CONSOLE_ERAS.map((era) => ({ topology, era })),
);
