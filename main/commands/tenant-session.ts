// How the live commands (preflight, provision, validate, audit) reach a tenant: options shared by
// all of them, sign-in, and a TenantConnection. `--simulated` starts a simulated tenant in this
// process; `--simulator <url>` uses one that is running; otherwise it is Microsoft 365 itself.
import { spawn } from 'node:child_process';
import type { ParseArgsConfig } from 'node:util';
import type { AuthService, DelegatedAuthService, DeviceCodePrompt } from '../auth/auth-service.ts';
import type { Environment } from '../auth/app-credential.ts';
import { AuthConfigError } from '../auth/auth-errors.ts';
import { resolveAuthSettings, type AuthSettings, type FlagValues } from '../auth/auth-settings.ts';
import { createAuthService } from '../auth/create-auth-service.ts';
import { passphraseFileSecretStore } from '../auth/passphrase-file-store.ts';
import type { SecretStore } from '../auth/secret-store.ts';
import type { RunningSimulator, SimulatorIdentities, SimulatorOptions } from '../simulator/contract.ts';
import { startSimulator } from '../simulator/index.ts';
import { connectTenant, type TenantConnection } from '../tenant/connection.ts';
import { fetchTransport, simulatorTransport, type Transport } from '../tenant/transport.ts';
import type { CliIo } from '../cli.ts';
import { readPassphrase } from './passphrase.ts';
import { SIMULATOR_OPTIONS, simulatorOptions } from './simulator.ts';
import type { CommandContext } from './types.ts';
import { UsageError } from './usage-error.ts';

export const TENANT_OPTIONS = {
  cloud: { type: 'string' },
  tenant: { type: 'string' },
  'client-id': { type: 'string' },
  certificate: { type: 'string' },
  'certificate-thumbprint': { type: 'string' },
  'certificate-key': { type: 'string' },
  'device-code': { type: 'boolean' },
  'token-cache': { type: 'string' },
  simulated: { type: 'boolean' },
  simulator: { type: 'string' },
  ...SIMULATOR_OPTIONS,
  concurrency: { type: 'string' },
  json: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

export const TENANT_HELP = `Signing in (Microsoft 365):
  --cloud <id>                  global | usgov | usgovdod | china (default global).
  --tenant <id|domain>          The tenant (required for app-only sign-in).
  --client-id <id>              Your RoomReady app registration (README: Registering the Entra app).
  --device-code                 Sign in with a code on another device instead of the browser.
  --certificate <pem>           App-only sign-in with a certificate (PEM with the private key, or use
                                --certificate-key <pem>; --certificate-thumbprint if it cannot be computed).
                                ROOMREADY_CLIENT_SECRET in the environment means app-only with a secret.
  --token-cache <file>          Keep the sign-in in a file encrypted with ROOMREADY_PASSPHRASE.
Practice (nothing reaches Microsoft 365):
  --simulated                   A simulated tenant in this process, with the Contoso sample data;
                                --sim-seed, --sim-latency-ms, --sim-throttle-rate, --sim-fault-rate,
                                --sim-reset-rate, --sim-replication-lag-ms, --sim-retry-after tune it.
  --simulator <url>             A simulated tenant started with "roomready simulator" (its state lasts).
Other:
  --concurrency <n>             Requests in flight at once (default 16).
  --json                        Results on stdout as JSON; progress always goes to stderr.`;

export interface TenantSession extends TenantConnection {
  settings: AuthSettings;
  delegated: boolean;
  /** The simulated tenant, when this session uses one. */
  simulator?: SimulatorIdentities;
  close(): Promise<void>;
}

function positiveInteger(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(`--${name} must be a whole number from 1 to 256`);
  return n;
}

/** The running simulator's identities, asked over its control surface. */
async function identitiesOf(url: string): Promise<SimulatorIdentities> {
  let answer: Response;
  try {
    answer = await fetch(`${url.replace(/\/$/, '')}/_simulator/identities`);
  } catch (error) {
    throw new UsageError(`no simulated tenant answers at ${url}: ${(error as { cause?: Error }).cause?.message ?? (error as Error).message}`);
  }
  if (!answer.ok) throw new UsageError(`${url} is not a RoomReady simulated tenant (it answered ${answer.status})`);
  return (await answer.json()) as SimulatorIdentities;
}

/** Opens a URL in the system browser; the sign-in page, never anything the tenant sent. */
function openSystemBrowser(url: string): Promise<void> {
  const command = process.platform === 'win32' ? 'cmd' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '""', url] : [url];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

async function tokenStore(io: CliIo, values: CommandContext['values']): Promise<SecretStore | undefined> {
  const file = values['token-cache'];
  if (typeof file !== 'string') return undefined;
  const passphrase = await readPassphrase(io, file);
  if (passphrase === undefined) throw new UsageError('--token-cache needs a passphrase: set ROOMREADY_PASSPHRASE or run in a terminal');
  return passphraseFileSecretStore(file, passphrase);
}

async function signIn(auth: AuthService, settings: AuthSettings, io: CliIo, practice: boolean): Promise<void> {
  if (auth.kind !== 'delegated' || (await auth.account())) return;
  const delegated = auth as DelegatedAuthService;
  if (settings.signIn.kind === 'delegated' && settings.signIn.method === 'interactive' && !practice) {
    io.stderr('Opening the sign-in page in your browser...');
    await delegated.signInInteractively({ openBrowser: openSystemBrowser });
    return;
  }
  await delegated.signInWithDeviceCode({
    onDeviceCode: (prompt) => io.stderr(practice ? `Signing in to the simulated tenant (code ${prompt.userCode}, approved automatically)...` : prompt.message),
  });
}

/** What signing in and connecting needs, whoever asks (the CLI, the app's practice mode). */
export interface SessionSetup {
  values: FlagValues;
  env: Environment;
  transport: Transport;
  /** The simulated tenant's identities, when it is one. */
  identities?: SimulatorIdentities;
  store?: SecretStore;
  concurrency?: number;
  signal?: AbortSignal;
  signIn(auth: AuthService, settings: AuthSettings, practice: boolean): Promise<void>;
}

/** Resolves the settings, signs in and connects. Practice sign-in is the simulated Global Administrator, by device code (approved at once). */
export async function signInAndConnect(setup: SessionSetup): Promise<Omit<TenantSession, 'close'>> {
  const { values, identities } = setup;
  const practice = identities !== undefined;
  const settings = await resolveAuthSettings(practice && values['device-code'] === undefined ? { ...values, 'device-code': true } : values, setup.env, identities);
  const auth = createAuthService(settings, { transport: setup.transport, ...(setup.store ? { store: setup.store } : {}) });
  await setup.signIn(auth, settings, practice);
  const account = await auth.account();
  const tenantId = settings.tenant ?? account?.tenantId;
  if (!tenantId) throw new AuthConfigError('The tenant is not known: give --tenant <tenant ID or domain>.');
  const connection = connectTenant({
    auth,
    cloud: settings.cloud,
    tenantId,
    transport: setup.transport,
    concurrency: setup.concurrency ?? 16,
    // Cancelling (Ctrl+C) stops every wait and every request in flight, not only the engine.
    ...(setup.signal ? { retry: { signal: setup.signal } } : {}),
  });
  return { ...connection, settings, delegated: settings.signIn.kind === 'delegated', ...(identities ? { simulator: identities } : {}) };
}

/** A simulated tenant in this process, signed in as its Global Administrator; closing stops it. */
export async function openPracticeSession(options: SimulatorOptions, setup: { env: Environment; onDeviceCode?(prompt: DeviceCodePrompt): void; concurrency?: number }): Promise<TenantSession & { running: RunningSimulator }> {
  const running = await startSimulator(options);
  try {
    const session = await signInAndConnect({
      values: {},
      env: setup.env,
      transport: simulatorTransport(running.url),
      identities: running,
      ...(setup.concurrency ? { concurrency: setup.concurrency } : {}),
      signIn: async (auth) => {
        if (auth.kind !== 'delegated' || (await auth.account())) return;
        await (auth as DelegatedAuthService).signInWithDeviceCode({ onDeviceCode: (prompt) => setup.onDeviceCode?.(prompt) });
      },
    });
    return { ...session, running, close: () => running.stop() };
  } catch (error) {
    await running.stop();
    throw error;
  }
}

/** Signs in and connects; the caller closes the session when done. */
export async function openTenantSession(io: CliIo, values: CommandContext['values'], signal?: AbortSignal): Promise<TenantSession> {
  if (values.simulated && typeof values.simulator === 'string') throw new UsageError('give --simulated or --simulator <url>, not both');
  let running: RunningSimulator | undefined;
  let identities: SimulatorIdentities | undefined;
  let transport: Transport = fetchTransport();
  if (values.simulated) {
    running = await startSimulator(simulatorOptions(values));
    identities = running;
    transport = simulatorTransport(running.url);
  } else if (typeof values.simulator === 'string') {
    identities = await identitiesOf(values.simulator);
    transport = simulatorTransport(values.simulator);
  }
  try {
    const store = await tokenStore(io, values);
    const session = await signInAndConnect({
      values,
      env: io.env,
      transport,
      ...(identities ? { identities } : {}),
      ...(store ? { store } : {}),
      concurrency: positiveInteger(values.concurrency, 'concurrency', 16),
      ...(signal ? { signal } : {}),
      signIn: (auth, settings, practice) => signIn(auth, settings, io, practice),
    });
    return {
      ...session,
      close: async () => {
        await running?.stop();
      },
    };
  } catch (error) {
    await running?.stop();
    throw error;
  }
}
