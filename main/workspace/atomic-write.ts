// Replace a file so that a reader (or a crash, or a full disk) sees either the old content or the
// new one, never half of it: write a temporary file in the same directory, flush it to disk, rename
// it over the target (atomic within one file system) and flush the directory so the rename itself
// survives a power cut. On any failure the temporary file is removed and the target is untouched.
import { randomBytes } from 'node:crypto';
import * as fsPromises from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The parts of node:fs/promises used here; tests pass one that fails on purpose. */
export interface AtomicWriteFs {
  open(path: string, flags: string, mode?: number): Promise<WritableFile>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: boolean }): Promise<void>;
}

export interface WritableFile {
  writeFile(data: Uint8Array | string): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface AtomicWriteOptions {
  /** Permissions of a newly written file; 0o600 for anything secret. */
  mode?: number;
  fs?: AtomicWriteFs;
}

export async function writeFileAtomically(path: string, data: Uint8Array | string, options: AtomicWriteOptions = {}): Promise<void> {
  const fs = options.fs ?? fsPromises;
  const directory = dirname(path);
  // Hidden, random and in the same directory: rename is only atomic within one file system.
  const temporary = join(directory, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let created = false;
  try {
    // 'wx': never follow or reuse something already at the temporary name.
    const file = await fs.open(temporary, 'wx', options.mode ?? 0o644);
    created = true;
    try {
      await file.writeFile(data);
      await file.sync();
    } finally {
      await file.close();
    }
    await fs.rename(temporary, path);
    created = false;
  } catch (error) {
    if (created) await fs.rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(fs, directory);
}

async function syncDirectory(fs: AtomicWriteFs, directory: string): Promise<void> {
  let handle: WritableFile | undefined;
  try {
    handle = await fs.open(directory, 'r');
    await handle.sync();
  } catch (error) {
    // Best effort where the platform cannot flush a directory: Windows refuses to open one (NTFS
    // journals the rename itself) and some network file systems reject the call. A real I/O error
    // is reported, because then the rename may not survive a power cut.
    if ((error as NodeJS.ErrnoException).code === 'EIO') throw error;
  } finally {
    await handle?.close();
  }
}
