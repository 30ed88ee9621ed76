// scripts/start.mjs where the Electron binary cannot be had: a plain message, exit code 3, no stack
// trace, and no hanging. Runs the real script in a child process with the build step skipped.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const projectRoot = path.resolve(import.meta.dirname, '../../..');
const startScript = path.join(projectRoot, 'scripts', 'start.mjs');
const electronPackage = path.join(projectRoot, 'node_modules', 'electron');
const electronVersion = JSON.parse(readFileSync(path.join(electronPackage, 'package.json'), 'utf8')).version as string;

/** Where the binary is already installed, require('electron') downloads nothing: those tests can't apply. */
const binaryInstalled = (() => {
  try {
    const relative = readFileSync(path.join(electronPackage, 'path.txt'), 'utf8');
    return existsSync(path.join(electronPackage, 'dist', relative));
  } catch {
    return false;
  }
})();

interface RunResult {
  code: number | null;
  output: string;
  elapsedMs: number;
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function emptyDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'roomready-start-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

function runStart(env: Record<string, string>, args: string[] = []): Promise<RunResult> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ROOMREADY_SKIP_BUILD: '1', ...env };
  for (const name of ['ELECTRON_OVERRIDE_DIST_PATH', 'ELECTRON_MIRROR', 'ELECTRON_RUN_AS_NODE']) {
    if (!(name in env)) delete childEnv[name];
  }
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [startScript, ...args], { cwd: projectRoot, env: childEnv, stdio: 'pipe' });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, output: Buffer.concat(chunks).toString('utf8'), elapsedMs: Date.now() - started }),
    );
  });
}

function expectNoStackTrace(output: string): void {
  expect(output).not.toMatch(/^\s+at\s/m); // "    at Module._compile (...)"
  expect(output).not.toMatch(/\b\w*Error:/); // "TypeError: fetch failed", "Error: Electron failed..."
  expect(output).not.toContain('node_modules');
}

function expectWhatWorksWithoutElectron(output: string): void {
  expect(output).toContain('ELECTRON_MIRROR');
  expect(output).toContain('npx install-electron');
  expect(output).toContain(`ELECTRON_OVERRIDE_DIST_PATH to a folder holding an unpacked Electron ${electronVersion}`);
  expect(output).toContain('npx roomready --help');
  expect(output).toContain('npx roomready prepare <rooms.csv> --out <dir>');
  expect(output).toContain('npm test');
}

describe('npm start without an Electron binary', () => {
  it.skipIf(binaryInstalled)(
    'when the download fails: says so plainly, points at what works, exits 3, fast',
    async () => {
      const result = await runStart({
        ELECTRON_MIRROR: 'http://127.0.0.1:9/', // the discard port: nothing listens, the connection is refused
        electron_config_cache: await emptyDir(), // no cached zip to fall back on
      });

      expect(result.code).toBe(3);
      expect(result.output).toContain(
        "RoomReady's desktop app cannot start: the Electron runtime is not on this machine and could not be downloaded from the mirror http://127.0.0.1:9/ (fetch failed).",
      );
      expectWhatWorksWithoutElectron(result.output);
      expectNoStackTrace(result.output);
      expect(result.elapsedMs).toBeLessThan(15_000);
    },
  );

  it.skipIf(binaryInstalled)(
    'when the download hangs: gives up after ROOMREADY_ELECTRON_TIMEOUT_MS and kills the downloader',
    async () => {
      const sockets = new Set<net.Socket>();
      const closed: Promise<void>[] = [];
      const server = net.createServer((socket) => {
        sockets.add(socket); // accept and read the request, then never answer
        socket.resume(); // reading is what lets the server see the other side go away
        closed.push(new Promise((resolve) => socket.on('close', () => resolve())));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      cleanups.push(async () => {
        for (const socket of sockets) socket.destroy();
        await new Promise((resolve) => server.close(resolve));
      });
      const { port } = server.address() as net.AddressInfo;

      const result = await runStart({
        ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
        electron_config_cache: await emptyDir(),
        ROOMREADY_ELECTRON_TIMEOUT_MS: '1500',
      });

      expect(result.code).toBe(3);
      expect(result.output).toContain(`did not finish within 1.5 s`);
      expectWhatWorksWithoutElectron(result.output);
      expectNoStackTrace(result.output);
      expect(result.elapsedMs).toBeLessThan(10_000);
      // The download did reach the server, and its connection was dropped: the downloader is dead.
      expect(sockets.size).toBeGreaterThan(0);
      const giveUp = new Promise((_, reject) => setTimeout(reject, 5_000, new Error('the downloader is still connected')));
      await expect(Promise.race([Promise.all(closed), giveUp])).resolves.toBeDefined();
    },
  );

  it('when ELECTRON_OVERRIDE_DIST_PATH points at a folder without Electron: the same plain message', async () => {
    const emptyDist = await emptyDir();
    const result = await runStart({ ELECTRON_OVERRIDE_DIST_PATH: emptyDist });

    expect(result.code).toBe(3);
    expect(result.output).toContain(`RoomReady's desktop app cannot start: Electron points at ${emptyDist}`);
    expect(result.output).toContain('but there is no executable there.');
    expectWhatWorksWithoutElectron(result.output);
    expectNoStackTrace(result.output);
  });
});

describe('npm start with an Electron binary', () => {
  it.skipIf(process.platform === 'win32')(
    'launches it on the project with the extra arguments, without ELECTRON_RUN_AS_NODE, and passes its exit code on',
    async () => {
      // A stand-in executable where Electron would be: it reports how it was started.
      const dist = await emptyDir();
      await writeFile(
        path.join(dist, 'electron'),
        '#!/bin/sh\necho "launched cwd=$(pwd) args=$* run_as_node=${ELECTRON_RUN_AS_NODE:-unset}"\nexit 7\n',
      );
      await chmod(path.join(dist, 'electron'), 0o755);

      const result = await runStart({ ELECTRON_OVERRIDE_DIST_PATH: dist, ELECTRON_RUN_AS_NODE: '1' }, ['--no-sandbox']);

      expect(result.output).toContain(`launched cwd=${projectRoot} args=. --no-sandbox run_as_node=unset`);
      expect(result.code).toBe(7);
    },
  );
});
