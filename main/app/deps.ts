// What the app's services need from their host. Electron's main (main/index.ts) supplies native
// dialogs, safeStorage and webContents.send; the browser tests' loopback bridge supplies a scratch
// folder, preset answers and server-sent events. The handlers cannot tell the difference.
import type { EventPayload, IpcEvent, IpcHandlers } from '../../shared/ipc.ts';
import type { NetworkEndpoint, StunTarget } from '../../shared/onsite/network-endpoints.ts';
import type { SecretStore } from '../auth/secret-store.ts';
import type { HtmlPrinter } from '../reports/pdf.ts';
import type { SimulatorOptions } from '../simulator/index.ts';
import type { Transport } from '../tenant/transport.ts';

/** Native pickers; each resolves to null when the user cancels. */
export interface AppDialogs {
  /** An existing site file to open. */
  chooseSiteToOpen(): Promise<string | null>;
  /** Where to save a file (a site file, a SkypeSettings.xml). */
  chooseSavePath(suggestedName: string): Promise<string | null>;
  /** A folder to export into. */
  chooseFolder(title: string): Promise<string | null>;
  /** An installer package (.roomready-package) to open. */
  choosePackageToOpen(): Promise<string | null>;
}

/** Where the console's configuration goes when the app runs on the Teams Rooms console itself. */
export interface ConsoleTargetHost {
  /** The Teams Rooms app's LocalState folder. */
  localStateDir: string;
  /** Gives the console's local user (Skype) full control of a file just written there. */
  grantAccess(filePath: string): Promise<void>;
}

/** The on-site tools' pieces of the host; absent parts fall back to this machine's own. */
export interface OnSiteHost {
  /** Electron's session.resolveProxy: the proxy Chromium would use for a URL ("DIRECT", "PROXY host:port"). */
  resolveProxy?(url: string): Promise<string>;
  /** The console's LocalState; null when this machine is not a console; undefined: detect (Windows only). */
  consoleTarget?: ConsoleTargetHost | null;
  /** Network probe settings: tests aim the probes at loopback stand-ins. */
  network?: {
    endpoints?: readonly NetworkEndpoint[];
    stun?: readonly StunTarget[];
    extraCaPem?: readonly string[];
    clockUrl?: string;
    timeoutMs?: number;
  };
}

export interface AppDeps {
  /** The app's own folder (recent sites, per-site progress); Electron's userData. */
  dataDir: string;
  dialogs: AppDialogs;
  /**
   * A store for one named secret (the token cache, a site's passwords). The app's is safeStorage,
   * which refuses (SecretStoreError 'encryption-unavailable') where only basic_text exists.
   */
  secretStore(name: string): SecretStore;
  /** Sends an event to the app's window. */
  emit<E extends IpcEvent>(event: E, payload: EventPayload<E>): void;
  /** Environment for tenant settings (ROOMREADY_CLIENT_ID, ...): no tenant configured -> practice mode. */
  env: Readonly<Record<string, string | undefined>>;
  /** Practice mode's simulated tenant (latency, replication lag...); tests make it fast. */
  practiceSimulator?: SimulatorOptions;
  /**
   * How requests reach Microsoft 365 for a site's own tenant (not practice): fetch when absent.
   * Tests hand in simulatorTransport(url) to sign in to a simulated tenant the way a real one is.
   */
  tenantTransport?: Transport;
  /** Opens a URL in the system browser (interactive sign-in). */
  openExternal(url: string): Promise<void>;
  log(message: string): void;
  now?(): Date;
  /**
   * Prints a self-contained HTML page to PDF (a report's PDF export): Electron's printToPDF in a
   * hidden, script-less window in the app; a Playwright page in the browser tests. Without it PDF
   * export is refused with a plain message.
   */
  printToPdf?: HtmlPrinter['printToPdf'];
  onsite?: OnSiteHost;
}

export interface AppServices {
  handlers: IpcHandlers;
  /** Stops runs, simulators and timers; the app calls it before quitting. */
  dispose(): Promise<void>;
}
