// vitest globalSetup: one scratch folder per test run, where the browser tests' workers agree on
// doing shared work once (see once-per-run.ts: the renderer build, a browser download). Creating
// it costs nothing, so runs without browser tests pay nothing: the work happens on first use.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's scratch folder for browser-test work done once per run. */
    browserRunDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runDir = await mkdtemp(path.join(os.tmpdir(), 'roomready-test-run-'));
  project.provide('browserRunDir', runDir);
  return async () => {
    await rm(runDir, { recursive: true, force: true });
  };
}
