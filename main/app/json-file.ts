// The app's own small JSON files under dataDir (recent sites, per-site progress): read leniently
// (a missing file is empty; a damaged one is logged and ignored) and written atomically.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { writeFileAtomically } from '../workspace/atomic-write.ts';

export async function readJsonFile<S extends z.ZodType>(file: string, schema: S, log: (message: string) => void): Promise<z.output<S> | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log(`Could not read ${file} (${(error as Error).message}); starting without it.`);
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    log(`${file} is not valid JSON (damaged?); it is ignored and will be rewritten.`);
    return undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    log(`${file} is not in the expected shape (damaged or from another version); it is ignored and will be rewritten.`);
    return undefined;
  }
  return parsed.data;
}

export async function writeJsonFile(file: string, value: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomically(file, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
}

/** Runs writes one after another (the last state wins, none interleaves). */
export class WriteQueue {
  private tail: Promise<void> = Promise.resolve();
  constructor(private readonly log: (message: string) => void) {}

  push(write: () => Promise<void>): Promise<void> {
    this.tail = this.tail.then(write).catch((error: unknown) => this.log(`Could not save: ${(error as Error).message}`));
    return this.tail;
  }

  idle(): Promise<void> {
    return this.tail;
  }
}
