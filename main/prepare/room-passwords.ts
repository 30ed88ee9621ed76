// Which password each room gets, and where it may go. Passwords come from the CSV's Password column
// or are generated (main/workspace/passwords.ts); they go only into an encrypted vault and, when the
// admin asks, into SkypeSettings.xml — never into scripts, checklists, manifests or output.
import { resolveRoom } from '../../shared/model.ts';
import { generateRoomPassword } from '../workspace/passwords.ts';
import type { LoadedInput } from './load-input.ts';

export class PasswordPlanError extends Error {
  override name = 'PasswordPlanError';
}

export interface RoomPasswords {
  /** By UPN: the passwords SkypeSettings.xml carries (only with --include-password). */
  settings: Map<string, string>;
  /** By UPN: the passwords the vault keeps (only with --passwords). */
  vault: Map<string, string>;
  generated: number;
}

export function assignRoomPasswords(loaded: Pick<LoadedInput, 'site' | 'suppliedPasswords'>, wanted: { includeInSettings: boolean; vault: boolean }): RoomPasswords {
  const result: RoomPasswords = { settings: new Map(), vault: new Map(), generated: 0 };
  if (!wanted.includeInSettings && !wanted.vault) return result;
  const missing = loaded.site.rooms.filter((room) => !loaded.suppliedPasswords.has(room.upn.toLowerCase()));
  if (wanted.includeInSettings && !wanted.vault && missing.length > 0) {
    throw new PasswordPlanError(
      `${missing.length} room(s) have no Password in the input (first: ${missing[0]!.upn}); RoomReady would generate them, ` +
        'and generated passwords must be kept somewhere safe: add --passwords <vault-file>',
    );
  }
  for (const room of loaded.site.rooms) {
    let password = loaded.suppliedPasswords.get(room.upn.toLowerCase());
    if (password === undefined) {
      const resolved = resolveRoom(room, loaded.site);
      password = generateRoomPassword({ upn: resolved.upn, displayName: resolved.displayName, alias: resolved.alias, samAccountName: resolved.samAccountName });
      result.generated++;
    }
    if (wanted.includeInSettings) result.settings.set(room.upn, password);
    if (wanted.vault) result.vault.set(room.upn, password);
  }
  return result;
}
