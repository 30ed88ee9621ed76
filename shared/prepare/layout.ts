// Where each artifact of a prepared output folder lives. One place, so the writer, the manifest,
// the run sheet and the installer package agree.
import { scriptFileName } from '../powershell.ts';
import type { ProvisionMode } from '../model.ts';
import type { Runtime } from '../plan/types.ts';

export const MANIFEST_FILE = 'manifest.json';
export const RUN_SHEET_FILE = 'README.md';
export const SITE_FILE = 'site.roomready.json';
export const ROOMS_DIR = 'rooms';
export const ROOM_RECORD_FILE = 'room.json';
export const CHECKLIST_FILE = 'checklist.md';
/** The console only reads a file of exactly this name. */
export const SKYPE_SETTINGS_FILE = 'SkypeSettings.xml';

// UPNs are validated before anything is prepared, so their characters (letters, digits, ' . - _ ! # ^ ~ @)
// are safe in Windows and Unix file names. Anything else is replaced defensively.
const UNSAFE_IN_FILE_NAME = /[^A-Za-z0-9'._\-!#^~@]/g;

/** rooms/<upn in lower case> */
export function roomDir(upn: string): string {
  const name = upn.toLowerCase().replace(UNSAFE_IN_FILE_NAME, '_').replace(/^\.+/, '_');
  return `${ROOMS_DIR}/${name}`;
}

/** site-01-exchange-online.ps1, or site-create-01-... when a site mixes create and convert rooms. */
export function siteScriptFile(phaseIndex: number, runtime: Runtime, mode: ProvisionMode | undefined): string {
  return `site-${mode ? `${mode}-` : ''}${scriptFileName(phaseIndex, runtime)}`;
}
