// The app's services as the window reaches them: createAppServices with test deps (a scratch data
// folder, preset dialogs, in-memory secret stores kept across restarts, a fast practice simulator)
// and every request through main/ipc.ts's dispatch, so the contract's checks run on each answer.
// Everything that crosses (answers and events) is recorded for the "no secret leaves main" checks.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { createAppServices, type AppServices } from '../../main/app/index.ts';
import type { AppDeps } from '../../main/app/deps.ts';
import { memorySecretStore, type SecretStore } from '../../main/auth/secret-store.ts';
import { dispatch, eventPayload } from '../../main/ipc.ts';
import type { ChannelInput, ChannelOutput, EventPayload, IpcChannel, IpcEvent, IpcResult } from '../../shared/ipc.ts';

export interface Dialogs {
  siteToOpen: Array<string | null>;
  savePath: Array<string | null>;
  folder: Array<string | null>;
  packageToOpen: Array<string | null>;
}

export interface RecordedEvent {
  event: IpcEvent;
  payload: unknown;
}

export interface HarnessOptions {
  dataDir?: string;
  stores?: Map<string, SecretStore>;
  secretStore?: (name: string) => SecretStore;
  env?: Record<string, string>;
  practiceSimulator?: AppDeps['practiceSimulator'];
  tenantTransport?: AppDeps['tenantTransport'];
  printToPdf?: AppDeps['printToPdf'];
  onsite?: AppDeps['onsite'];
}

export class AppHarness {
  readonly dataDir: string;
  readonly stores: Map<string, SecretStore>;
  readonly dialogs: Dialogs = { siteToOpen: [], savePath: [], folder: [], packageToOpen: [] };
  readonly events: RecordedEvent[] = [];
  readonly answers: unknown[] = [];
  readonly logs: string[] = [];
  readonly services: AppServices;
  private readonly waiters: Array<() => void> = [];

  constructor(options: HarnessOptions = {}) {
    this.dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'roomready-app-'));
    this.stores = options.stores ?? new Map();
    const next = (queue: Array<string | null>) => Promise.resolve(queue.length > 0 ? queue.shift()! : null);
    const deps: AppDeps = {
      dataDir: this.dataDir,
      dialogs: {
        chooseSiteToOpen: () => next(this.dialogs.siteToOpen),
        chooseSavePath: () => next(this.dialogs.savePath),
        chooseFolder: () => next(this.dialogs.folder),
        choosePackageToOpen: () => next(this.dialogs.packageToOpen),
      },
      secretStore:
        options.secretStore ??
        ((name) => {
          let store = this.stores.get(name);
          if (!store) this.stores.set(name, (store = memorySecretStore()));
          return store;
        }),
      emit: (event, payload) => {
        // The same check main/index.ts makes before an event leaves main.
        this.events.push({ event, payload: eventPayload(event, payload) });
        for (const wake of this.waiters.splice(0)) wake();
      },
      env: options.env ?? {},
      practiceSimulator: options.practiceSimulator ?? { latencyMs: 0, replicationLagMs: 0, deviceCodeIntervalSeconds: 0 },
      ...(options.tenantTransport ? { tenantTransport: options.tenantTransport } : {}),
      ...(options.printToPdf ? { printToPdf: options.printToPdf } : {}),
      onsite: options.onsite ?? { consoleTarget: null },
      openExternal: async () => undefined,
      log: (message) => this.logs.push(message),
    };
    this.services = createAppServices(deps);
  }

  async call<C extends IpcChannel>(channel: C, payload: ChannelInput<C>): Promise<IpcResult<ChannelOutput<C>>> {
    const result = (await dispatch(this.services.handlers, channel, payload, { log: (message) => this.logs.push(message) })) as IpcResult<ChannelOutput<C>>;
    this.answers.push(result);
    return result;
  }

  /** The answer's data; fails the test with the error's code and message otherwise. */
  async ok<C extends IpcChannel>(channel: C, payload: ChannelInput<C>): Promise<ChannelOutput<C>> {
    const result = await this.call(channel, payload);
    if (!result.ok) expect.fail(`${channel} answered ${result.code}: ${result.message}`);
    return result.data;
  }

  /** The failure; fails the test when the channel answered ok. */
  async fails<C extends IpcChannel>(channel: C, payload: ChannelInput<C>): Promise<Extract<IpcResult<unknown>, { ok: false }>> {
    const result = await this.call(channel, payload);
    if (result.ok) expect.fail(`${channel} answered ok, expected a failure`);
    return result;
  }

  eventsOf<E extends IpcEvent>(event: E): EventPayload<E>[] {
    return this.events.filter((recorded) => recorded.event === event).map((recorded) => recorded.payload as EventPayload<E>);
  }

  /** The first event of that name matching `match`, recorded already or still to come. */
  async waitFor<E extends IpcEvent>(event: E, match: (payload: EventPayload<E>) => boolean, timeoutMs = 30_000): Promise<EventPayload<E>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.eventsOf(event).find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no ${event} event in ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 200);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Everything that crossed to the "window", as one text. */
  traffic(): string {
    return JSON.stringify({ answers: this.answers, events: this.events });
  }

  async dispose(removeDataDir = true): Promise<void> {
    await this.services.dispose();
    if (removeDataDir) fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** The passwords a site's store holds (read in the test only, to look for them where they must not be). */
export async function storedPasswords(store: SecretStore | undefined): Promise<string[]> {
  const bytes = await store?.get();
  if (!bytes) return [];
  return Object.values((JSON.parse(Buffer.from(bytes).toString('utf8')) as { passwords: Record<string, string> }).passwords);
}

/** Every file under `dir`, as text. */
export function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(path.relative(dir, full), fs.readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return files;
}
