// Sites, rooms and the full matrix of generated scripts the PowerShell tests share.
import { CLOUD_IDS, PROVISION_MODES, SiteSchema, TOPOLOGY_IDS, type CloudId, type ProvisionMode, type Room, type Site, type TopologyId } from '../../../../shared/model.ts';
import { planRoom, type RoomPlan } from '../../../../shared/plan.ts';
import type { Runtime } from '../../../../shared/plan/types.ts';
import { generateScript } from '../../../../shared/powershell.ts';

export const GENERATOR = { name: 'RoomReady', version: '0.1.0' };

export const SAMPLE_ROOM: Room = {
  upn: 'mtr-rainier@contoso.com',
  displayName: 'Rainier (Bldg 7)',
  capacity: 12,
  building: 'Building 7',
  floor: '3',
  city: 'Redmond',
  countryOrRegion: 'us',
  timeZone: 'Pacific Standard Time',
  roomList: 'Building 7 Rooms',
  organizationalUnit: 'OU=Rooms,DC=contoso,DC=com',
};

const OTHER_ROOMS: Room[] = [
  { upn: 'mtr-bare@contoso.com', displayName: 'Bare' },
  { upn: 'mtr-baker@contoso.com', displayName: "Baker's Corner", floor: 'Mezzanine', street: '1 Microsoft Way', roomList: 'Building 7 Rooms', license: 'Microsoft_Teams_Rooms_Basic', conditionalAccessGroup: "Baker's \u2019Teams Rooms\u2019 (no MFA)" },
];

export function sampleSite(topology: TopologyId, mode: ProvisionMode, cloud: CloudId = 'global', rooms: Room[] = [SAMPLE_ROOM]): Site {
  return SiteSchema.parse({
    name: 'HQ',
    topology,
    cloud,
    tenantDomain: 'contoso.com',
    defaults: { mode, usageLocation: 'US', license: 'Microsoft_Teams_Rooms_Pro', registrarPool: 'pool01.contoso.com' },
    rooms,
  });
}

export const COMBINATIONS = TOPOLOGY_IDS.flatMap((topology) => PROVISION_MODES.map((mode) => ({ topology, mode })));

export interface GeneratedScript {
  topology: TopologyId;
  mode: ProvisionMode;
  cloud: CloudId;
  scope: 'room' | 'site';
  runtime: Runtime;
  site: Site;
  plans: RoomPlan[];
  text: string;
}

/** Every runtime's script of every plan's phases (manual phases have none). */
export function scriptsFor(site: Site, plans: RoomPlan[], scope: 'room' | 'site', meta: Pick<GeneratedScript, 'topology' | 'mode' | 'cloud'>): GeneratedScript[] {
  const runtimes = [...new Set(plans.flatMap((plan) => plan.phases.map((phase) => phase.runtime)))].filter((runtime) => runtime !== 'manual');
  return runtimes.map((runtime) => ({ ...meta, scope, runtime, site, plans, text: generateScript({ site, runtime, plans, generator: GENERATOR }) }));
}

/** 5 topologies x create/convert x every cloud x (one room, a three-room site): each runtime's script. */
export function allScripts(): GeneratedScript[] {
  return COMBINATIONS.flatMap(({ topology, mode }) =>
    CLOUD_IDS.flatMap((cloud) => {
      const single = sampleSite(topology, mode, cloud);
      // In the site, one room is provisioned in the other mode: a site-wide script mixes both.
      const rooms = [SAMPLE_ROOM, ...OTHER_ROOMS.map((room, index) => (index === 1 ? { ...room, mode: mode === 'create' ? ('convert' as const) : ('create' as const) } : room))];
      const multi = sampleSite(topology, mode, cloud, rooms);
      return [
        ...scriptsFor(single, [planRoom(SAMPLE_ROOM, single)], 'room', { topology, mode, cloud }),
        ...scriptsFor(multi, multi.rooms.map((room) => planRoom(room, multi)), 'site', { topology, mode, cloud }),
      ];
    }),
  );
}
