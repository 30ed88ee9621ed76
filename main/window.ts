// The main window and the security settings it is created with. The settings are exported as data
// so tests (and issue 4's checks) assert exactly what the app ships.
import path from 'node:path';
import { app, BrowserWindow, type WebPreferences } from 'electron';
import { encodeAppInfoArgument, PRODUCT_NAME, type AppInfo } from './shell/app-info.ts';
import { APP_ENTRY_URL } from './shell/app-protocol.ts';

export { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES } from './shell/content-security-policy.ts';

/** Build outputs, relative to app.getAppPath() (the project root in development, app.asar when packaged). */
export const PRELOAD_RELATIVE_PATH = path.join('out', 'preload', 'preload.cjs');
export const RENDERER_RELATIVE_ROOT = path.join('out', 'renderer');

/**
 * Every setting spelled out, including the ones that are already Electron's defaults, so a future
 * default change or a careless edit shows up in review and in the tests. createMainWindow repeats
 * these as a literal (see there); test/unit/shell/window.test.ts holds the two equal.
 */
export const MAIN_WINDOW_WEB_PREFERENCES = Object.freeze({
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
} as const satisfies WebPreferences);

export function currentAppInfo(): AppInfo {
  return { appName: PRODUCT_NAME, version: app.getVersion(), platform: process.platform };
}

/** Creates the window hidden and shows it once painted, so nobody sees a blank frame. */
export function createMainWindow(): BrowserWindow {
  const info = currentAppInfo();
  const window = new BrowserWindow({
    width: 1100,
    height: 760,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: info.appName,
    // A literal, not a spread of MAIN_WINDOW_WEB_PREFERENCES: Electronegativity (run on the build by
    // test/integration/electronegativity.test.ts) reads only what is written here, and would report
    // sandbox and contextIsolation as missing. The unit tests hold this object equal to the constant.
    webPreferences: {
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
      preload: path.join(app.getAppPath(), PRELOAD_RELATIVE_PATH),
      additionalArguments: [encodeAppInfoArgument(info)],
    },
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.on('preload-error', (_event, preloadPath, error) => {
    console.error(`The preload ${preloadPath} failed: ${error.message}`);
  });
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error(`Could not load ${APP_ENTRY_URL}: ${error instanceof Error ? error.message : String(error)}`);
  });
  return window;
}
