// Writes a prepared output folder all at once: every file goes into a hidden staging folder next to
// the target, and only a complete folder is renamed into place. A run killed halfway leaves the old
// output untouched (and a staging folder the next run removes), never a half-written one.
//
// No fsync: on ext4 (data=ordered) and NTFS, syncing one file of a fresh 100 MB folder forces all of
// it to disk and costs more than writing it. Against a power cut mid-write the answer is to run
// prepare again; readers treat a folder whose manifest.json does not validate as incomplete. The
// small files that matter on their own (site files, the secrets vault) are written durably.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FileContent } from '../../shared/prepare.ts';
import type { SharedText } from '../../shared/powershell.ts';

export interface OutputFile {
  /** Relative path with "/" separators. */
  path: string;
  /** Text (written as UTF-8), bytes, or text in consecutive pieces (see FileContent). */
  content: string | Uint8Array | FileContent;
}

// A shared piece (a script's helper library) is the same object in every file that has it:
// encode it once.
const encodedShared = new WeakMap<SharedText, Buffer>();

function encodePiece(piece: string | SharedText): Buffer {
  if (typeof piece === 'string') return Buffer.from(piece, 'utf8');
  let bytes = encodedShared.get(piece);
  if (bytes === undefined) encodedShared.set(piece, (bytes = Buffer.from(piece.text, 'utf8')));
  return bytes;
}

function writeContent(destination: string, content: OutputFile['content']): void {
  const bytes = typeof content === 'string' || content instanceof Uint8Array ? content : Buffer.concat(content.map(encodePiece));
  fs.writeFileSync(destination, bytes);
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

const message = (error: unknown) => (error as Error).message;

/** An output folder being written: put() files as they are made, then commit() or abort(). */
export class StagedOutputFolder {
  private readonly staging: string;
  private readonly made = new Set<string>();
  private closed = false;

  private constructor(
    private readonly target: string,
    private readonly absolute: string,
    private readonly targetExists: boolean,
  ) {
    this.staging = path.join(path.dirname(absolute), `${STAGING_PREFIX}${path.basename(absolute)}-${randomBytes(4).toString('hex')}`);
    fs.mkdirSync(this.staging);
    this.made.add(this.staging);
  }

  /**
   * `target` must not exist, be empty, or be a previous RoomReady output (it holds manifest.json);
   * anything else is refused so no one's files are overwritten.
   */
  static open(target: string): StagedOutputFolder {
    const absolute = path.resolve(target);
    let targetExists = false;
    try {
      if (!fs.statSync(absolute).isDirectory()) throw new OutputFolderError(`${target} exists and is not a folder`);
      targetExists = true;
    } catch (error) {
      if (error instanceof OutputFolderError) throw error;
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new OutputFolderError(`cannot use ${target}: ${message(error)}`);
    }
    if (targetExists && !isReplaceable(absolute)) {
      throw new OutputFolderError(`${target} is not empty and is not a RoomReady output folder (no ${OUTPUT_MARKER}); choose a new or empty folder`);
    }
    const parent = path.dirname(absolute);
    try {
      fs.mkdirSync(parent, { recursive: true });
      removeStaleSiblings(parent, path.basename(absolute));
      return new StagedOutputFolder(target, absolute, targetExists);
    } catch (error) {
      throw new OutputFolderError(`cannot create the output folder in ${parent}: ${message(error)}`);
    }
  }

  put(file: OutputFile): void {
    if (this.closed) throw new OutputFolderError(`${this.target} is already closed`);
    try {
      assertSafeRelative(file.path);
      const destination = path.join(this.staging, ...file.path.split('/'));
      const directory = path.dirname(destination);
      if (!this.made.has(directory)) {
        fs.mkdirSync(directory, { recursive: true });
        this.made.add(directory);
      }
      writeContent(destination, file.content);
    } catch (error) {
      this.abort();
      if (error instanceof OutputFolderError) throw error;
      throw new OutputFolderError(`could not write ${this.target}: ${message(error)}`);
    }
  }

  /** Writes `last` (the manifest), then moves the complete folder into place. */
  commit(last: OutputFile): void {
    this.put(last);
    const retired = path.join(path.dirname(this.absolute), `${RETIRED_PREFIX}${path.basename(this.absolute)}-${randomBytes(4).toString('hex')}`);
    try {
      if (this.targetExists) {
        fs.renameSync(this.absolute, retired);
        try {
          fs.renameSync(this.staging, this.absolute);
        } catch (error) {
          fs.renameSync(retired, this.absolute); // put the previous output back
          throw error;
        }
        this.closed = true;
        fs.rmSync(retired, { recursive: true, force: true });
      } else {
        fs.renameSync(this.staging, this.absolute);
        this.closed = true;
      }
    } catch (error) {
      this.abort();
      throw new OutputFolderError(`could not write ${this.target}: ${message(error)}`);
    }
  }

  /** Removes everything written so far; the target stays as it was. Nothing to do once committed. */
  abort(): void {
    if (this.closed) return;
    this.closed = true;
    fs.rmSync(this.staging, { recursive: true, force: true });
  }
}

/** Writes `files` as the complete content of `target`; the file named `last` goes last. */
export function writeOutputFolder(target: string, files: readonly OutputFile[], last: string = OUTPUT_MARKER): void {
  for (const file of files) assertSafeRelative(file.path);
  const folder = StagedOutputFolder.open(target);
  const lastFile = files.find((file) => file.path === last) ?? { path: last, content: '' };
  for (const file of files) if (file !== lastFile) folder.put(file);
  folder.commit(lastFile);
}
