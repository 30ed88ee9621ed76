// The test process's side of the page's window.roomready: the REAL app services
// (main/app/index.ts createAppServices) with test deps — a scratch data folder, dialogs whose
// answers the test presets, in-memory secret stores, a fast practice simulator — reached through
// main/ipc.ts's dispatch, exactly as ipcMain reaches them. Requests come from a Playwright binding;
// events go back with page.evaluate. Every answer and event that crosses is recorded, so a test can
// prove that no password or token ever reached the page.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import type { AppDeps, AppDialogs, AppServices } from '../../../main/app/deps.ts';
import { APP_VERSION } from '../../../main/app-version.ts';
import { memorySecretStore, type SecretStore } from '../../../main/auth/secret-store.ts';
import { dispatch, eventPayload } from '../../../main/ipc.ts';
import { PRODUCT_NAME } from '../../../main/shell/app-info.ts';
import type { StaticAppInfo } from '../../../shared/ipc-api.ts';
import type { BridgeNames } from './page/bridge-page.ts';

const NAMES: BridgeNames = { invoke: '__roomreadyTestInvoke', deliver: '__roomreadyTestDeliver' };

/** What the native dialogs answer next; null is "the user cancelled". */
export interface PresetDialogs {
  siteToOpen: string | null;
  savePath: string | null;
  folder: string | null;
  packageToOpen: string | null;
  /** Each question asked, in order ("open", "save:<name>", "folder:<title>", "open-package"). */
  asked: string[];
}

export interface Crossing {
  direction: 'request' | 'answer' | 'event';
  /** The channel or event name. */
  name: string;
  value: unknown;
}

export interface AppBridge {
  readonly deps: AppDeps;
  readonly services: AppServices;
  readonly dialogs: PresetDialogs;
  readonly dataDir: string;
  /** Everything that crossed the bridge, in order. */
  readonly traffic: Crossing[];
  /** What the services logged. */
  readonly logs: string[];
  /** URLs the services asked the system browser to open. */
  readonly opened: string[];
  /** Problems delivering events (a page that went away mid-run). */
  readonly deliveryErrors: string[];
  /** Wires window.roomready into every document the page loads; call before page.goto. */
  attach(page: Page): Promise<void>;
  /** Resolves with the first event of that name (already recorded or still to come) that matches. */
  waitForEvent(name: string, match?: (payload: unknown) => boolean, timeoutMs?: number): Promise<unknown>;
  dispose(): Promise<void>;
}

export const STATIC_APP_INFO: StaticAppInfo = { appName: PRODUCT_NAME, version: APP_VERSION, platform: process.platform };

let pageScript: Promise<string> | undefined;

/** Runs in the page: hands one event to window.roomready's listeners. */
function deliverInPage([deliver, name, value]: [string, string, unknown]): void {
  (globalThis as unknown as Record<string, ((event: string, payload: unknown) => void) | undefined>)[deliver]?.(name, value);
}

/** The page side (page/bridge-page.ts with shared/ipc-api.ts) as one classic script. */
function bundledPageScript(): Promise<string> {
  pageScript ??= build({
    entryPoints: [path.join(import.meta.dirname, 'page/bridge-page.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: '__roomreadyBridge',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  }).then((result) => {
    const code = result.outputFiles[0]?.text;
    if (code === undefined) throw new Error('esbuild produced no page script');
    // Wrapped, so the bundle's global name stays local to the init script.
    return `(() => {\n${code}\n__roomreadyBridge.install(${JSON.stringify(STATIC_APP_INFO)}, ${JSON.stringify(NAMES)});\n})();`;
  });
  return pageScript;
}

export interface BridgeOptions {
  /** Environment seen by the services; empty (no tenant configured: practice mode) by default. */
  env?: Record<string, string | undefined>;
  /** How a site's own tenant is reached (AppDeps.tenantTransport): a simulated tenant in tests. */
  tenantTransport?: AppDeps['tenantTransport'];
  /** The on-site tools' host pieces (loopback network stand-ins, a temporary LocalState). */
  onsite?: AppDeps['onsite'];
  /** The services to wire; main/app/index.ts's createAppServices (the app's own) by default. */
  createServices?: (deps: AppDeps) => AppServices | Promise<AppServices>;
}

export async function createAppBridge(options: BridgeOptions = {}): Promise<AppBridge> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'roomready-e2e-data-'));
  const traffic: Crossing[] = [];
  const logs: string[] = [];
  const opened: string[] = [];
  const deliveryErrors: string[] = [];
  const dialogs: PresetDialogs = { siteToOpen: null, savePath: null, folder: null, packageToOpen: null, asked: [] };
  const stores = new Map<string, SecretStore>();
  const pages = new Set<Page>();
  const waiters = new Set<{ name: string; match: (payload: unknown) => boolean; resolve: (payload: unknown) => void }>();

  const appDialogs: AppDialogs = {
    async chooseSiteToOpen() {
      dialogs.asked.push('open');
      return dialogs.siteToOpen;
    },
    async chooseSavePath(suggestedName) {
      dialogs.asked.push(`save:${suggestedName}`);
      return dialogs.savePath;
    },
    async chooseFolder(title) {
      dialogs.asked.push(`folder:${title}`);
      return dialogs.folder;
    },
    async choosePackageToOpen() {
      dialogs.asked.push('open-package');
      return dialogs.packageToOpen;
    },
  };

  const deps: AppDeps = {
    dataDir,
    dialogs: appDialogs,
    secretStore(name) {
      let store = stores.get(name);
      if (store === undefined) stores.set(name, (store = memorySecretStore()));
      return store;
    },
    emit(event, raw) {
      // As the app's window emitter does: a payload that breaks the contract never reaches the page
      // (there it is logged and dropped; here it is also a problem the test reports).
      let payload: typeof raw;
      try {
        payload = eventPayload(event, raw);
      } catch (error) {
        deliveryErrors.push(`${event}: the payload does not match the contract (${error instanceof Error ? error.message.slice(0, 300) : 'invalid'})`);
        return;
      }
      traffic.push({ direction: 'event', name: event, value: payload });
      for (const waiter of [...waiters]) {
        if (waiter.name === event && waiter.match(payload)) {
          waiters.delete(waiter);
          waiter.resolve(payload);
        }
      }
      for (const page of pages) {
        if (page.isClosed()) continue;
        page
          .evaluate(deliverInPage, [NAMES.deliver, event, payload as unknown] as [string, string, unknown])
          .catch((error: unknown) => {
            if (!page.isClosed()) deliveryErrors.push(`${event}: ${String(error)}`);
          });
      }
    },
    env: options.env ?? {},
    practiceSimulator: { latencyMs: 0, replicationLagMs: 0 },
    ...(options.tenantTransport ? { tenantTransport: options.tenantTransport } : {}),
    // Off a console unless a test stands one in: exports for a USB stick.
    onsite: options.onsite ?? { consoleTarget: null },
    // As Electron's printToPDF does in the app: a second page of the same browser, no bridge, no script.
    async printToPdf(html, print) {
      const opener = [...pages].find((page) => !page.isClosed());
      if (!opener) throw new Error('No page is attached to the bridge, so there is no browser to print with.');
      const printing = await opener.context().newPage();
      try {
        await printing.route('**/*', (route) => route.abort());
        await printing.setContent(html, { waitUntil: 'load' });
        return new Uint8Array(
          await printing.pdf({ format: 'A4', printBackground: true, displayHeaderFooter: true, headerTemplate: print.headerTemplate, footerTemplate: print.footerTemplate, margin: print.margin }),
        );
      } finally {
        await printing.close();
      }
    },
    async openExternal(url) {
      opened.push(url);
    },
    log(message) {
      logs.push(message);
    },
  };

  const createServices = options.createServices ?? (await import('../../../main/app/index.ts')).createAppServices;
  const services = await createServices(deps);

  return {
    deps,
    services,
    dialogs,
    dataDir,
    traffic,
    logs,
    opened,
    deliveryErrors,
    async attach(page) {
      pages.add(page);
      await page.exposeBinding(NAMES.invoke, async (_source, channel: unknown, input: unknown) => {
        traffic.push({ direction: 'request', name: String(channel), value: input });
        const answer = await dispatch(services.handlers, channel, input, { log: (message) => logs.push(message) });
        traffic.push({ direction: 'answer', name: String(channel), value: answer });
        return answer;
      });
      await page.addInitScript({ content: await bundledPageScript() });
    },
    waitForEvent(name, match = () => true, timeoutMs = 20_000) {
      const seen = traffic.find((crossing) => crossing.direction === 'event' && crossing.name === name && match(crossing.value));
      if (seen) return Promise.resolve(seen.value);
      return new Promise((resolve, reject) => {
        const waiter = { name, match, resolve };
        waiters.add(waiter);
        setTimeout(() => {
          if (waiters.delete(waiter)) reject(new Error(`No ${name} event within ${timeoutMs} ms.`));
        }, timeoutMs).unref();
      });
    },
    async dispose() {
      await services.dispose();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
