// A room's stages (the Room screen's checklists and the rooms table's chips), from what the app
// knows about it. The rules are shared/room-progress.ts's; this file only gathers their input.
import type { ItemState, RoomStage, StageView } from '../../shared/ipc.ts';
import type { Room } from '../../shared/model.ts';
import { buildRoomStages, summarizeStages } from '../../shared/room-progress.ts';
import type { OpenSite } from './open-sites.ts';

export function roomStages(open: OpenSite, room: Room): StageView[] {
  const provision = open.progress.provision(room.upn);
  const validation = open.progress.validation(room.upn);
  return buildRoomStages({
    site: open.site,
    room,
    ...(provision ? { provision } : {}),
    runningSteps: open.progress.runningSteps(room.upn),
    ...(validation ? { validation } : {}),
    manual: open.progress.manual(room.upn),
    hasPassword: open.passwords.has(room.upn),
    signOffs: open.progress.signOffs(room.upn),
    onSiteChecks: open.progress.onSiteChecks(room.upn),
  });
}

export function roomStageSummary(open: OpenSite, room: Room): Record<RoomStage, ItemState> {
  return summarizeStages(roomStages(open, room));
}
