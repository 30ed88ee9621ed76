// One browser test's world: a Chromium (found by chromium.ts), the built renderer served through
// the app:// handler with the production CSP (app-server.ts), and pages whose window.roomready
// reaches the real app services (bridge.ts). Each page is watched: a console error, a CSP
// violation, an uncaught exception, an asset that fails to load or an event that cannot be
// delivered is a problem, and assertClean() fails the test with all of them.
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { runAxe, blockingViolations, describeViolations, type AxeViolation } from './axe.ts';
import { createAppBridge, type AppBridge, type BridgeOptions } from './bridge.ts';
import { startAppServer, type AppServer } from './app-server.ts';
import { resolveChromium } from './chromium.ts';
import { oncePerRun, plainError } from './once-per-run.ts';
import { preparedRenderer, PROJECT_ROOT } from './renderer-build.ts';

export const SCREENS_DIR = path.join(PROJECT_ROOT, 'test/artifacts/screens');

export interface BrowserHarness {
  browser: Browser;
  server: AppServer;
  close(): Promise<void>;
}

/**
 * Finds Chromium, builds the renderer (once per run: pass the run folder vitest's globalSetup
 * provides) and serves it. Fails with one plain sentence when there is no browser to run.
 */
export async function startBrowserHarness(runDir?: string): Promise<BrowserHarness> {
  const choice = await resolveChromium({ once: (work) => oncePerRun(runDir, 'chromium-download', work) });
  if (!choice.found) throw plainError(choice.message);
  const rendererRoot = await preparedRenderer(runDir);
  // Screens of this run only: the folder is emptied once per run, by whichever test gets here first.
  await oncePerRun(runDir, 'screens-folder', async () => {
    await rm(SCREENS_DIR, { recursive: true, force: true });
    await mkdir(SCREENS_DIR, { recursive: true });
  });
  const server = await startAppServer(rendererRoot);
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: choice.executablePath, args: choice.args, headless: true });
  } catch (error) {
    await server.close();
    throw plainError(`Chromium at ${choice.executablePath} did not start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  return {
    browser,
    server,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export interface AppPageOptions extends BridgeOptions {
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** A bridge to share (several pages on one app); a fresh one by default. */
  bridge?: AppBridge;
}

export interface AppPage {
  page: Page;
  context: BrowserContext;
  bridge: AppBridge;
  /** Console errors, CSP violations, page errors, failed requests, undeliverable events. */
  problems(): string[];
  /** Throws with every problem seen so far. */
  assertClean(): void;
  /** test/artifacts/screens/<step>-<name>.png, the whole page. */
  screenshot(step: string, name: string): Promise<string>;
  /** Runs axe; throws with rule, impact, target and help for every serious or critical violation. */
  checkAccessibility(label: string): Promise<AxeViolation[]>;
  close(): Promise<void>;
}

/** Identical messages once, with how many times they came. */
export function summarise(messages: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const message of messages) counts.set(message, (counts.get(message) ?? 0) + 1);
  return [...counts].map(([message, count]) => (count > 1 ? `${message} (x${count})` : message));
}

export async function openApp(harness: BrowserHarness, options: AppPageOptions = {}): Promise<AppPage> {
  const ownBridge = options.bridge === undefined;
  const bridge = options.bridge ?? (await createAppBridge(options));
  const context = await harness.browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1280, height: 860 },
    reducedMotion: 'reduce',
  });
  // Shorter than the test's own timeout, so a missing element fails with the locator's name.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const seen: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // Chromium asks every page's origin for /favicon.ico; the app (and Electron) never does.
    if (message.text().startsWith('Failed to load resource') && message.location().url.endsWith('/favicon.ico')) return;
    seen.push(`console error: ${message.text()}${message.location().url ? ` (${message.location().url})` : ''}`);
  });
  page.on('pageerror', (error) => seen.push(`uncaught in page: ${error.message}`));
  page.on('requestfailed', (request) => seen.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`));
  await bridge.attach(page);
  await page.goto(`${harness.server.origin}/index.html`);

  const problems = () => [...seen, ...harness.server.failures.map((failure) => `server: ${failure}`), ...bridge.deliveryErrors.map((error) => `event delivery: ${error}`)];
  return {
    page,
    context,
    bridge,
    problems,
    assertClean() {
      const found = problems();
      if (found.length > 0) throw plainError(`The page reported ${found.length} problem(s):\n  ${summarise(found).join('\n  ')}`);
    },
    async screenshot(step, name) {
      await mkdir(SCREENS_DIR, { recursive: true });
      const file = path.join(SCREENS_DIR, `${step}-${name}.png`);
      // The rooms table skips rendering rows off screen (content-visibility: auto), and a full-page
      // capture does not count as on screen: for the picture, the window is as tall as the page.
      const viewport = page.viewportSize();
      const height = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollHeight: number } } }).document.documentElement.scrollHeight);
      if (viewport && height > viewport.height) {
        await page.setViewportSize({ width: viewport.width, height: Math.min(height, 10_000) });
        await page.evaluate(() => new Promise((resolve) => (globalThis as unknown as { requestAnimationFrame(callback: () => void): void }).requestAnimationFrame(() => (globalThis as unknown as { requestAnimationFrame(callback: () => void): void }).requestAnimationFrame(() => resolve(null)))));
      }
      try {
        await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
      } finally {
        if (viewport && height > viewport.height) await page.setViewportSize(viewport);
      }
      return file;
    },
    async checkAccessibility(label) {
      const violations = await runAxe(page);
      const blocking = blockingViolations(violations);
      if (blocking.length > 0) throw plainError(`Accessibility (axe-core) on "${label}": ${blocking.length} serious or critical violation(s):\n${describeViolations(blocking)}`);
      return violations;
    },
    async close() {
      await context.close();
      if (ownBridge) await bridge.dispose();
    },
  };
}
