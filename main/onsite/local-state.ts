// Places files into the console's LocalState so that the app, which may start at any moment, sees
// each file complete and already readable by its user, or not at all: every file is first written
// under a hidden temporary name in the same folder, flushed and granted to the app's user; only
// then are they renamed into place (NTFS keeps a file's permissions across a rename within a
// folder). On any failure everything this call wrote is removed.
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describeFsError } from '../workspace/fs-errors.ts';
import { ConsoleConfigError, type ConsoleTarget } from './console-target.ts';

export interface LocalStateFile {
  name: string;
  bytes: Uint8Array;
}

async function writeFlushed(path: string, bytes: Uint8Array, onCreated: () => void): Promise<void> {
  // 'wx': never reuse or follow something already at the temporary name.
  const handle = await open(path, 'wx', 0o644);
  onCreated();
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes every file into target.localStateDir, granted, or none of them. */
export async function placeInLocalState(target: ConsoleTarget, files: readonly LocalStateFile[]): Promise<void> {
  const staged: { temporary: string; final: string }[] = [];
  const placed: string[] = [];
  let failing = '';
  try {
    for (const file of files) {
      failing = file.name;
      const entry = { temporary: join(target.localStateDir, `.${file.name}.${randomBytes(6).toString('hex')}.tmp`), final: join(target.localStateDir, file.name) };
      await writeFlushed(entry.temporary, file.bytes, () => staged.push(entry));
      await target.grantAccess(entry.temporary);
    }
    for (const entry of staged) {
      failing = entry.final;
      await rename(entry.temporary, entry.final);
      placed.push(entry.final);
    }
  } catch (error) {
    await Promise.all([...staged.map((entry) => entry.temporary), ...placed].map((path) => rm(path, { force: true }).catch(() => undefined)));
    const reason = error instanceof ConsoleConfigError ? error.message : `${failing}: ${describeFsError(error)}`;
    throw new ConsoleConfigError(`Could not place the console configuration in ${target.localStateDir}. ${reason} Nothing this attempt wrote was left there.`);
  }
}
