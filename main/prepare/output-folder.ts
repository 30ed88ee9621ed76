// Writes a prepared output folder all at once: every file goes into a hidden staging folder next to
// the target, and only a complete folder is renamed into place. A run killed halfway leaves the old
// output untouched (and a staging folder the next run removes), never a half-written one.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface OutputFile {
  /** Relative path with "/" separators. */
  path: string;
  content: string | Uint8Array;
}

export class OutputFolderError extends Error {
  override name = 'OutputFolderError';
}

const STAGING_PREFIX = '.roomready-staging-';
const RETIRED_PREFIX = '.roomready-previous-';
/** A folder is ours to replace when it holds the manifest a previous prepare wrote. */
export const OUTPUT_MARKER = 'manifest.json';

function assertSafeRelative(relative: string): void {
  if (relative.length === 0 || relative.startsWith('/') || relative.includes('\\') || relative.split('/').some((part) => part === '..' || part === '' || part === '.')) {
    throw new OutputFolderError(`refusing to write "${relative}": not a plain relative path`);
  }
}

function isReplaceable(target: string): boolean {
  const entries = fs.readdirSync(target);
  return entries.length === 0 || entries.includes(OUTPUT_MARKER);
}

function removeStaleSiblings(parent: string, base: string): void {
  for (const entry of fs.readdirSync(parent)) {
    if (entry.startsWith(`${STAGING_PREFIX}${base}-`) || entry.startsWith(`${RETIRED_PREFIX}${base}-`)) {
      fs.rmSync(path.join(parent, entry), { recursive: true, force: true });
    }
  }
}

/**
 * Writes `files` as the complete content of `target`. `target` must not exist, be empty, or be a
 * previous RoomReady output (it holds manifest.json); anything else is refused so no one's files
 * are overwritten. The file named `last` (the manifest) is written last and flushed to disk.
 */
export function writeOutputFolder(target: string, files: readonly OutputFile[], last: string = OUTPUT_MARKER): void {
  const absolute = path.resolve(target);
  const parent = path.dirname(absolute);
  const base = path.basename(absolute);
  for (const file of files) assertSafeRelative(file.path);

  let targetExists = false;
  try {
    const stat = fs.statSync(absolute);
    if (!stat.isDirectory()) throw new OutputFolderError(`${target} exists and is not a folder`);
    targetExists = true;
  } catch (error) {
    if (error instanceof OutputFolderError) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new OutputFolderError(`cannot use ${target}: ${(error as Error).message}`);
  }
  if (targetExists && !isReplaceable(absolute)) {
    throw new OutputFolderError(`${target} is not empty and is not a RoomReady output folder (no ${OUTPUT_MARKER}); choose a new or empty folder`);
  }

  try {
    fs.mkdirSync(parent, { recursive: true });
  } catch (error) {
    throw new OutputFolderError(`cannot create ${parent}: ${(error as Error).message}`);
  }
  removeStaleSiblings(parent, base);
  const staging = path.join(parent, `${STAGING_PREFIX}${base}-${randomBytes(4).toString('hex')}`);
  try {
    fs.mkdirSync(staging);
    const made = new Set<string>([staging]);
    const ordered = [...files.filter((file) => file.path !== last), ...files.filter((file) => file.path === last)];
    for (const file of ordered) {
      const destination = path.join(staging, ...file.path.split('/'));
      const directory = path.dirname(destination);
      if (!made.has(directory)) {
        fs.mkdirSync(directory, { recursive: true });
        made.add(directory);
      }
      if (file.path === last) writeAndFlush(destination, file.content);
      else fs.writeFileSync(destination, file.content);
    }
    if (targetExists) {
      const retired = path.join(parent, `${RETIRED_PREFIX}${base}-${randomBytes(4).toString('hex')}`);
      fs.renameSync(absolute, retired);
      try {
        fs.renameSync(staging, absolute);
      } catch (error) {
        fs.renameSync(retired, absolute); // put the previous output back
        throw error;
      }
      fs.rmSync(retired, { recursive: true, force: true });
    } else {
      fs.renameSync(staging, absolute);
    }
    flushDirectory(parent);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    if (error instanceof OutputFolderError) throw error;
    throw new OutputFolderError(`could not write ${target}: ${(error as Error).message}`);
  }
}

function writeAndFlush(file: string, content: string | Uint8Array): void {
  const handle = fs.openSync(file, 'w');
  try {
    fs.writeFileSync(handle, content);
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
}

function flushDirectory(directory: string): void {
  try {
    const handle = fs.openSync(directory, 'r');
    try {
      fs.fsyncSync(handle);
    } finally {
      fs.closeSync(handle);
    }
  } catch {
    // Directories cannot be opened for fsync on Windows; the rename is still atomic there.
  }
}
