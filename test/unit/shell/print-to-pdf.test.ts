// main/index.ts's printToPdf (AppDeps.printToPdf in the app) against the electron mock: the HTML is
// loaded into a hidden window that is sandboxed, isolated, has no preload and runs no script,
// printed on A4 with the report's header, footer and margins (in inches), and the window and its
// temporary file are gone afterwards, also when printing fails.
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as electron from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { becomeReady, MockBrowserWindow, resetElectronMock } from './electron-mock.ts';

vi.mock('electron', () => import('./electron-mock.ts'));

const options = {
  headerTemplate: '<div>Contoso HQ — room report</div>',
  footerTemplate: '<div>Fingerprint abc <span class="pageNumber"></span></div>',
  margin: { top: '16mm', bottom: '1in', left: '2.54cm', right: '48px' },
};
const HTML = '<!doctype html><title>Report</title><p>Boardroom 4.01 &lt;script&gt;</p>';

async function startedMain() {
  resetElectronMock();
  vi.resetModules();
  const main = await import('../../../main/index.ts');
  await becomeReady();
  return main;
}

describe('printing a report to PDF in the app', () => {
  beforeEach(() => expect(electron.app).toBeDefined());
  afterEach(() => resetElectronMock());

  it('prints the HTML in a hidden, script-less, sandboxed window on A4 and destroys it', async () => {
    const main = await startedMain();
    const before = MockBrowserWindow.instances.length;
    const bytes = await main.electronAppDeps().printToPdf!(HTML, options);
    expect(Buffer.from(bytes).toString('latin1')).toBe('%PDF-1.4 mock');

    const window = MockBrowserWindow.instances[before]!;
    expect(window.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false } });
    expect((window.options.webPreferences as Record<string, unknown>).preload).toBeUndefined();
    expect(window.webContents.printed).toHaveLength(1);
    const [printed] = window.webContents.printed;
    expect(printed!.page).toBe(HTML);
    expect(printed!.options).toEqual({
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: options.headerTemplate,
      footerTemplate: options.footerTemplate,
      margins: { top: 16 / 25.4, bottom: 1, left: 1, right: 0.5 },
      pageSize: 'A4',
    });
    expect(window.isDestroyed()).toBe(true);
    await expect(stat(fileURLToPath(window.loadedUrl!))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('destroys the window and removes the file when printing fails', async () => {
    const main = await startedMain();
    const before = MockBrowserWindow.instances.length;
    const print = main.printHtmlToPdf(HTML, { ...options, margin: { ...options.margin, top: '2em' } });
    await expect(print).rejects.toThrow(/"2em" is not a page margin/);
    const window = MockBrowserWindow.instances[before]!;
    expect(window.isDestroyed()).toBe(true);
    await expect(stat(fileURLToPath(window.loadedUrl!))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
