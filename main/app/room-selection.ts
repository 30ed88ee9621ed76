// Which of a site's rooms a run or an export works on: the ones asked for (all when none are
// named) that the model accepts; the others come back with the reason.
import { checkSite, type Room, type Site } from '../../shared/model.ts';
import type { OpenSite } from './open-sites.ts';

export interface RoomSelection {
  /** The site with only the accepted rooms. */
  site: Site;
  /** Position (1-based) of each accepted room in the whole site, for manifests. */
  positions: number[];
  skipped: { upn: string; reason: string }[];
}

export function selectRooms(open: OpenSite, upns?: readonly string[]): RoomSelection {
  const wanted = upns && upns.length > 0 ? new Set(upns.map((upn) => upn.toLowerCase())) : undefined;
  const check = checkSite(open.site);
  const rooms: Room[] = [];
  const positions: number[] = [];
  const skipped: RoomSelection['skipped'] = [];
  open.site.rooms.forEach((room, index) => {
    if (wanted && !wanted.has(room.upn.toLowerCase())) return;
    const errors = check.rooms[index]!.filter((finding) => finding.severity === 'error');
    if (errors.length > 0) {
      skipped.push({ upn: room.upn, reason: errors.map((finding) => `${finding.field} ${finding.message}`).join('; ') });
      return;
    }
    rooms.push(room);
    positions.push(index + 1);
  });
  if (wanted) {
    const known = new Set(open.site.rooms.map((room) => room.upn.toLowerCase()));
    for (const upn of upns!) if (!known.has(upn.toLowerCase())) skipped.push({ upn, reason: `is not a room of the site "${open.site.name}"` });
  }
  return { site: { ...open.site, rooms }, positions, skipped };
}
