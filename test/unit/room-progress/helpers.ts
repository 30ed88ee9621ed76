// Sites and rooms for the room-progress tests: one valid site per topology and mode, a room that
// passes every rule, and helpers to find items in the built stages.
import type { ChecklistItemView, StageView } from '../../../shared/ipc.ts';
import { SiteSchema, type ProvisionMode, type Room, type Site } from '../../../shared/model.ts';
import { buildRoomStages, type RoomProgressInput } from '../../../shared/room-progress.ts';
import { TOPOLOGIES, type TopologyId } from '../../../shared/topology.ts';

export const UPN = 'mtr-board@contoso.com';

export function siteFor(topology: TopologyId, mode: ProvisionMode = 'create', defaults: Record<string, unknown> = {}): Site {
  const info = TOPOLOGIES[topology];
  return SiteSchema.parse({
    name: 'Contoso HQ',
    topology,
    tenantDomain: 'contoso.com',
    defaults: {
      mode,
      usageLocation: 'US',
      ...(info.cloudLicensing ? { license: 'Microsoft_Teams_Rooms_Pro' } : {}),
      ...(info.needsRegistrarPool ? { registrarPool: 'pool01.contoso.com' } : {}),
      ...(info.onPremisesDirectory ? { organizationalUnit: 'OU=Rooms,DC=contoso,DC=com' } : {}),
      roomList: 'Rooms HQ',
      ...defaults,
    },
  });
}

export function roomFor(extra: Partial<Room> = {}): Room {
  return { upn: UPN, displayName: 'Boardroom 4.01', building: 'HQ', floor: '4', capacity: 12, city: 'Seattle', ...extra };
}

export function build(partial: Partial<RoomProgressInput> & { site: Site }): StageView[] {
  return buildRoomStages({ room: roomFor(), manual: {}, hasPassword: true, ...partial });
}

export const allItems = (stages: readonly StageView[]): ChecklistItemView[] => stages.flatMap((stage) => stage.items);

export function itemById(stages: readonly StageView[], id: string): ChecklistItemView {
  const found = allItems(stages).filter((item) => item.id === id);
  if (found.length !== 1) throw new Error(`expected one item ${id}, found ${found.length}`);
  return found[0]!;
}

export function stageOf(stages: readonly StageView[], itemId: string): StageView['id'] {
  const stage = stages.find((candidate) => candidate.items.some((item) => item.id === itemId));
  if (!stage) throw new Error(`no stage holds ${itemId}`);
  return stage.id;
}
