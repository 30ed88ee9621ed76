// What the installer records for a room's report (photos as evidence, the installer's and the
// customer's sign-offs), kept in the site's progress store; and reports.export (report-export.ts).
// Every image is checked to be the PNG or JPEG it claims before it is kept (photo-check.ts).
import { randomUUID } from 'node:crypto';
import type { IpcHandlers, RoomRecord } from '../../shared/ipc.ts';
import type { Room } from '../../shared/model.ts';
import type { Signature } from '../../shared/report/schema.ts';
import { AppError } from '../ipc.ts';
import type { AppContext } from './context.ts';
import { translated } from './errors.ts';
import { roomOf, type OpenSite } from './open-sites.ts';
import { checkImage } from './photo-check.ts';
import { exportReport } from './report-export.ts';
import { roomStages } from './room-stages.ts';

type ReportHandlers = Pick<IpcHandlers, 'rooms.record' | 'rooms.attachPhoto' | 'rooms.removePhoto' | 'reports.signOff' | 'reports.export'>;

/** A room keeps at most this many photos (each up to 8 MB), so its progress file stays loadable. */
export const MAX_PHOTOS_PER_ROOM = 40;

export function roomRecord(open: OpenSite, room: Room): RoomRecord {
  return { siteId: open.id, upn: room.upn, photos: [...open.progress.photos(room.upn)], signOffs: [...open.progress.signOffs(room.upn)] };
}

/** The signature as it is kept: a drawn one only when its bytes are a PNG. */
function checkedSignature(signature: Signature): Signature {
  if (signature.kind === 'drawn') checkImage(signature.data, signature.mediaType, 'The drawn signature');
  return signature;
}

export function reportHandlers(ctx: AppContext): ReportHandlers {
  const { sites } = ctx;
  return {
    'rooms.record': async ({ siteId, upn }) => {
      const open = sites.get(siteId);
      return roomRecord(open, roomOf(open, upn));
    },

    'rooms.attachPhoto': async ({ siteId, upn, itemId, caption, mediaType, base64 }) => {
      const open = sites.get(siteId);
      const room = roomOf(open, upn);
      if (itemId !== undefined && !roomStages(open, room).some((stage) => stage.items.some((item) => item.id === itemId))) {
        throw new AppError('not-found', `${room.upn} has no checklist item ${itemId} to attach a photo to.`);
      }
      if (open.progress.photos(room.upn).length >= MAX_PHOTOS_PER_ROOM) {
        throw new AppError('invalid-input', `${room.upn} already has ${MAX_PHOTOS_PER_ROOM} photos; remove one before attaching another.`);
      }
      const what = caption.trim() !== '' ? `The photo "${caption.trim()}"` : 'The photo';
      const { sha256 } = checkImage(base64, mediaType, what);
      await open.progress.addPhoto(room.upn, {
        id: randomUUID(),
        ...(itemId !== undefined ? { itemId } : {}),
        caption: caption.trim(),
        mediaType,
        data: base64,
        sha256,
        takenAt: ctx.now().toISOString(),
      });
      return roomRecord(open, room);
    },

    'rooms.removePhoto': async ({ siteId, upn, photoId }) => {
      const open = sites.get(siteId);
      const room = roomOf(open, upn);
      if (!(await open.progress.removePhoto(room.upn, photoId))) throw new AppError('not-found', `${room.upn} has no photo ${photoId}; it may have been removed already.`);
      return roomRecord(open, room);
    },

    'reports.signOff': async ({ siteId, upn, party, name, role, date, signature }) => {
      const open = sites.get(siteId);
      const room = roomOf(open, upn);
      await open.progress.setSignOff(room.upn, { party, name, role, date, signature: checkedSignature(signature), signedAt: ctx.now().toISOString() });
      return roomRecord(open, room);
    },

    'reports.export': (request) => translated(() => exportReport(ctx, request)),
  };
}
