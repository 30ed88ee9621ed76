import { describe, expect, it } from 'vitest';
import { CHROMIUM_ENV, findChromium, INSTALL_ADVICE, type FinderFacts } from './chromium.ts';

function facts(overrides: Partial<FinderFacts> & { files?: string[] } = {}): FinderFacts {
  const files = new Set(overrides.files ?? []);
  return {
    env: overrides.env ?? { PATH: '/usr/local/bin:/usr/bin' },
    platform: overrides.platform ?? 'linux',
    isExecutable: overrides.isExecutable ?? ((file) => files.has(file)),
    playwrightExecutablePath: overrides.playwrightExecutablePath ?? (() => '/home/me/.cache/ms-playwright/chromium-1/chrome-linux64/chrome'),
    isRoot: overrides.isRoot ?? false,
  };
}

describe('findChromium', () => {
  it('takes ROOMREADY_CHROMIUM first, even when a system browser exists', () => {
    const choice = findChromium(facts({ env: { [CHROMIUM_ENV]: '/opt/chrome/chrome', PATH: '' }, files: ['/opt/chrome/chrome', '/usr/bin/chromium'] }));
    expect(choice).toEqual({ found: true, executablePath: '/opt/chrome/chrome', source: 'env', args: [] });
  });

  it('refuses a ROOMREADY_CHROMIUM that is not there instead of quietly using another browser', () => {
    const choice = findChromium(facts({ env: { [CHROMIUM_ENV]: '/nope/chrome' }, files: ['/usr/bin/chromium'] }));
    expect(choice.found).toBe(false);
    if (!choice.found) expect(choice.message).toBe(`${CHROMIUM_ENV}=/nope/chrome is not an executable file. Point it at a Chromium or Chrome binary, or unset it to look for one in the usual places.`);
  });

  it("prefers Debian's chromium over Chrome", () => {
    const choice = findChromium(facts({ files: ['/usr/bin/google-chrome', '/usr/bin/chromium'] }));
    expect(choice).toMatchObject({ found: true, executablePath: '/usr/bin/chromium', source: 'system' });
  });

  it('finds a browser by name on PATH, in PATH order', () => {
    const choice = findChromium(facts({ env: { PATH: '/home/me/bin:/opt/edge' }, files: ['/opt/edge/msedge', '/home/me/bin/msedge'] }));
    expect(choice).toMatchObject({ found: true, executablePath: '/home/me/bin/msedge', source: 'path' });
  });

  it("falls back to Playwright's own Chromium only when it has been downloaded", () => {
    const downloaded = findChromium(facts({ env: { PATH: '' }, files: ['/pw/chrome'], playwrightExecutablePath: () => '/pw/chrome' }));
    expect(downloaded).toMatchObject({ found: true, executablePath: '/pw/chrome', source: 'playwright' });
    const absent = findChromium(facts({ env: { PATH: '' }, files: [], playwrightExecutablePath: () => '/pw/chrome' }));
    expect(absent).toEqual({ found: false, message: INSTALL_ADVICE });
  });

  it('says plainly what to install when there is nothing', () => {
    const choice = findChromium(facts({ files: [], playwrightExecutablePath: () => null }));
    expect(choice.found).toBe(false);
    if (!choice.found) {
      expect(choice.message).toMatch(/^No Chromium found\. Install one: sudo apt-get install -y chromium \(Debian\/Ubuntu\)/);
      expect(choice.message).toContain(CHROMIUM_ENV);
      expect(choice.message).not.toMatch(/\n\s+at /);
    }
  });

  it('adds --no-sandbox only when running as root', () => {
    expect(findChromium(facts({ files: ['/usr/bin/chromium'], isRoot: true }))).toMatchObject({ args: ['--no-sandbox'] });
    expect(findChromium(facts({ files: ['/usr/bin/chromium'], isRoot: false }))).toMatchObject({ args: [] });
  });

  it('looks for .exe names on a Windows PATH', () => {
    const choice = findChromium(facts({ platform: 'win32', env: { Path: 'C:\\Tools' }, files: ['C:\\Tools\\chrome.exe'] }));
    expect(choice).toMatchObject({ found: true, executablePath: 'C:\\Tools\\chrome.exe', source: 'path' });
  });
});
