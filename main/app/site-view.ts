// What the renderer sees of an open site: the Site, and per room its chips, its findings and
// whether it has a password (never the password).
import { checkSite } from '../../shared/model.ts';
import type { RoomSummary, SiteView } from '../../shared/ipc.ts';
import type { OpenSite } from './open-sites.ts';
import { roomStageSummary } from './room-stages.ts';

export function siteView(open: OpenSite): SiteView {
  const check = checkSite(open.site);
  const rooms: RoomSummary[] = open.site.rooms.map((room, index) => ({
    upn: room.upn,
    displayName: room.displayName,
    stages: roomStageSummary(open, room),
    findings: check.rooms[index]!.map((finding) => ({ severity: finding.severity, field: finding.field, message: finding.message })),
    hasPassword: open.passwords.has(room.upn),
  }));
  return { id: open.id, path: open.path, practice: open.practice, ...(open.package ? { package: { ...open.package } } : {}), dirty: open.dirty, site: open.site, rooms };
}
