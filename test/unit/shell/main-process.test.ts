// main/index.ts against the hand-written electron mock: what it does before 'ready', after 'ready',
// and to every WebContents. Each test re-imports main/index.ts into a fresh, not-yet-ready app.
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as electron from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  app,
  becomeReady,
  dialog,
  inspectDefaultSession,
  ipcMain,
  Menu,
  MockBrowserWindow,
  MockWebContents,
  protocol,
  resetElectronMock,
  safeStorage,
  shell,
  type MockOptions,
} from './electron-mock.ts';
import { IPC_CHANNELS, ipcWireName } from '../../../shared/ipc-channels.ts';
import type * as AppIndex from '../../../main/app/index.ts';

type AppModule = typeof AppIndex;

vi.mock('electron', () => import('./electron-mock.ts'));
// The real app services, with createAppServices recorded and dispose observable.
vi.mock('../../../main/app/index.ts', async (importOriginal) => {
  const actual = await importOriginal<AppModule>();
  return {
    ...actual,
    createAppServices: vi.fn((deps: Parameters<typeof actual.createAppServices>[0]) => {
      const services = actual.createAppServices(deps);
      return { handlers: services.handlers, dispose: vi.fn(() => services.dispose()) };
    }),
  };
});

async function startMain(options: MockOptions = {}) {
  resetElectronMock(options);
  vi.resetModules();
  return import('../../../main/index.ts');
}

function hardenedContents(): MockWebContents {
  const contents = new MockWebContents();
  app.emit('web-contents-created', {}, contents);
  return contents;
}

function navigationEvent() {
  return { preventDefault: vi.fn() };
}

interface MenuItem {
  label?: string;
  role?: string;
  submenu?: MenuItem[];
  click?: () => void;
}

function allRoles(items: MenuItem[]): string[] {
  return items.flatMap((item) => [...(item.role ? [item.role] : []), ...allRoles(item.submenu ?? [])]);
}

function menuNamed(items: MenuItem[], label: string): MenuItem {
  const menu = items.find((item) => item.label?.replace('&', '') === label);
  if (!menu) throw new Error(`no ${label} menu in ${JSON.stringify(items.map((item) => item.label ?? item.role))}`);
  return menu;
}

describe('the mock is the module main/index.ts receives', () => {
  it('hands out the same app object', () => {
    expect(electron.app).toBe(app);
  });
});

describe('before ready', () => {
  beforeEach(async () => {
    await startMain();
  });

  it('enables the sandbox for every renderer while the app is not ready yet', () => {
    expect(app.enableSandbox).toHaveBeenCalledTimes(1);
    expect(app.isReady()).toBe(false);
    // The mock throws if enableSandbox comes after ready, as Electron does; it was called first.
    expect(app.enableSandbox.mock.invocationCallOrder[0]).toBeLessThan(app.whenReady.mock.invocationCallOrder[0]!);
  });

  it('registers app:// as a standard, secure scheme without extra privileges', () => {
    expect(protocol.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
  });

  it('asks for the single-instance lock before waiting for ready', () => {
    expect(app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(app.requestSingleInstanceLock.mock.invocationCallOrder[0]).toBeLessThan(
      app.whenReady.mock.invocationCallOrder[0]!,
    );
  });

  it('creates no window and serves nothing until ready', () => {
    expect(MockBrowserWindow.instances).toHaveLength(0);
    expect(protocol.handle).not.toHaveBeenCalled();
  });
});

describe('single instance', () => {
  it('a second instance quits at once and sets nothing up', async () => {
    await startMain({ singleInstanceLock: false });
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(app.listenerCount('web-contents-created')).toBe(0);
    await becomeReady();
    expect(MockBrowserWindow.instances).toHaveLength(0);
  });

  it('the first instance brings its minimized window forward when a second one starts', async () => {
    await startMain();
    await becomeReady();
    const [window] = MockBrowserWindow.instances;
    window!.minimized = true;
    window!.focused = false;

    app.emit('second-instance', {}, ['roomready'], '/');

    expect(window!.minimized).toBe(false);
    expect(window!.visible).toBe(true);
    expect(window!.focused).toBe(true);
    expect(MockBrowserWindow.instances).toHaveLength(1);
    expect(app.quit).not.toHaveBeenCalled();
  });
});

describe('after ready', () => {
  let appRoot: string;

  beforeEach(async () => {
    appRoot = await mkdtemp(path.join(tmpdir(), 'roomready-shell-'));
    await mkdir(path.join(appRoot, 'out', 'renderer'), { recursive: true });
    await writeFile(path.join(appRoot, 'out', 'renderer', 'index.html'), '<!doctype html><title>RoomReady</title>');
    await writeFile(path.join(appRoot, 'package.json'), '{"secret": "outside the renderer root"}');
    await startMain({ appPath: appRoot });
    await becomeReady();
  });

  afterEach(async () => {
    await rm(appRoot, { recursive: true, force: true });
  });

  it('opens one window on app://roomready/index.html', () => {
    expect(MockBrowserWindow.instances).toHaveLength(1);
    expect(MockBrowserWindow.instances[0]!.loadedUrl).toBe('app://roomready/index.html');
  });

  it('serves out/renderer of the app path through app:// with the CSP header', async () => {
    const handler = protocol.handlers.get('app');
    expect(handler).toBeDefined();
    const response = await handler!(new Request('app://roomready/index.html'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>RoomReady</title>');
    const { CONTENT_SECURITY_POLICY } = await import('../../../main/shell/content-security-policy.ts');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);

    const escape = await handler!(new Request('app://roomready/..%2f..%2fpackage.json'));
    expect(escape.status).toBe(404);
    expect(await escape.text()).not.toContain('secret');
  });

  const DENIED = ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal', 'fullscreen', 'pointerLock', 'hid', 'serial', 'usb'];

  it('denies every other permission, even to the app\'s own page', () => {
    const { permissionRequestHandler, permissionCheckHandler } = inspectDefaultSession();
    expect(permissionRequestHandler).toBeTypeOf('function');
    expect(permissionCheckHandler).toBeTypeOf('function');
    for (const permission of DENIED) {
      const callback = vi.fn();
      permissionRequestHandler!({}, permission, callback, { requestingUrl: 'app://roomready/index.html', isMainFrame: true });
      expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false);
      expect(permissionCheckHandler!({}, permission, 'app://roomready', {}), permission).toBe(false);
    }
  });

  it("grants clipboard-sanitized-write (the copy buttons' navigator.clipboard.writeText) to the app's own page", () => {
    const { permissionRequestHandler, permissionCheckHandler } = inspectDefaultSession();
    const callback = vi.fn();
    permissionRequestHandler!({}, 'clipboard-sanitized-write', callback, { requestingUrl: 'app://roomready/index.html', isMainFrame: true });
    expect(callback).toHaveBeenCalledExactlyOnceWith(true);
    expect(permissionCheckHandler!({}, 'clipboard-sanitized-write', 'app://roomready', {})).toBe(true);
    expect(permissionCheckHandler!({}, 'clipboard-sanitized-write', 'app://roomready/index.html', {})).toBe(true);
  });

  it.each([
    'https://evil.example/',
    'https://roomready/',
    'app://evil/index.html',
    'app://roomready.evil/index.html',
    'app://user@roomready/index.html',
    'file:///index.html',
    'http://127.0.0.1:5173/',
    'null',
    '',
    undefined,
  ])('denies clipboard-sanitized-write to %j', (origin) => {
    const { permissionRequestHandler, permissionCheckHandler } = inspectDefaultSession();
    const callback = vi.fn();
    permissionRequestHandler!({}, 'clipboard-sanitized-write', callback, origin === undefined ? {} : { requestingUrl: origin });
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    expect(permissionCheckHandler!({}, 'clipboard-sanitized-write', origin as string, {})).toBe(false);
  });

  it('hardens the main window itself', () => {
    const contents = MockBrowserWindow.instances[0]!.webContents;
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
    expect(contents.windowOpenHandler).toBeTypeOf('function');
  });

  it('installs a native menu: File > Quit, Help > About, reload only because this is a development run', () => {
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    const template = Menu.buildFromTemplate.mock.calls[0]![0] as MenuItem[];
    expect(menuNamed(template, 'File').submenu!.map((item) => item.role)).toContain('quit');
    expect(allRoles(template)).toContain('reload');
    const about = menuNamed(template, 'Help').submenu!.find((item) => item.label === 'About RoomReady');
    expect(about).toBeDefined();

    about!.click!();
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
    const options = dialog.showMessageBox.mock.calls[0]!.at(-1) as { title: string; message: string };
    expect(options.title).toBe('About RoomReady');
    expect(options.message).toBe('RoomReady 0.1.0');
  });

  it('quits when the last window closes (Linux and Windows)', () => {
    MockBrowserWindow.instances[0]!.close();
    expect(app.quit).toHaveBeenCalledTimes(1);
  });

  it('stays running without windows on macOS and reopens one on activate', () => {
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    Object.defineProperty(process, 'platform', { value: 'darwin' });
    try {
      MockBrowserWindow.instances[0]!.close();
      expect(app.quit).not.toHaveBeenCalled();
      app.emit('activate');
      expect(MockBrowserWindow.getAllWindows()).toHaveLength(1);
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
  });
});

describe('every WebContents', () => {
  beforeEach(async () => {
    await startMain();
    await becomeReady();
  });

  it('may not navigate anywhere, not even to an allow-listed page', () => {
    const contents = hardenedContents();
    for (const url of ['https://evil.example/', 'app://roomready/other.html', 'https://learn.microsoft.com/microsoftteams/rooms/']) {
      const event = navigationEvent();
      contents.emit('will-navigate', event, url);
      expect(event.preventDefault).toHaveBeenCalledTimes(1);
    }
  });

  it('a blocked navigation to an allow-listed https page opens it in the system browser instead', () => {
    const contents = hardenedContents();
    contents.emit('will-navigate', navigationEvent(), 'https://evil.example/');
    expect(shell.openExternal).not.toHaveBeenCalled();
    contents.emit('will-navigate', navigationEvent(), 'https://learn.microsoft.com/microsoftteams/rooms/');
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://learn.microsoft.com/microsoftteams/rooms/');
  });

  it('may not attach a <webview>', () => {
    const contents = hardenedContents();
    const event = navigationEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
  });

  it.each([
    'https://learn.microsoft.com/en-us/microsoftteams/rooms/rooms-deploy',
    'https://aka.ms/teamsrooms',
    'https://go.microsoft.com/fwlink/?linkid=2119318',
  ])('window.open(%s) is denied and the link goes to the system browser', (url) => {
    const contents = hardenedContents();
    expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith(url);
  });

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'http://learn.microsoft.com/en-us/',
    'https://learn.microsoft.com.evil.example/',
    'https://evil.example/?https://learn.microsoft.com/',
    'https://learn.microsoft.com@evil.example/',
    'https://user:secret@learn.microsoft.com/',
    'https://learn.microsoft.com:8443/',
    'https://evil.aka.ms/',
    'https://microsoft.com/',
    'app://roomready/index.html',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    '',
  ])('window.open(%j) is denied and opens nothing', (url) => {
    const contents = hardenedContents();
    expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('the application menu', () => {
  it('has no reload or developer tools in a packaged build', async () => {
    const { buildApplicationMenu } = await startMain();
    const template = buildApplicationMenu({
      appName: 'RoomReady',
      version: '1.2.3',
      isDevelopment: false,
      platform: 'win32',
      showAbout: () => undefined,
    }) as MenuItem[];
    const roles = allRoles(template);
    expect(roles).toContain('quit');
    expect(roles).not.toContain('reload');
    expect(roles).not.toContain('forceReload');
    expect(roles).not.toContain('toggleDevTools');
  });

  it('follows the macOS convention: an app menu first, Close (not Quit) under File', async () => {
    const { buildApplicationMenu } = await startMain();
    const template = buildApplicationMenu({
      appName: 'RoomReady',
      version: '1.2.3',
      isDevelopment: false,
      platform: 'darwin',
      showAbout: () => undefined,
    }) as MenuItem[];
    expect(template[0]).toEqual({ role: 'appMenu' });
    expect(menuNamed(template, 'File').submenu).toEqual([{ role: 'close' }]);
  });
});

describe('the IPC wiring and the app services', () => {
  let userData: string;

  async function startWithServices() {
    userData = await mkdtemp(path.join(tmpdir(), 'roomready-userdata-'));
    const main = await startMain({ userDataPath: userData });
    await becomeReady();
    const appModule = await import('../../../main/app/index.ts');
    const create = vi.mocked(appModule.createAppServices);
    expect(create).toHaveBeenCalledTimes(1);
    const deps = create.mock.calls[0]![0];
    const services = create.mock.results[0]!.value as { dispose: ReturnType<typeof vi.fn> };
    const window = MockBrowserWindow.instances[0]!;
    return { main, deps, services, window };
  }

  const appFrame = { url: 'app://roomready/index.html', parent: null };
  function invoke(channel: string, payload: unknown, event: { sender: { id: number }; senderFrame: unknown }) {
    const listener = ipcMain.handlers.get(ipcWireName(channel as never));
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener(event, payload) as Promise<{ ok: boolean; code?: string; data?: unknown; issues?: unknown }>;
  }

  afterEach(async () => {
    await rm(userData, { recursive: true, force: true });
  });

  it('registers every channel of the contract exactly once, on its wire name, before the window opens', async () => {
    await startWithServices();
    const registered = ipcMain.handle.mock.calls.map(([channel]) => channel);
    expect(registered).toHaveLength(IPC_CHANNELS.length);
    expect([...registered].sort()).toEqual(IPC_CHANNELS.map((channel) => ipcWireName(channel)).sort());
    // createMainWindow asks for the app path last (the preload's path): every handler came before.
    expect(ipcMain.handle.mock.invocationCallOrder.at(-1)).toBeLessThan(app.getAppPath.mock.invocationCallOrder.at(-1)!);
  });

  it("answers the main window's own top frame", async () => {
    const { window } = await startWithServices();
    const answer = await invoke('app.info', {}, { sender: window.webContents, senderFrame: appFrame });
    expect(answer).toMatchObject({ ok: true, data: { appName: 'RoomReady', version: expect.any(String) } });
  });

  it.each([
    ['an iframe inside the app window', (id: number) => ({ sender: { id }, senderFrame: { url: 'app://roomready/index.html', parent: {} } })],
    ['another origin in the app window', (id: number) => ({ sender: { id }, senderFrame: { url: 'https://evil.example/', parent: null } })],
    ['a file:// page in the app window', (id: number) => ({ sender: { id }, senderFrame: { url: 'file:///tmp/index.html', parent: null } })],
    ['a look-alike app:// host', (id: number) => ({ sender: { id }, senderFrame: { url: 'app://roomready.evil/index.html', parent: null } })],
    ['another webContents showing the app page', (id: number) => ({ sender: { id: id + 1000 }, senderFrame: appFrame })],
    ['a destroyed frame', (id: number) => ({ sender: { id }, senderFrame: null })],
  ])('refuses %s, and the handler never runs', async (_case, makeEvent) => {
    const { window } = await startWithServices();
    const answer = await invoke('sites.open', {}, makeEvent(window.webContents.id));
    expect(answer).toEqual({ ok: false, code: 'forbidden-sender', message: 'This request did not come from the RoomReady window.' });
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it('refuses the closed window too, though its page once was the app', async () => {
    const { window } = await startWithServices();
    const id = window.webContents.id;
    window.close();
    const answer = await invoke('app.info', {}, { sender: { id }, senderFrame: appFrame });
    expect(answer).toMatchObject({ ok: false, code: 'forbidden-sender' });
  });

  it.each([
    ['a number for the path', { path: 42 }, 'path'],
    ['an unknown field', { path: '/a.roomready.json', script: 'rm -rf /' }, '(payload)'],
    ['a string instead of an object', 'open everything', '(payload)'],
    ['an empty path', { path: '' }, 'path'],
  ])('rejects a malformed message (%s) with the field named, before any handler runs', async (_case, payload, field) => {
    const { window } = await startWithServices();
    const answer = await invoke('sites.open', payload, { sender: window.webContents, senderFrame: appFrame });
    expect(answer).toMatchObject({ ok: false, code: 'invalid-input' });
    expect((answer.issues as Array<{ field: string }>).map((issue) => issue.field)).toContain(field);
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it('gives the services userData as their folder and the process environment', async () => {
    const { deps } = await startWithServices();
    expect(deps.dataDir).toBe(userData);
    expect(deps.env).toBe(process.env);
  });

  it("opens site files through the native dialog, modal to the app's window, filtered to *.roomready.json", async () => {
    const { deps, window } = await startWithServices();
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/sites/lobby.roomready.json'] });
    await expect(deps.dialogs.chooseSiteToOpen()).resolves.toBe('/sites/lobby.roomready.json');
    const [parent, options] = dialog.showOpenDialog.mock.calls[0]! as [unknown, { filters: Array<{ extensions: string[] }>; properties: string[] }];
    expect(parent).toBe(window);
    expect(options.filters[0]!.extensions).toEqual(['roomready.json']);
    expect(options.properties).toEqual(['openFile']);

    await expect(deps.dialogs.chooseSiteToOpen()).resolves.toBeNull(); // the mock's default: cancelled
  });

  it('saves and picks folders through the native dialogs; cancelling gives null', async () => {
    const { deps } = await startWithServices();
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/out/SkypeSettings.xml' });
    await expect(deps.dialogs.chooseSavePath('SkypeSettings.xml')).resolves.toBe('/out/SkypeSettings.xml');
    const [, saveOptions] = dialog.showSaveDialog.mock.calls[0]! as [unknown, { defaultPath: string; filters: Array<{ extensions: string[] }> }];
    expect(saveOptions.defaultPath).toBe(path.join('/mock/documents', 'SkypeSettings.xml'));
    expect(saveOptions.filters[0]!.extensions).toEqual(['xml']);
    await expect(deps.dialogs.chooseSavePath('x.xml')).resolves.toBeNull();

    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/exports'] });
    await expect(deps.dialogs.chooseFolder('Export scripts')).resolves.toBe('/exports');
    const [, folderOptions] = dialog.showOpenDialog.mock.calls[0]! as [unknown, { title: string; properties: string[] }];
    expect(folderOptions.title).toBe('Export scripts');
    expect(folderOptions.properties).toContain('openDirectory');
  });

  it('sends events to the main window on their wire name, checked against the contract', async () => {
    const { deps, window } = await startWithServices();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      deps.emit('site.changed', { siteId: 'lobby' });
      expect(window.webContents.sent).toEqual([['roomready:site.changed', { siteId: 'lobby' }]]);

      deps.emit('site.changed', { siteId: 7 } as never);
      expect(window.webContents.sent).toHaveLength(1);
      expect(errors.mock.calls.flat().join(' ')).toContain('Dropped the site.changed event');

      window.close();
      expect(() => deps.emit('site.changed', { siteId: 'lobby' })).not.toThrow();
      expect(window.webContents.sent).toHaveLength(1);
    } finally {
      errors.mockRestore();
    }
  });

  it('opens only https sign-in pages in the system browser', async () => {
    const { deps } = await startWithServices();
    await deps.openExternal('https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=x');
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=x');
    for (const url of ['http://login.microsoftonline.com/', 'javascript:alert(1)', 'file:///etc/passwd', 'not a url']) {
      await expect(deps.openExternal(url), url).rejects.toThrow(/https|valid URL/);
    }
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('keeps secrets with safeStorage in userData/secrets, readable by the user only', async () => {
    const { deps } = await startWithServices();
    const store = deps.secretStore('token-cache');
    await store.set(new TextEncoder().encode('refresh-token-value'));
    expect(new TextDecoder().decode(await store.get())).toBe('refresh-token-value');
    const file = path.join(userData, 'secrets', 'token-cache.safestorage');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(file))).mode & 0o777).toBe(0o700);
    expect(safeStorage.encryptString).toHaveBeenCalled();
  });

  it('refuses to keep a secret where only the basic_text backend exists, and writes nothing', async () => {
    const { deps } = await startWithServices();
    safeStorage.backend = 'basic_text';
    const store = deps.secretStore('token-cache');
    await expect(store.set(new TextEncoder().encode('refresh-token-value'))).rejects.toMatchObject({ problem: 'encryption-unavailable' });
    await expect(stat(path.join(userData, 'secrets', 'token-cache.safestorage'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(safeStorage.encryptString).not.toHaveBeenCalled();
  });

  it('stops the services before quitting, then quits', async () => {
    const { services } = await startWithServices();
    let finishDispose: () => void = () => undefined;
    services.dispose.mockImplementationOnce(() => new Promise<void>((resolve) => (finishDispose = resolve)));
    const event = { preventDefault: vi.fn() };

    app.emit('before-quit', event);
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
    expect(services.dispose).toHaveBeenCalledTimes(1);
    expect(app.quit).not.toHaveBeenCalled();

    finishDispose();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));

    const second = { preventDefault: vi.fn() };
    app.emit('before-quit', second); // the quit it asked for goes through
    expect(second.preventDefault).not.toHaveBeenCalled();
    expect(services.dispose).toHaveBeenCalledTimes(1);
  });
});
