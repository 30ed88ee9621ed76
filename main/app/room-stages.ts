// A room's stages (the Room screen's checklists and the rooms table's chips), from what the app
// knows about it. The rules are shared/room-progress.ts's; this file only gathers their input.
import { ROOM_STAGES, type ItemState, type RoomStage, type StageView } from '../../shared/ipc.ts';
import type { Room } from '../../shared/model.ts';
import type { OpenSite } from './open-sites.ts';

export function roomStages(open: OpenSite, room: Room): StageView[] {
  void open;
  void room;
  return ROOM_STAGES.map((id) => ({ id, title: id, state: 'pending' as const, items: [] }));
}

export function roomStageSummary(open: OpenSite, room: Room): Record<RoomStage, ItemState> {
  return Object.fromEntries(roomStages(open, room).map((stage) => [stage.id, stage.state])) as Record<RoomStage, ItemState>;
}
