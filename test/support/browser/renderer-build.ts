// The built renderer the browser tests serve: `electron-vite build` (what `npm run build` runs)
// once per test run, then a private copy of out/renderer, so another build running meanwhile (a
// colleague's, another test's) cannot empty the folder under the page.
// ROOMREADY_E2E_SKIP_BUILD=1 serves the out/renderer that is already there.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { oncePerRun, plainError } from './once-per-run.ts';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../../..');
export const BUILT_RENDERER = path.join(PROJECT_ROOT, 'out/renderer');

async function exists(filePath: string): Promise<boolean> {
  return stat(filePath).then(
    () => true,
    () => false,
  );
}

/** Runs electron-vite's build of main, preload and renderer into out/; fails with the build's own words. */
export async function buildApp(): Promise<void> {
  const cli = path.join(PROJECT_ROOT, 'node_modules/electron-vite/bin/electron-vite.js');
  await new Promise<void>((resolve, reject) => {
    execFile(process.execPath, [cli, 'build', '--logLevel', 'warn'], { cwd: PROJECT_ROOT, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, timeout: 170_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error === null) resolve();
      else reject(plainError(`The renderer does not build (electron-vite build):\n${(stderr || stdout || error.message).trim().slice(-4000)}`));
    });
  });
}

/** Builds (once per run) and returns a folder holding a copy of the built renderer. */
export async function preparedRenderer(runDir?: string): Promise<string> {
  if (process.env.ROOMREADY_E2E_SKIP_BUILD === '1') {
    if (!(await exists(path.join(BUILT_RENDERER, 'index.html')))) throw plainError('ROOMREADY_E2E_SKIP_BUILD=1 but out/renderer/index.html is missing: run npm run build first.');
    return BUILT_RENDERER;
  }
  return oncePerRun(runDir, 'renderer-build', async () => {
    await buildApp();
    const target = path.join(runDir ?? (await mkdtemp(path.join(os.tmpdir(), 'roomready-renderer-'))), 'renderer');
    await cp(BUILT_RENDERER, target, { recursive: true });
    return target;
  });
}
