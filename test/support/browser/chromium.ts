// The browser tests' Chromium: main/browser/find-chromium.ts finds one on the machine; when there
// is none, the tests make one attempt per run at fetching Playwright's own Chromium (where the
// network allows), then fail with one plain sentence saying what to install.
import path from 'node:path';
import { CHROMIUM_ENV, findChromium, machineFacts, type ChromiumChoice } from '../../../main/browser/find-chromium.ts';

export {
  CHROMIUM_ENV,
  findChromium,
  findMachineChromium,
  INSTALL_ADVICE,
  machineFacts,
  type ChromiumChoice,
  type ChromiumSource,
  type FinderFacts,
} from '../../../main/browser/find-chromium.ts';

// ---------------------------------------------------------------------------------------------
// Resolving, with one attempt (per run) at fetching Playwright's own Chromium

export const NO_DOWNLOAD_ENV = 'ROOMREADY_NO_BROWSER_DOWNLOAD';

/** `npx playwright-core install chromium`, bounded in time; resolves to why it failed, or null. */
async function fetchPlaywrightChromium(timeoutMs: number): Promise<string | null> {
  const { execFile } = await import('node:child_process');
  const { createRequire } = await import('node:module');
  // cli.js is not among the package's exports: find it next to the package's entry point.
  const cli = path.join(path.dirname(createRequire(import.meta.url).resolve('playwright-core')), 'cli.js');
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, 'install', 'chromium'], { timeout: timeoutMs }, (error, _stdout, stderr) => {
      if (error === null) resolve(null);
      else resolve((stderr.trim().split('\n').at(-1) ?? '') || error.message);
    });
  });
}

export interface ResolveOptions {
  env?: Readonly<Record<string, string | undefined>>;
  /** Runs the download at most once per test run (see once-per-run.ts); defaults to running it. */
  once?: (work: () => Promise<string | null>) => Promise<string | null>;
  downloadTimeoutMs?: number;
}

/** The browser to launch, or a plain message saying what to install. */
export async function resolveChromium(options: ResolveOptions = {}): Promise<ChromiumChoice> {
  const env = options.env ?? process.env;
  const first = findChromium(await machineFacts(env));
  if (first.found || env[CHROMIUM_ENV]?.trim() || env[NO_DOWNLOAD_ENV] === '1') return first;
  const download = () => fetchPlaywrightChromium(options.downloadTimeoutMs ?? 60_000);
  const failure = await (options.once ? options.once(download) : download());
  const second = findChromium(await machineFacts(env));
  if (second.found) return second;
  return { found: false, message: failure ? `${second.message}. (Fetching Playwright's Chromium failed: ${failure})` : second.message };
}
