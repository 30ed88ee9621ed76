// Work that every test file of one vitest run needs but that should happen once (building the
// renderer, fetching a browser). Test files run in separate worker processes, so "once" is decided
// on disk: the first worker to create `<name>.lock` in the run's folder does the work and writes
// `<name>.json`; the others wait for that file. Without a run folder (a benchmark, a single
// process) it is a plain in-process memo.
import { mkdir, readFile, writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

const memo = new Map<string, Promise<unknown>>();

function unwrap<T>(outcome: Outcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw plainError(outcome.message);
}

/** An error that prints as its message alone: what went wrong is the message, not where. */
export function plainError(message: string): Error {
  const error = new Error(message);
  error.stack = message;
  return error;
}

async function settle<T>(work: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

export async function oncePerRun<T>(runDir: string | undefined, name: string, work: () => Promise<T>, timeoutMs = 180_000): Promise<T> {
  if (runDir === undefined) {
    if (!memo.has(name)) memo.set(name, settle(work));
    return unwrap((await memo.get(name)) as Outcome<T>);
  }
  const resultFile = path.join(runDir, `${name}.json`);
  let owner = false;
  try {
    await mkdir(path.join(runDir, `${name}.lock`));
    owner = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (owner) {
    const outcome = await settle(work);
    const partial = `${resultFile}.${process.pid}.tmp`;
    await writeFile(partial, JSON.stringify(outcome));
    await rename(partial, resultFile);
    return unwrap(outcome);
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      return unwrap(JSON.parse(await readFile(resultFile, 'utf8')) as Outcome<T>);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    await sleep(100);
  }
  throw plainError(`Waited ${Math.round(timeoutMs / 1000)} s for another test worker to finish "${name}"; it never did.`);
}
