// Finds a Chromium on this machine (for printing reports to PDF from the command line, and for the
// browser tests), in this order:
//   1. ROOMREADY_CHROMIUM (a path; when set it must exist: no silent fallback to another browser),
//   2. the system's browsers (Debian's chromium, Chrome, Edge: fixed places, then names on PATH),
//   3. Playwright's own downloaded Chromium (playwright-core's registry path), which the caller may
//      try to fetch with `npx playwright-core install chromium` where the network allows.
// When none is found the answer is one plain sentence saying what to install, never a stack trace.
// Nothing here downloads anything: the browser tests' one attempt at fetching Playwright's Chromium
// lives in test/support/browser/chromium.ts.
// The decision is a pure function of injected facts (env, files, PATH, uid) so it is unit-tested.
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

export const CHROMIUM_ENV = 'ROOMREADY_CHROMIUM';

/** Fixed places, per platform, checked before PATH. */
const SYSTEM_PATHS: Readonly<Record<string, readonly string[]>> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/snap/bin/chromium',
  ],
  darwin: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
  ],
};

/** Names looked up on PATH when no fixed place has one. */
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'msedge', 'chrome'] as const;

export const INSTALL_ADVICE =
  'No Chromium found. Install one: sudo apt-get install -y chromium (Debian/Ubuntu), ' +
  'or npx playwright-core install chromium (needs the internet), ' +
  `or set ${CHROMIUM_ENV}=/path/to/chrome`;

export interface FinderFacts {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  /** True when the file exists and can be executed. */
  isExecutable(filePath: string): boolean;
  /** playwright-core's own Chromium path (whether or not it has been downloaded), or null. */
  playwrightExecutablePath(): string | null;
  /** Running as root: Chromium's sandbox refuses root, so it needs --no-sandbox. */
  isRoot: boolean;
}

export type ChromiumSource = 'env' | 'system' | 'path' | 'playwright';

export type ChromiumChoice =
  | { found: true; executablePath: string; source: ChromiumSource; args: string[] }
  | { found: false; message: string };

function launchArgs(isRoot: boolean): string[] {
  return isRoot ? ['--no-sandbox'] : [];
}

function onPath(name: string, facts: FinderFacts): string | null {
  const separator = facts.platform === 'win32' ? ';' : ':';
  const suffixes = facts.platform === 'win32' ? ['.exe', ''] : [''];
  const join = facts.platform === 'win32' ? path.win32.join : path.posix.join;
  const dirs = (facts.env.PATH ?? facts.env.Path ?? '').split(separator).filter((dir) => dir.length > 0);
  for (const dir of dirs) {
    for (const suffix of suffixes) {
      const candidate = join(dir, name + suffix);
      if (facts.isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

/** Decides which browser to use; no side effects beyond the injected checks. */
export function findChromium(facts: FinderFacts): ChromiumChoice {
  const args = launchArgs(facts.isRoot);
  const fromEnv = facts.env[CHROMIUM_ENV]?.trim();
  if (fromEnv) {
    if (facts.isExecutable(fromEnv)) return { found: true, executablePath: fromEnv, source: 'env', args };
    return { found: false, message: `${CHROMIUM_ENV}=${fromEnv} is not an executable file. Point it at a Chromium or Chrome binary, or unset it to look for one in the usual places.` };
  }
  for (const candidate of SYSTEM_PATHS[facts.platform] ?? []) {
    if (facts.isExecutable(candidate)) return { found: true, executablePath: candidate, source: 'system', args };
  }
  for (const name of PATH_NAMES) {
    const found = onPath(name, facts);
    if (found !== null) return { found: true, executablePath: found, source: 'path', args };
  }
  const playwright = facts.playwrightExecutablePath();
  if (playwright !== null && facts.isExecutable(playwright)) return { found: true, executablePath: playwright, source: 'playwright', args };
  return { found: false, message: INSTALL_ADVICE };
}

// ---------------------------------------------------------------------------------------------
// The real machine's facts

function isExecutableFile(filePath: string): boolean {
  try {
    if (!statSync(filePath).isFile()) return false;
    accessSync(filePath, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function playwrightExecutablePath(): Promise<string | null> {
  try {
    const { chromium } = await import('playwright-core');
    return chromium.executablePath() || null;
  } catch {
    return null; // playwright-core may throw for a platform it has no build for
  }
}

export async function machineFacts(env: Readonly<Record<string, string | undefined>> = process.env): Promise<FinderFacts> {
  const playwrightPath = await playwrightExecutablePath();
  return {
    env,
    platform: process.platform,
    isExecutable: isExecutableFile,
    playwrightExecutablePath: () => playwrightPath,
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
  };
}

/** The Chromium on this machine, or a plain message saying what to install. */
export async function findMachineChromium(env: Readonly<Record<string, string | undefined>> = process.env): Promise<ChromiumChoice> {
  return findChromium(await machineFacts(env));
}
