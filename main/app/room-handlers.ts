// rooms.*: import from CSV, add or edit one room (the model's rules decide), remove, and a room's
// progress with the marks a person puts on manual items.
import { checkSite, type Room } from '../../shared/model.ts';
import type { IpcHandlers, RoomProgress } from '../../shared/ipc.ts';
import { AppError } from '../ipc.ts';
import { importRoomsCsv, type RowIssue } from '../workspace/csv-import.ts';
import { rejectedValues } from './csv-rejected-values.ts';
import type { AppContext } from './context.ts';
import { translated } from './errors.ts';
import { roomOf, type OpenSite } from './open-sites.ts';
import { roomStages } from './room-stages.ts';
import { siteView } from './site-view.ts';

type RoomHandlers = Pick<IpcHandlers, 'rooms.importCsv' | 'rooms.save' | 'rooms.remove' | 'rooms.progress' | 'rooms.markManual'>;

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function roomProgress(open: OpenSite, room: Room): RoomProgress {
  return { siteId: open.id, upn: room.upn, displayName: room.displayName, stages: roomStages(open, room) };
}

function rowIssueViews(issues: readonly RowIssue[], bytes: Uint8Array, fileName: string) {
  const valueOf = issues.length > 0 ? rejectedValues(bytes, fileName) : () => undefined;
  return issues.map((issue) => {
    const value = valueOf(issue);
    return { row: issue.row, field: issue.column, ...(value !== undefined ? { value } : {}), message: issue.message };
  });
}

export function roomHandlers(ctx: AppContext): RoomHandlers {
  const { sites, deps } = ctx;
  return {
    'rooms.importCsv': ({ siteId, fileName, base64, text }) =>
      translated(async () => {
        const open = sites.get(siteId);
        const bytes = base64 !== undefined ? new Uint8Array(Buffer.from(base64, 'base64')) : new TextEncoder().encode(text ?? '');
        const imported = importRoomsCsv(bytes, open.site, fileName);
        let added = 0;
        let replaced = 0;
        const rooms = [...open.site.rooms];
        for (const room of imported.rooms) {
          const at = rooms.findIndex((existing) => same(existing.upn, room.upn));
          if (at >= 0) {
            rooms[at] = room;
            replaced++;
          } else {
            rooms.push(room);
            added++;
          }
        }
        open.site = { ...open.site, rooms };
        if (imported.rooms.length > 0) open.dirty = true;
        // Passwords from the file's Password column go where typed ones go, never into the site.
        if (imported.passwords.size > 0) {
          const warning = await open.passwords.set([...imported.passwords]);
          if (warning) deps.log(warning);
        }
        return {
          site: siteView(open),
          added,
          replaced,
          rejected: rowIssueViews(imported.errors, bytes, fileName),
          warnings: rowIssueViews(imported.warnings, bytes, fileName),
          unknownColumns: imported.unknownColumns,
        };
      }),

    'rooms.save': async ({ siteId, room, replaceUpn }) => {
      const open = sites.get(siteId);
      const rooms = [...open.site.rooms];
      let index = rooms.length;
      if (replaceUpn !== undefined) {
        index = rooms.findIndex((existing) => same(existing.upn, replaceUpn));
        if (index < 0) throw new AppError('not-found', `The site "${open.site.name}" has no room ${replaceUpn} to replace.`);
      }
      rooms[index] = room;
      const candidate = { ...open.site, rooms };
      const errors = checkSite(candidate).rooms[index]!.filter((finding) => finding.severity === 'error');
      if (errors.length > 0) {
        throw new AppError(
          'invalid-room',
          `${room.upn} cannot be saved: ${errors.map((finding) => `${finding.field} ${finding.message}`).join('; ')}`,
          errors.map((finding) => ({ field: finding.field, message: finding.message })),
        );
      }
      open.site = candidate;
      open.dirty = true;
      if (replaceUpn !== undefined && !same(replaceUpn, room.upn)) {
        const password = open.passwords.get(replaceUpn);
        if (password !== undefined) await open.passwords.set([[room.upn, password]]);
        await open.passwords.remove([replaceUpn]);
      }
      return siteView(open);
    },

    'rooms.remove': async ({ siteId, upns }) => {
      const open = sites.get(siteId);
      const removed = open.site.rooms.filter((room) => upns.some((upn) => same(upn, room.upn)));
      if (removed.length > 0) {
        open.site = { ...open.site, rooms: open.site.rooms.filter((room) => !removed.includes(room)) };
        open.dirty = true;
        await open.passwords.remove(removed.map((room) => room.upn));
        await open.progress.forgetRooms(removed.map((room) => room.upn));
      }
      return siteView(open);
    },

    'rooms.progress': async ({ siteId, upn }) => {
      const open = sites.get(siteId);
      return roomProgress(open, roomOf(open, upn));
    },

    'rooms.markManual': async ({ siteId, upn, itemId, done, note }) => {
      const open = sites.get(siteId);
      const room = roomOf(open, upn);
      const item = roomStages(open, room)
        .flatMap((stage) => stage.items)
        .find((candidate) => candidate.id === itemId);
      if (!item) throw new AppError('not-found', `${room.upn} has no checklist item ${itemId}.`);
      if (!item.manual) throw new AppError('invalid-input', `"${item.title}" is checked by RoomReady, not marked by hand.`);
      await open.progress.setManual(room.upn, itemId, { done, ...(note !== undefined && note !== '' ? { note } : {}), doneAt: ctx.now().toISOString() });
      return roomProgress(open, room);
    },
  };
}
