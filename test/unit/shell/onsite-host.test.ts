// main/index.ts's on-site host pieces against the electron mock: the network check asks Chromium's
// own proxy resolution (system settings and PAC files included) through session.resolveProxy, and
// leaves the console's LocalState to be found on Windows.
import * as electron from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { becomeReady, resetElectronMock } from './electron-mock.ts';

vi.mock('electron', () => import('./electron-mock.ts'));

describe("the app's on-site host", () => {
  afterEach(() => resetElectronMock());

  it("resolves a URL's proxy through the default session", async () => {
    resetElectronMock();
    vi.resetModules();
    const main = await import('../../../main/index.ts');
    await becomeReady();
    const onsite = main.electronAppDeps().onsite!;
    await expect(onsite.resolveProxy!('https://login.microsoftonline.com/')).resolves.toBe('PROXY proxy.contoso.com:8080');
    await expect(onsite.resolveProxy!('https://teams.microsoft.com/')).resolves.toBe('DIRECT');
    expect(electron.session.defaultSession.resolveProxy).toHaveBeenCalledWith('https://login.microsoftonline.com/');
    // Not decided here: the handlers look for the console's LocalState (Windows only).
    expect(onsite.consoleTarget).toBeUndefined();
  });
});
