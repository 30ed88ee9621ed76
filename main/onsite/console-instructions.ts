// The steps still to do by hand after RoomReady placed or exported the console configuration, in
// order. The same words go into the result (shown in the window) and, for a USB stick, into
// README-USB.txt next to the files.
import { ADMIN_MODE_STEPS } from '../../shared/checklist/facts.ts';
import { consoleGrantCommand, LOCAL_STATE_FOLDER, localStatePath, SKYPE_SETTINGS_FILE_NAME, USB_README_FILE } from '../../shared/onsite/console-files.ts';

const APPLIED_AT_START = 'the Teams Rooms app applies the settings when it starts, then deletes the files';
const NOT_TAKEN =
  'If they are still there, the app did not process them: check that the Skype user has full control of each file, and ask the admin to check ' +
  `${SKYPE_SETTINGS_FILE_NAME} (roomready check-settings); a badly formed file is applied only up to its first error.`;

const list = (names: readonly string[]) => names.join(', ');

/** After writing into LocalState on this console. */
export function consoleInstructions(names: readonly string[]): string[] {
  return [
    `Restart the Teams Rooms app: sign out of Admin mode and restart the console; ${APPLIED_AT_START}.`,
    `After the restart, enter Admin mode again, open RoomReady and confirm that ${list(names)} ${names.length === 1 ? 'is' : 'are'} gone from ${LOCAL_STATE_FOLDER}.`,
    NOT_TAKEN,
  ];
}

/** For a USB stick: copy, place, grant, restart, confirm. */
export function usbInstructions(names: readonly string[]): string[] {
  return [
    `Copy ${list(names)} from this folder to a USB stick (or use this folder if it is on the stick already).`,
    `On the console, enter Admin mode: ${ADMIN_MODE_STEPS}.`,
    `Plug in the stick and copy ${list(names)} into ${LOCAL_STATE_FOLDER} (paste the folder into File Explorer's address bar). Keep the names exactly as they are.`,
    'Open Command Prompt as administrator and give the local Skype user full control of each file:',
    ...names.map((name) => `    ${consoleGrantCommand(localStatePath(name))}`),
    `Sign out of Admin mode and restart the console; ${APPLIED_AT_START}.`,
    `After the restart, check that the files are gone from ${LOCAL_STATE_FOLDER}. ${NOT_TAKEN}`,
  ];
}

/** README-USB.txt: numbered steps (commands indented under theirs), CRLF and a BOM for Notepad on the console. */
export function usbReadme(names: readonly string[], siteLabel: string): string {
  let step = 0;
  const lines = usbInstructions(names).map((line) => (line.startsWith('    ') ? line : `${++step}. ${line}`));
  const text = [`RoomReady: console configuration for ${siteLabel}`, '', `Files: ${list(names)}`, '', ...lines, '', `(${USB_README_FILE} itself stays on the stick.)`, ''];
  return `\uFEFF${text.join('\r\n')}`;
}
