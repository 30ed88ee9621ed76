// A hand-written stand-in for the parts of 'electron' the shell uses (after Electron Fiddle's
// tests/mocks/electron.ts). Where the shell relies on Electron's rules it keeps them: enableSandbox,
// registerSchemesAsPrivileged and requestSingleInstanceLock only before 'ready', protocol.handle and
// session only after it; a new BrowserWindow emits 'web-contents-created'. It records what the shell
// registered so tests can drive those handlers.
//
// Use: vi.mock('electron', () => import('./electron-mock.ts')), import the controls from this file,
// and import 'electron' once at the top of the test file too. vi.resetModules() keeps an already
// created mock, so the test and every re-imported main module then share these objects; a first
// import of 'electron' after a reset would make a second copy. resetElectronMock() returns them to a
// fresh app that is not ready yet.
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { vi } from 'vitest';

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };
type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl?: string; isMainFrame?: boolean },
) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, requestingOrigin: string, details: unknown) => boolean;
type InvokeListener = (event: unknown, payload: unknown) => Promise<unknown>;
type ProtocolHandler = (request: Request) => Promise<Response> | Response;

interface PrivilegedScheme {
  scheme: string;
  privileges?: Record<string, boolean>;
}

const state = {
  ready: false,
  singleInstanceLock: true,
  appPath: '/mock/app',
  userDataPath: '/mock/userData',
  nextWebContentsId: 1,
  resolveReady: (): void => undefined,
  readyPromise: Promise.resolve(),
};

function requireNotReady(api: string): void {
  if (state.ready) throw new Error(`${api} can only be called before app is ready`);
}

function requireReady(api: string): void {
  if (!state.ready) throw new Error(`${api} cannot be used before app is ready`);
}

export class MockWebContents extends EventEmitter {
  readonly id = state.nextWebContentsId++;
  windowOpenHandler: WindowOpenHandler | null = null;
  destroyed = false;
  /** What main sent to the page: [channel, ...args]. */
  sent: unknown[][] = [];
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push([channel, ...args]);
  }
  /** What printToPDF was asked, with the page loaded at the time. */
  printed: Array<{ options: Record<string, unknown>; page: string | null }> = [];
  loadedPage: string | null = null;
  printToPDF = vi.fn(async (options: Record<string, unknown>) => {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.printed.push({ options, page: this.loadedPage });
    return Buffer.from('%PDF-1.4 mock');
  });
}

class MockApp extends EventEmitter {
  isPackaged = false;
  enableSandbox = vi.fn(() => requireNotReady('app.enableSandbox()'));
  requestSingleInstanceLock = vi.fn(() => state.singleInstanceLock);
  setName = vi.fn();
  setAppUserModelId = vi.fn();
  quit = vi.fn();
  exit = vi.fn();
  getVersion = vi.fn(() => '0.1.0');
  getAppPath = vi.fn(() => state.appPath);
  getPath = vi.fn((name: string) => {
    if (name === 'userData') return state.userDataPath;
    if (name === 'documents') return '/mock/documents';
    throw new Error(`app.getPath: no mock path for ${name}`);
  });
  whenReady = vi.fn(() => state.readyPromise);
  isReady(): boolean {
    return state.ready;
  }
}

export const app = new MockApp();

export class MockBrowserWindow extends EventEmitter {
  static instances: MockBrowserWindow[] = [];
  static getAllWindows(): MockBrowserWindow[] {
    return MockBrowserWindow.instances.filter((window) => !window.destroyed);
  }
  static getFocusedWindow(): MockBrowserWindow | null {
    return MockBrowserWindow.getAllWindows().find((window) => window.focused) ?? null;
  }

  readonly webContents = new MockWebContents();
  loadedUrl: string | null = null;
  visible = false;
  focused = false;
  minimized = false;
  destroyed = false;

  constructor(readonly options: Record<string, unknown>) {
    super();
    requireReady('new BrowserWindow()');
    MockBrowserWindow.instances.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  /** Reads the file as Chromium would, so a test sees what was loaded after it is gone. */
  async loadFile(file: string): Promise<void> {
    this.loadedUrl = `file://${file}`;
    this.webContents.loadedPage = await readFile(file, 'utf8');
  }
  destroy(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
  show(): void {
    this.visible = true;
  }
  focus(): void {
    this.focused = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Like a user closing the window: 'closed', then 'window-all-closed' once none is left. */
  close(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
    if (MockBrowserWindow.getAllWindows().length === 0) app.emit('window-all-closed');
  }
}
export const BrowserWindow = MockBrowserWindow;

export const protocol = {
  privilegedSchemes: [] as PrivilegedScheme[],
  handlers: new Map<string, ProtocolHandler>(),
  registerSchemesAsPrivileged: vi.fn((schemes: PrivilegedScheme[]) => {
    requireNotReady('protocol.registerSchemesAsPrivileged()');
    protocol.privilegedSchemes.push(...schemes);
  }),
  handle: vi.fn((scheme: string, handler: ProtocolHandler) => {
    requireReady('protocol.handle()');
    protocol.handlers.set(scheme, handler);
  }),
};

const defaultSession = {
  permissionRequestHandler: null as PermissionRequestHandler | null,
  permissionCheckHandler: null as PermissionCheckHandler | null,
  setPermissionRequestHandler: vi.fn((handler: PermissionRequestHandler | null) => {
    defaultSession.permissionRequestHandler = handler;
  }),
  setPermissionCheckHandler: vi.fn((handler: PermissionCheckHandler | null) => {
    defaultSession.permissionCheckHandler = handler;
  }),
  /** As Chromium answers for a host with a PAC rule sending it through a proxy. */
  resolveProxy: vi.fn((url: string) => Promise.resolve(new URL(url).hostname.endsWith('.microsoftonline.com') ? 'PROXY proxy.contoso.com:8080' : 'DIRECT')),
};

export const session = {
  get defaultSession() {
    requireReady('session.defaultSession');
    return defaultSession;
  },
};

export const shell = { openExternal: vi.fn((_url: string) => Promise.resolve()) };

export const dialog = {
  showMessageBox: vi.fn((..._args: unknown[]) => Promise.resolve({ response: 0, checkboxChecked: false })),
  showOpenDialog: vi.fn((..._args: unknown[]) => Promise.resolve({ canceled: true, filePaths: [] as string[] })),
  showSaveDialog: vi.fn((..._args: unknown[]) => Promise.resolve({ canceled: true, filePath: '' })),
};

/** Main's side of IPC: records one listener per channel, as Electron refuses a second. */
export const ipcMain = {
  handlers: new Map<string, InvokeListener>(),
  handle: vi.fn((channel: string, listener: InvokeListener) => {
    if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcMain.handlers.set(channel, listener);
  }),
  removeHandler: vi.fn((channel: string) => {
    ipcMain.handlers.delete(channel);
  }),
};

/** The renderer's side: an emitter (main's messages are emitted on it) with invoke to stub per test. */
class MockIpcRenderer extends EventEmitter {
  invoke = vi.fn((_channel: string, ..._args: unknown[]): Promise<unknown> => Promise.resolve(undefined));
}
export const ipcRenderer = new MockIpcRenderer();

/** safeStorage with a selectable Linux backend; "encryption" is a reversible marker, enough to see it was used. */
export const safeStorage = {
  backend: 'gnome_libsecret',
  isEncryptionAvailable: vi.fn(() => safeStorage.backend !== 'none'),
  getSelectedStorageBackend: vi.fn(() => safeStorage.backend),
  encryptString: vi.fn((plain: string) => Buffer.from(`enc:${plain}`, 'utf8')),
  decryptString: vi.fn((encrypted: Buffer) => {
    const text = encrypted.toString('utf8');
    if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return text.slice(4);
  }),
};

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn(),
};

export const contextBridge = { exposeInMainWorld: vi.fn() };

/** Emits 'ready' and resolves whenReady(), then lets the shell's promise callbacks run. */
export async function becomeReady(): Promise<void> {
  state.ready = true;
  app.emit('ready');
  state.resolveReady();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

export interface MockOptions {
  singleInstanceLock?: boolean;
  appPath?: string;
  userDataPath?: string;
}

export function resetElectronMock(options: MockOptions = {}): void {
  state.ready = false;
  state.singleInstanceLock = options.singleInstanceLock ?? true;
  state.appPath = options.appPath ?? '/mock/app';
  state.userDataPath = options.userDataPath ?? '/mock/userData';
  state.readyPromise = new Promise<void>((resolve) => {
    state.resolveReady = resolve;
  });
  app.removeAllListeners();
  app.isPackaged = false;
  MockBrowserWindow.instances = [];
  protocol.privilegedSchemes = [];
  protocol.handlers.clear();
  defaultSession.permissionRequestHandler = null;
  defaultSession.permissionCheckHandler = null;
  ipcMain.handlers.clear();
  ipcRenderer.removeAllListeners();
  safeStorage.backend = 'gnome_libsecret';
  vi.clearAllMocks();
}

/** The session as main configured it, without the before-ready guard (for assertions only). */
export const inspectDefaultSession = () => defaultSession;

export default { app, BrowserWindow, protocol, session, shell, dialog, Menu, contextBridge, ipcMain, ipcRenderer, safeStorage };
