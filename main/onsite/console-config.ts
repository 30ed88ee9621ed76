// Applying a room's console configuration (SkypeSettings.xml and theme images). On the console
// itself the files go straight into the Teams Rooms app's LocalState, granted to its user, and after
// the app restarts RoomReady confirms it took them (it deletes what it applied). Anywhere else they
// are exported to a folder for a USB stick, with the steps in README-USB.txt.
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { consoleFileProblem, SKYPE_SETTINGS_FILE_NAME, USB_README_FILE } from '../../shared/onsite/console-files.ts';
import type { ConsoleApplyResult, ConsoleConsumedResult } from '../../shared/onsite/results.ts';
import { describeFsError } from '../workspace/fs-errors.ts';
import { consoleInstructions, usbInstructions, usbReadme } from './console-instructions.ts';
import { ConsoleConfigError, type ConsoleTarget } from './console-target.ts';
import { exportFolderAtomically } from './console-usb.ts';
import { placeInLocalState } from './local-state.ts';

export { ConsoleConfigError, windowsConsoleTarget, type ConsoleTarget, type ConsoleTargetOptions, type ProgramRunner } from './console-target.ts';

export interface ConsoleFile {
  name: string;
  bytes: Uint8Array;
}

export interface ApplyConsoleInput {
  upn: string;
  files: readonly ConsoleFile[];
  /** This machine's console (windowsConsoleTarget()); without one the files are exported to usbFolder. */
  target?: ConsoleTarget;
  usbFolder?: string;
  now?: () => Date;
}

/** Throws unless the files are one SkypeSettings.xml and plain image names, each once. */
function checkFiles(files: readonly ConsoleFile[]): void {
  const seen = new Set<string>();
  for (const file of files) {
    const problem = consoleFileProblem(file.name);
    if (problem) throw new ConsoleConfigError(`"${file.name}" cannot be placed on the console: ${problem}.`);
    // Windows file names ignore case.
    const key = file.name.toLowerCase();
    if (seen.has(key)) throw new ConsoleConfigError(`"${file.name}" is given twice; each file can be placed once.`);
    seen.add(key);
  }
  if (!seen.has(SKYPE_SETTINGS_FILE_NAME.toLowerCase())) {
    throw new ConsoleConfigError(`The console configuration needs ${SKYPE_SETTINGS_FILE_NAME}; theme images alone are not applied.`);
  }
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export async function applyConsoleConfiguration(input: ApplyConsoleInput): Promise<ConsoleApplyResult> {
  const { files, target, usbFolder } = input;
  checkFiles(files);
  const at = (input.now ?? (() => new Date()))().toISOString();
  const names = files.map((file) => file.name);
  const described = files.map((file) => ({ name: file.name, bytes: file.bytes.byteLength, sha256: sha256(file.bytes) }));

  if (target) {
    await placeInLocalState(target, files);
    return {
      mode: 'console',
      folder: target.localStateDir,
      files: described,
      instructions: consoleInstructions(names),
      check: {
        id: 'console-config.applied',
        title: 'Console configuration placed in LocalState',
        // Unknown until the app has restarted and taken the files.
        status: 'unknown',
        detail: `${names.join(', ')} written to ${target.localStateDir} for ${input.upn}, with full control for the Skype user. The app applies them when it restarts.`,
        remedy: 'Restart the Teams Rooms app (or the console), then confirm that the files were taken.',
        evidence: { folder: target.localStateDir, files: described },
        at,
      },
    };
  }
  if (usbFolder === undefined) {
    throw new ConsoleConfigError('This computer is not a Teams Rooms console (no Windows with the app\'s LocalState folder): choose a folder to export the files to for a USB stick.');
  }
  const readme = { name: USB_README_FILE, bytes: usbReadme(names, input.upn) };
  const folder = await exportFolderAtomically(usbFolder, [...files, readme]);
  const readmeBytes = new TextEncoder().encode(readme.bytes);
  const exported = [...described, { name: readme.name, bytes: readmeBytes.byteLength, sha256: sha256(readmeBytes) }];
  return {
    mode: 'usb',
    folder,
    files: exported,
    instructions: usbInstructions(names),
    check: {
      id: 'console-config.exported',
      title: 'Console configuration exported for a USB stick',
      status: 'passed',
      detail: `${names.join(', ')} and ${USB_README_FILE} (the steps on the console) exported to ${folder} for ${input.upn}.`,
      evidence: { folder, files: exported },
      at,
    },
  };
}

export interface ConfirmConsoleInput {
  upn: string;
  target: ConsoleTarget;
  /** The names applyConsoleConfiguration placed. */
  expected: readonly string[];
  now?: () => Date;
}

/** The app deletes what it applied at startup: a file still in LocalState was not taken. */
export async function confirmConsoleConfiguration(input: ConfirmConsoleInput): Promise<ConsoleConsumedResult> {
  const { target, expected } = input;
  for (const name of expected) {
    const problem = consoleFileProblem(name);
    if (problem) throw new ConsoleConfigError(`"${name}" is not a console configuration file: ${problem}.`);
  }
  try {
    if (!(await stat(target.localStateDir)).isDirectory()) throw Object.assign(new Error(), { code: 'ENOTDIR' });
  } catch (error) {
    throw new ConsoleConfigError(`Cannot check ${target.localStateDir}: ${describeFsError(error)}. Is the Teams Rooms app installed on this console?`);
  }
  const remaining: string[] = [];
  for (const name of expected) {
    try {
      await stat(join(target.localStateDir, name));
      remaining.push(name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new ConsoleConfigError(`Cannot check ${join(target.localStateDir, name)}: ${describeFsError(error)}.`);
      }
    }
  }
  const at = (input.now ?? (() => new Date()))().toISOString();
  const consumed = remaining.length === 0;
  return {
    consumed,
    remaining,
    check: consumed
      ? {
          id: 'console-config.consumed',
          title: 'The Teams Rooms app took the console configuration',
          status: 'passed',
          detail: `${expected.join(', ')} ${expected.length === 1 ? 'is' : 'are'} gone from ${target.localStateDir}: the app applied ${expected.length === 1 ? 'it' : 'them'} for ${input.upn}.`,
          evidence: { folder: target.localStateDir, taken: [...expected] },
          at,
        }
      : {
          id: 'console-config.consumed',
          title: 'The Teams Rooms app has not taken the console configuration',
          status: 'warning',
          detail: `${remaining.join(', ')} ${remaining.length === 1 ? 'is' : 'are'} still in ${target.localStateDir}: the app has not processed ${remaining.length === 1 ? 'it' : 'them'} yet.`,
          remedy:
            'Restart the Teams Rooms app (or the console): it reads the files only when it starts. If they are still there after a restart, check that the Skype user has full control of each file ' +
            `(icacls), and have ${SKYPE_SETTINGS_FILE_NAME} checked (roomready check-settings): the app applies a malformed file only up to its first error.`,
          evidence: { folder: target.localStateDir, remaining },
          at,
        },
  };
}
