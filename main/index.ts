// The Electron main process: app lifecycle and the app-wide guards. Everything that can be decided
// without Electron (which URLs may open, how app:// maps onto files, the CSP) lives in main/shell/.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  session,
  shell,
  type MenuItemConstructorOptions,
  type WebContents,
} from 'electron';
import type { AppDeps, AppServices } from './app/deps.ts';
import { createAppServices } from './app/index.ts';
import { appWindowSenderCheck, registerIpcHandlers } from './ipc.ts';
import type { PdfPrintOptions } from './reports/pdf.ts';
import { PRODUCT_NAME } from './shell/app-info.ts';
import { APP_ORIGIN, APP_SCHEME, createAppProtocolHandler } from './shell/app-protocol.ts';
import { isAllowedExternalUrl } from './shell/external-links.ts';
import { electronDialogs, safeStorageSecrets, signInPageOpener, windowEmitter } from './shell/host-deps.ts';
import { isPermissionGranted } from './shell/permissions.ts';
import { CONTENT_SECURITY_POLICY, createMainWindow, currentAppInfo, RENDERER_RELATIVE_ROOT } from './window.ts';

/** Same as electron-builder.yml's appId; Windows groups taskbar entries and notifications by it. */
export const APP_USER_MODEL_ID = 'com.roomready.app';

/** How long quitting waits for the services to stop (runs to cancel, simulators to close). */
export const DISPOSE_TIMEOUT_MS = 5_000;

let mainWindow: BrowserWindow | null = null;
let services: AppServices | null = null;

function log(message: string): void {
  console.error(`[RoomReady] ${message}`);
}

/** Allow-listed documentation links go to the system browser; every other URL is dropped. */
function openExternallyIfAllowed(url: string): void {
  if (!isAllowedExternalUrl(url)) return;
  shell.openExternal(url).catch((error: unknown) => {
    console.error(`Could not open ${url}: ${error instanceof Error ? error.message : String(error)}`);
  });
}

/** Applied to every WebContents the app ever creates (windows, devtools, anything added later). */
export function hardenWebContents(contents: WebContents): void {
  // The app is one page: it never navigates. A link to the docs leaves through the system browser.
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openExternallyIfAllowed(url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternallyIfAllowed(url);
    return { action: 'deny' };
  });
}

/**
 * The renderer needs no camera, notifications, clipboard-read, geolocation... Only the app's own
 * page may write to the clipboard (its copy buttons); everything else, from anywhere, is denied.
 */
export function restrictPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionGranted(permission, details?.requestingUrl)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin),
  );
}

/** A CSS length ("16mm", "1.5cm", "0.5in", "48px") in inches, as printToPDF's margins want. */
export function cssLengthInInches(length: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(mm|cm|in|px)\s*$/.exec(length);
  if (!match) throw new Error(`"${length}" is not a page margin RoomReady can print with (use mm, cm, in or px).`);
  const value = Number(match[1]);
  const perInch = { mm: 25.4, cm: 2.54, in: 1, px: 96 }[match[2] as 'mm' | 'cm' | 'in' | 'px'];
  return value / perInch;
}

/**
 * A report's self-contained HTML printed to PDF by Chromium's print engine: loaded from a private
 * temporary file into a hidden window that is sandboxed, isolated, has no preload and runs no script,
 * printed on A4 with the report's header and footer, then destroyed with the file.
 */
export async function printHtmlToPdf(html: string, options: PdfPrintOptions): Promise<Uint8Array> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'roomready-print-'));
  const window = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true },
  });
  try {
    const file = path.join(folder, 'report.html');
    await writeFile(file, html, { mode: 0o600 });
    await window.loadFile(file);
    const { margin } = options;
    const pdf = await window.webContents.printToPDF({
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: options.headerTemplate,
      footerTemplate: options.footerTemplate,
      margins: { top: cssLengthInInches(margin.top), bottom: cssLengthInInches(margin.bottom), left: cssLengthInInches(margin.left), right: cssLengthInInches(margin.right) },
      pageSize: 'A4',
    });
    return new Uint8Array(pdf);
  } finally {
    window.destroy();
    await rm(folder, { recursive: true, force: true });
  }
}

/** What the app services get from the desktop app (main/app/deps.ts). */
export function electronAppDeps(): AppDeps {
  const dataDir = app.getPath('userData');
  const parent = () => (mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow : null);
  return {
    dataDir,
    dialogs: electronDialogs(dialog, parent, () => app.getPath('documents')),
    secretStore: safeStorageSecrets(safeStorage, path.join(dataDir, 'secrets')),
    emit: windowEmitter(parent, log),
    env: process.env,
    openExternal: signInPageOpener((url) => shell.openExternal(url)),
    log,
    printToPdf: printHtmlToPdf,
    // The proxy Chromium would use (PAC files and system settings included); the console's LocalState is found on Windows.
    onsite: { resolveProxy: (url) => session.defaultSession.resolveProxy(url) },
  };
}

/** Every channel of shared/ipc.ts, answered only for the main window's own top frame on app://. */
function startServices(): void {
  services = createAppServices(electronAppDeps());
  registerIpcHandlers(
    ipcMain,
    services.handlers,
    appWindowSenderCheck(APP_ORIGIN, (webContentsId) => webContentsId === mainWindow?.webContents.id),
    { log },
  );
}

/** Quitting waits (a bounded time) for the services to stop, then quits for real. */
function disposeBeforeQuit(): void {
  let disposed = false;
  app.on('before-quit', (event) => {
    if (disposed || services === null) return;
    event.preventDefault();
    disposed = true;
    const running = services;
    services = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        log(`The services did not stop within ${DISPOSE_TIMEOUT_MS / 1000} s; quitting anyway.`);
        resolve();
      }, DISPOSE_TIMEOUT_MS);
    });
    Promise.race([running.dispose(), timeout])
      .catch((error: unknown) => log(`Stopping the services failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        clearTimeout(timer);
        app.quit();
      });
  });
}

export interface MenuContext {
  appName: string;
  version: string;
  isDevelopment: boolean;
  platform: NodeJS.Platform;
  showAbout: () => void;
}

export function buildApplicationMenu(context: MenuContext): MenuItemConstructorOptions[] {
  const isMac = context.platform === 'darwin';
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  // Reloading throws away whatever the page holds; only a developer wants that.
  const developerItems: MenuItemConstructorOptions[] = context.isDevelopment
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator]
    : [];
  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    { label: '&File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        separator,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        ...developerItems,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        separator,
        { role: 'togglefullscreen' },
      ],
    },
    { label: '&Help', submenu: [{ label: `About ${context.appName}`, click: () => context.showAbout() }] },
  ];
}

function showAbout(): void {
  const { appName, version } = currentAppInfo();
  const options = {
    type: 'info' as const,
    title: `About ${appName}`,
    message: `${appName} ${version}`,
    detail: 'Setup wizard for Microsoft Teams Rooms and Skype Room Systems v2.',
    buttons: ['OK'],
  };
  const parent = BrowserWindow.getFocusedWindow();
  void (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
}

function openMainWindow(): void {
  mainWindow = createMainWindow();
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

/** A second launch hands over to the first: bring its window forward instead of opening another. */
function focusMainWindow(): void {
  if (mainWindow === null) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function onReady(): void {
  restrictPermissions();
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      rendererRoot: path.join(app.getAppPath(), RENDERER_RELATIVE_ROOT),
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    }),
  );
  const { appName, version } = currentAppInfo();
  const template = buildApplicationMenu({
    appName,
    version,
    isDevelopment: !app.isPackaged,
    platform: process.platform,
    showAbout,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  startServices(); // before the window: the page's first request must find its handler
  openMainWindow();
}

function start(): void {
  // Both must happen before 'ready': no window may opt out of the sandbox, and a scheme's
  // privileges are fixed when Chromium starts.
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);
  app.setName(PRODUCT_NAME);
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit(); // macOS apps stay in the dock until Quit
  });
  disposeBeforeQuit();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      console.error('RoomReady could not start:', error);
      app.exit(1);
    });
}

start();
