// The real desktop app under Playwright's _electron: the built main, preload and renderer in the
// Electron binary. Where the binary is not installed (the electron npm package downloads it from
// GitHub on first use, which offline machines cannot do), every test here is reported as SKIPPED,
// with the reason in the suite's name; it never fails there, and never passes without running.
// The rest of the shell is covered without the binary: test/unit/shell (electron mocked),
// test/integration/electronegativity.test.ts (static analysis of the build), test/e2e/*.test.ts
// (the renderer in Chromium over the same handlers).
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { IPC_CHANNELS } from '../../shared/ipc-channels.ts';
import { preparedRenderer, PROJECT_ROOT } from '../support/browser/renderer-build.ts';

interface ElectronRuntime {
  available: boolean;
  executablePath: string;
  reason: string;
}

/** Where the electron package keeps (or would keep) its binary, without require('electron'), which would start a download. */
function findElectron(): ElectronRuntime {
  const packageDir = path.join(PROJECT_ROOT, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  const platformPath = existsSync(pathFile)
    ? readFileSync(pathFile, 'utf8').trim()
    : ({ darwin: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' } as Record<string, string>)[os.platform()] ?? 'electron';
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, 'dist');
  const executablePath = path.join(distDir, platformPath);
  if (!existsSync(executablePath)) {
    return { available: false, executablePath, reason: `Electron binary not installed: ${executablePath} missing` };
  }
  if (os.platform() === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { available: false, executablePath, reason: 'no display for Electron: DISPLAY is not set (run the tests under xvfb-run -a)' };
  }
  return { available: true, executablePath, reason: '' };
}

const electron = findElectron();
const NAMESPACES = [...new Set(IPC_CHANNELS.map((channel) => channel.split('.')[0]!))].sort();
const suiteName = electron.available ? 'the Electron app (Playwright _electron)' : `the Electron app (Playwright _electron) — SKIPPED: ${electron.reason}`;

if (!electron.available) console.warn(`test/e2e/electron-app.test.ts skipped: ${electron.reason}`);

describe.skipIf(!electron.available)(suiteName, () => {
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    await preparedRenderer(inject('browserRunDir')); // builds main, preload and renderer into out/ once per run
    const isRoot = os.platform() === 'linux' && process.getuid?.() === 0;
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE') env[key] = value;
    app = await _electron.launch({
      executablePath: electron.executablePath,
      // Electron refuses to run as root with its OS sandbox; only this test launch turns it off.
      args: [PROJECT_ROOT, ...(isRoot ? ['--no-sandbox'] : [])],
      cwd: PROJECT_ROOT,
      env,
      timeout: 60_000,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('opens one window titled RoomReady, on app://', async () => {
    const windows = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((window) => window.getTitle()));
    expect(windows).toHaveLength(1);
    expect(windows[0]).toMatch(/RoomReady/);
    expect(await page.title()).toMatch(/RoomReady/);
    expect(page.url()).toBe('app://roomready/index.html');
  });

  it('gives the page no Node and no Electron: no require, process, module, Buffer or ipcRenderer', async () => {
    // The webPreferences themselves are asserted by test/unit/shell/window.test.ts and Electronegativity.
    const globals = await page.evaluate(() => {
      const scope = globalThis as Record<string, unknown>;
      return {
        require: typeof scope.require,
        process: typeof scope.process,
        module: typeof scope.module,
        Buffer: typeof scope.Buffer,
        ipcRenderer: typeof scope.ipcRenderer,
        electron: typeof scope.electron,
      };
    });
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined', ipcRenderer: 'undefined', electron: 'undefined' });
  });

  it('exposes window.roomready with its namespaces, and a request reaches main and comes back', async () => {
    const exposed = await page.evaluate(() => {
      const api = (globalThis as unknown as { roomready?: Record<string, unknown> }).roomready;
      return api === undefined ? null : { keys: Object.keys(api).sort(), on: typeof api.on, frozen: Object.isFrozen(api), appName: api.appName };
    });
    expect(exposed).not.toBeNull();
    for (const namespace of NAMESPACES) expect(exposed!.keys).toContain(namespace);
    expect(exposed).toMatchObject({ on: 'function', frozen: true, appName: 'RoomReady' });

    const info = await page.evaluate(() => (globalThis as unknown as { roomready: { app: { info(input: object): Promise<unknown> } } }).roomready.app.info({}));
    expect(info).toMatchObject({ ok: true, data: { appName: 'RoomReady' } });
  });

  it('renders its first screen: Start, or the practice site on a first launch without a tenant', async () => {
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent(), { timeout: 15_000 }).toMatch(/RoomReady|^Site: Practice/);
  });
});
