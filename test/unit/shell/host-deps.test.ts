// main/shell/host-deps.ts with plain fakes: where secrets go, which files the dialogs offer, what
// the sign-in opener lets through, how events reach the window.
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  electronDialogs,
  saveFiltersFor,
  secretFilePath,
  signInPageOpener,
  windowEmitter,
  type DialogLike,
  type WindowLike,
} from '../../../main/shell/host-deps.ts';
import { GRANTED_PERMISSIONS, isAppOrigin, isPermissionGranted } from '../../../main/shell/permissions.ts';

const SECRETS = path.join('/data', 'secrets');

describe('secretFilePath', () => {
  it('keeps a plain name as it is', () => {
    expect(secretFilePath(SECRETS, 'token-cache')).toBe(path.join(SECRETS, 'token-cache.safestorage'));
  });

  it.each(['../../etc/passwd', '..', '.', '', 'a/b', 'a\\b', 'C:\\Windows\\x', 'site:lobby', 'x'.repeat(300)])(
    'keeps %j inside the secrets folder, in one file name',
    (name) => {
      const file = secretFilePath(SECRETS, name);
      expect(path.dirname(file)).toBe(SECRETS);
      expect(path.basename(file)).toMatch(/^[A-Za-z0-9_-]+\.safestorage$/);
    },
  );

  it('never folds two names onto one file', () => {
    const names = ['site/lobby', 'site_lobby', 'site:lobby', 'site lobby', 'site\\lobby'];
    expect(new Set(names.map((name) => secretFilePath(SECRETS, name))).size).toBe(names.length);
  });
});

describe('dialogs', () => {
  function fakeDialog() {
    return {
      showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePaths: ['/picked'] })),
      showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePath: '/saved' })),
    };
  }

  it('are modal to the window when there is one, free-standing when there is none', async () => {
    const dialog = fakeDialog();
    let parent: string | null = 'the window';
    const dialogs = electronDialogs(dialog as unknown as DialogLike<string>, () => parent, () => '/docs');
    await dialogs.chooseSiteToOpen();
    expect(dialog.showOpenDialog.mock.calls[0]![0]).toBe('the window');
    parent = null;
    await dialogs.chooseFolder('Export');
    expect(dialog.showOpenDialog.mock.calls[1]).toHaveLength(1);
  });

  it('keep only the name of a suggested save path: the suggestion cannot pick the folder', async () => {
    const dialog = fakeDialog();
    const dialogs = electronDialogs(dialog as unknown as DialogLike<string>, () => null, () => '/docs');
    await dialogs.chooseSavePath('../../etc/Lobby.roomready.json');
    const [options] = dialog.showSaveDialog.mock.calls[0]! as [{ defaultPath: string }];
    expect(options.defaultPath).toBe(path.join('/docs', 'Lobby.roomready.json'));
  });

  it.each([
    ['Lobby.roomready.json', ['roomready.json', '*']],
    ['LOBBY.ROOMREADY.JSON', ['roomready.json', '*']],
    ['SkypeSettings.xml', ['xml', '*']],
    ['rooms.csv', ['csv', '*']],
    ['README', ['*']],
  ])('offer the right filters when saving %s', (name, extensions) => {
    expect(saveFiltersFor(name).map((filter) => filter.extensions[0])).toEqual(extensions);
  });
});

describe('signInPageOpener', () => {
  it('opens https pages, normalised', async () => {
    const open = vi.fn(async () => undefined);
    await signInPageOpener(open)('HTTPS://login.microsoftonline.us/tenant/oauth2/v2.0/authorize?x=1');
    expect(open).toHaveBeenCalledExactlyOnceWith('https://login.microsoftonline.us/tenant/oauth2/v2.0/authorize?x=1');
  });

  it.each(['http://login.microsoftonline.com/', 'javascript:alert(1)', 'file:///etc/passwd', 'ms-settings:', 'data:text/html,x', '//evil.example/', ''])(
    'refuses %j without opening anything',
    async (url) => {
      const open = vi.fn(async () => undefined);
      await expect(signInPageOpener(open)(url)).rejects.toThrow();
      expect(open).not.toHaveBeenCalled();
    },
  );
});

describe('windowEmitter', () => {
  function fakeWindow(overrides: { destroyed?: boolean; contentsDestroyed?: boolean } = {}) {
    const send = vi.fn();
    const window: WindowLike = {
      isDestroyed: () => overrides.destroyed ?? false,
      webContents: { id: 1, isDestroyed: () => overrides.contentsDestroyed ?? false, send },
    };
    return { window, send };
  }

  it('sends the checked payload on the wire name', () => {
    const { window, send } = fakeWindow();
    windowEmitter(() => window, vi.fn())('site.changed', { siteId: 's1' });
    expect(send).toHaveBeenCalledExactlyOnceWith('roomready:site.changed', { siteId: 's1' });
  });

  it('drops a payload that breaks the contract, with a log line naming the event', () => {
    const { window, send } = fakeWindow();
    const log = vi.fn();
    windowEmitter(() => window, log)('site.changed', { siteId: 's1', token: 'eyJabc' } as never);
    expect(send).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]![0]).toContain('Dropped the site.changed event');
    expect(log.mock.calls[0]![0]).not.toContain('eyJabc');
  });

  it('sends nothing when there is no window, or it is being torn down', () => {
    const log = vi.fn();
    expect(() => windowEmitter(() => null, log)('site.changed', { siteId: 's1' })).not.toThrow();
    for (const state of [{ destroyed: true }, { contentsDestroyed: true }]) {
      const { window, send } = fakeWindow(state);
      windowEmitter(() => window, log)('site.changed', { siteId: 's1' });
      expect(send).not.toHaveBeenCalled();
    }
  });
});

describe('permissions', () => {
  it('grants one permission, to the app origin only', () => {
    expect(GRANTED_PERMISSIONS).toEqual(['clipboard-sanitized-write']);
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://roomready')).toBe(true);
    expect(isPermissionGranted('clipboard-read', 'app://roomready')).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://roomready')).toBe(false);
  });

  it.each(['app://roomready', 'app://roomready/', 'app://roomready/index.html'])('%s is the app', (url) => {
    expect(isAppOrigin(url)).toBe(true);
  });

  it.each(['app://roomready.evil', 'app://evil/roomready', 'app://a:b@roomready/', 'app:roomready', 'null', '', undefined])('%j is not', (url) => {
    expect(isAppOrigin(url)).toBe(false);
  });
});
