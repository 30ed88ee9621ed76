// main/window.ts: the exact security settings of the main window, and how it opens.
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeAppInfoArgument } from '../../../main/shell/app-info.ts';
import { becomeReady, MockBrowserWindow, resetElectronMock } from './electron-mock.ts';

vi.mock('electron', () => import('./electron-mock.ts'));

const { createMainWindow, MAIN_WINDOW_WEB_PREFERENCES } = await import('../../../main/window.ts');

// Written out by hand on purpose: a change to any of these must be a deliberate edit of this test.
const EXPECTED_SECURITY_PREFERENCES = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
};

describe('MAIN_WINDOW_WEB_PREFERENCES', () => {
  it('is exactly the hardened set, and frozen', () => {
    expect(MAIN_WINDOW_WEB_PREFERENCES).toStrictEqual(EXPECTED_SECURITY_PREFERENCES);
    expect(Object.isFrozen(MAIN_WINDOW_WEB_PREFERENCES)).toBe(true);
  });
});

describe('createMainWindow', () => {
  beforeEach(async () => {
    resetElectronMock({ appPath: '/opt/RoomReady/resources/app.asar' });
    await becomeReady();
  });

  it('creates the window with exactly those settings, the bundled preload and the app facts', () => {
    createMainWindow();
    const { webPreferences } = MockBrowserWindow.instances[0]!.options as { webPreferences: Record<string, unknown> };
    const { preload, additionalArguments, ...security } = webPreferences;

    expect(security).toStrictEqual(EXPECTED_SECURITY_PREFERENCES);
    expect(preload).toBe(path.join('/opt/RoomReady/resources/app.asar', 'out', 'preload', 'preload.cjs'));
    expect(additionalArguments).toHaveLength(1);
    expect(decodeAppInfoArgument(additionalArguments as string[])).toEqual({
      appName: 'RoomReady',
      version: '0.1.0',
      platform: process.platform,
    });
  });

  it('the literal it gives BrowserWindow (which Electronegativity reads) equals MAIN_WINDOW_WEB_PREFERENCES', () => {
    createMainWindow();
    const { webPreferences } = MockBrowserWindow.instances[0]!.options as { webPreferences: Record<string, unknown> };
    const { preload: _preload, additionalArguments: _arguments, ...security } = webPreferences;
    expect(security).toStrictEqual({ ...MAIN_WINDOW_WEB_PREFERENCES });
  });

  it('stays hidden until the first paint, then shows', () => {
    const window = createMainWindow() as unknown as MockBrowserWindow;
    expect((window.options as { show: boolean }).show).toBe(false);
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  it('loads the page from app://, never file://', () => {
    const window = createMainWindow() as unknown as MockBrowserWindow;
    expect(window.loadedUrl).toBe('app://roomready/index.html');
  });
});
