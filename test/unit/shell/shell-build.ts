// Builds the shell as it ships (electron.vite.config.ts: main as ESM, the preload as one CommonJS
// file) into a fresh temporary folder, so static checks read the real bundles without touching
// out/ (other tests and `npm start` use that). ROOMREADY_BUILD_SHELL_ONLY leaves the renderer out.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../../..');
const ELECTRON_VITE = path.join(PROJECT_ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');

export interface ShellBuild {
  readonly outDir: string;
  readonly mainDir: string;
  readonly preloadDir: string;
  readonly mainFile: string;
  readonly preloadFile: string;
  remove(): Promise<void>;
}

export async function buildShell(): Promise<ShellBuild> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'roomready-shell-build-'));
  const output: Buffer[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [ELECTRON_VITE, 'build', '--outDir', outDir, '--logLevel', 'warn'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ROOMREADY_BUILD_SHELL_ONLY: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('error', reject);
    child.on('close', resolve);
  });
  const remove = () => rm(outDir, { recursive: true, force: true });
  if (code !== 0) {
    await remove();
    throw new Error(`electron-vite build failed (exit ${code}):\n${Buffer.concat(output).toString('utf8')}`);
  }
  const mainDir = path.join(outDir, 'main');
  const preloadDir = path.join(outDir, 'preload');
  return {
    outDir,
    mainDir,
    preloadDir,
    mainFile: path.join(mainDir, 'index.js'),
    preloadFile: path.join(preloadDir, 'preload.cjs'),
    remove,
  };
}
