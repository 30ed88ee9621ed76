// passwords.*: a typed password arrives once and stays in main (the renderer gets a handle);
// generated ones never leave main at all.
import { randomUUID } from 'node:crypto';
import { resolveRoom, type Room, type Site } from '../../shared/model.ts';
import type { IpcHandlers } from '../../shared/ipc.ts';
import { planRoom, stepNeedsPassword } from '../../shared/plan.ts';
import { checkSuppliedPassword, generateRoomPassword } from '../workspace/passwords.ts';
import type { AppContext } from './context.ts';
import { roomOf, type OpenSite } from './open-sites.ts';

type PasswordHandlers = Pick<IpcHandlers, 'passwords.set' | 'passwords.generate'>;

function owner(room: Room, site: Site) {
  const resolved = resolveRoom(room, site);
  return { upn: resolved.upn, displayName: resolved.displayName, alias: resolved.alias, samAccountName: resolved.samAccountName };
}

/** Generates a password for each of `rooms` that has none; returns how many, and a warning when they are kept for this session only. */
export async function generateMissing(open: OpenSite, rooms: readonly Room[]): Promise<{ generated: number; warning?: string }> {
  const entries = rooms.filter((room) => !open.passwords.has(room.upn)).map((room) => [room.upn, generateRoomPassword(owner(room, open.site))] as const);
  if (entries.length === 0) return { generated: 0 };
  const warning = await open.passwords.set(entries);
  return { generated: entries.length, ...(warning ? { warning } : {}) };
}

/** The rooms whose plan sets a password (a new account, or a room on premises). */
export function roomsNeedingPasswords(site: Site, rooms: readonly Room[]): Room[] {
  return rooms.filter((room) => planRoom(room, site).steps.some(stepNeedsPassword));
}

export function passwordHandlers(ctx: AppContext): PasswordHandlers {
  return {
    'passwords.set': async ({ siteId, upn, password }) => {
      const open = ctx.sites.get(siteId);
      const room = roomOf(open, upn);
      // Described by rule, never by the password or the part that matched.
      const warnings = checkSuppliedPassword(password, owner(room, open.site)).map((problem) => `The password for ${room.upn} ${problem}.`);
      const stored = await open.passwords.set([[room.upn, password]]);
      if (stored) warnings.push(stored);
      ctx.deps.emit('site.changed', { siteId });
      return { handle: `password:${randomUUID()}`, warnings };
    },

    'passwords.generate': async ({ siteId, upns }) => {
      const open = ctx.sites.get(siteId);
      const rooms = upns.length === 0 ? open.site.rooms : upns.map((upn) => roomOf(open, upn));
      const { generated, warning } = await generateMissing(open, rooms);
      if (warning) ctx.deps.log(warning);
      if (generated > 0) ctx.deps.emit('site.changed', { siteId });
      return { generated };
    },
  };
}
