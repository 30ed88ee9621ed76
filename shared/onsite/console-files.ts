// The files RoomReady puts on a Teams Rooms console, and where (mtr-facts.md §3.1): SkypeSettings.xml
// and theme images go into the app's LocalState folder, where the app's local user must be able to
// read, write and delete them; the app applies them at startup and then deletes them. The folder
// and the settings file's name are the checklist's facts, reused here.
import { LOCAL_STATE_FOLDER, SKYPE_SETTINGS_FILE_NAME } from '../checklist/facts.ts';

export { LOCAL_STATE_FOLDER, SKYPE_SETTINGS_FILE_NAME };

/** The console's local Windows account the Teams Rooms app runs as. */
export const CONSOLE_LOCAL_USER = 'Skype';

/** Theme and background image types the app reads (the XML names the file only, no folder). */
export const THEME_IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'bmp'] as const;

/** Written next to the exported files: the steps to place them by hand. */
export const USB_README_FILE = 'README-USB.txt';

/** The file's full path on the console. */
export function localStatePath(name: string): string {
  return `${LOCAL_STATE_FOLDER}\\${name}`;
}

/**
 * icacls' arguments that give the local user full control of `filePath`. The one definition of the
 * grant: the app runs it without a shell, and consoleGrantCommand prints it for Command Prompt.
 */
export function grantArguments(filePath: string): string[] {
  return [filePath, '/grant', `${CONSOLE_LOCAL_USER}:(F)`];
}

/**
 * The grant as typed into Command Prompt (not PowerShell, which would read "(F)" as an expression).
 * Safe by construction: the path's name passed consoleFileProblem, so it holds no quote, % or ^.
 */
export function consoleGrantCommand(filePath: string): string {
  const [file, ...rest] = grantArguments(filePath);
  return `icacls "${file}" ${rest.join(' ')}`;
}

// Letters, digits, spaces and . _ - ( ): nothing a file system, Command Prompt or an XML value
// could read as more than a name.
const SAFE_NAME = /^[\p{L}\p{N} ._()-]+$/u;
const WINDOWS_DEVICE_NAMES = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\.|$)/i;
const MAX_NAME_LENGTH = 128;

/**
 * Why `name` cannot be placed in LocalState, or undefined when it can: it must be SkypeSettings.xml
 * exactly, or a plain image file name (no folder, no "..") of an allowed type.
 */
export function consoleFileProblem(name: string): string | undefined {
  if (name === SKYPE_SETTINGS_FILE_NAME) return undefined;
  if (name.length === 0) return 'the file name is empty';
  if (name.includes('/') || name.includes('\\')) return 'it has a folder in it; give the plain file name only';
  if (name.includes('..')) return 'a file name must not contain ".."';
  if (name.length > MAX_NAME_LENGTH) return `the file name is longer than ${MAX_NAME_LENGTH} characters`;
  if (!SAFE_NAME.test(name)) return 'use only letters, digits, spaces and . _ - ( ) in the file name';
  if (/^[ .]|[ .]$/.test(name)) return 'a file name must not start or end with a space or a dot';
  if (WINDOWS_DEVICE_NAMES.test(name)) return 'Windows reserves that name for a device';
  if (name.toLowerCase() === SKYPE_SETTINGS_FILE_NAME.toLowerCase()) return `the app reads only a file named exactly ${SKYPE_SETTINGS_FILE_NAME}`;
  const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  if (!name.includes('.') || !(THEME_IMAGE_EXTENSIONS as readonly string[]).includes(extension)) {
    return `a theme image must be a ${THEME_IMAGE_EXTENSIONS.join(', ')} file (or the file must be ${SKYPE_SETTINGS_FILE_NAME})`;
  }
  return undefined;
}
