// Exports the console configuration into a folder for a USB stick, all or nothing: the files and
// README-USB.txt are written into a hidden staging folder next to the target, which is renamed into
// place only when complete. A folder that already holds anything is refused, never mixed into.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { describeFsError } from '../workspace/fs-errors.ts';
import { ConsoleConfigError } from './console-target.ts';

export interface ExportFile {
  name: string;
  bytes: Uint8Array | string;
}

const code = (error: unknown) => (error as NodeJS.ErrnoException).code;

/** Throws unless `folder` is absent or empty; returns whether it exists (empty). */
async function checkTarget(folder: string): Promise<boolean> {
  let entries: string[];
  try {
    entries = await readdir(folder);
  } catch (error) {
    if (code(error) === 'ENOENT') return false;
    if (code(error) === 'ENOTDIR') throw new ConsoleConfigError(`Cannot export to ${folder}: a file has that name. Choose a new or empty folder.`);
    throw new ConsoleConfigError(`Cannot export to ${folder}: ${describeFsError(error)}.`);
  }
  if (entries.length > 0) {
    throw new ConsoleConfigError(`Cannot export to ${folder}: the folder is not empty (it holds ${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''}). Choose a new or empty folder.`);
  }
  return true;
}

/** Writes `files` as the whole content of `folder`; returns its absolute path. */
export async function exportFolderAtomically(folder: string, files: readonly ExportFile[]): Promise<string> {
  const target = resolve(folder);
  const exists = await checkTarget(target);
  const parent = dirname(target);
  try {
    if (!(await stat(parent)).isDirectory()) throw Object.assign(new Error(), { code: 'ENOTDIR' });
  } catch (error) {
    throw new ConsoleConfigError(`Cannot export to ${target}: its parent folder ${parent} cannot be used (${describeFsError(error)}).`);
  }
  const staging = join(parent, `.roomready-usb-${basename(target)}-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(staging);
    for (const file of files) await writeFile(join(staging, file.name), file.bytes, { flag: 'wx' });
    // Windows cannot rename onto an existing folder, even an empty one.
    if (exists) await rmdir(target);
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    if (exists) await mkdir(target).catch(() => undefined); // the empty folder the user chose, as it was
    throw new ConsoleConfigError(`Could not export the console configuration to ${target}: ${describeFsError(error)}. Nothing was written there.`);
  }
  return target;
}
