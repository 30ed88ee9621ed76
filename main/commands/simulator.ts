// roomready simulator: the simulated Microsoft 365 tenant, standalone, until Ctrl+C. Other
// commands (and other processes) reach it by its URL; its state lasts as long as it runs.
import type { ParseArgsConfig } from 'node:util';
import type { SimulatorOptions } from '../simulator/contract.ts';
import type { Command, CommandContext } from './types.ts';
import { UsageError } from './usage-error.ts';

/** The simulated tenant's settings, the same flags here and on every live command (--simulated). */
export const SIMULATOR_OPTIONS = {
  'sim-seed': { type: 'string' },
  'sim-latency-ms': { type: 'string' },
  'sim-throttle-rate': { type: 'string' },
  'sim-fault-rate': { type: 'string' },
  'sim-reset-rate': { type: 'string' },
  'sim-replication-lag-ms': { type: 'string' },
  'sim-retry-after': { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

const options = {
  port: { type: 'string' },
  ...SIMULATOR_OPTIONS,
  'no-sample-data': { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

const help = `Usage: roomready simulator [--port <n>] [--sim-seed <n>] [--sim-latency-ms <n>] [--sim-throttle-rate <r>]
                          [--sim-fault-rate <r>] [--sim-reset-rate <r>] [--sim-replication-lag-ms <n>]

Runs RoomReady's simulated Microsoft 365 tenant (practice mode) on 127.0.0.1 until Ctrl+C:
sign-in (Microsoft Entra ID), Microsoft Graph and Exchange Online, answered as the real services
answer, with the Contoso sample tenant. Point other commands at it with --simulator <url>.
Nothing here reaches Microsoft 365; every credential it prints is a practice value.

Options:
  --port <n>                    Listen on this port (default: a free one).
  --sim-seed <n>                Seed of every random choice: the same seed gives the same run (default 1).
  --sim-latency-ms <n>          Added to every answer, in milliseconds (default 0).
  --sim-throttle-rate <r>       Share of Graph/Exchange requests answered 429 with Retry-After (0 to 1).
  --sim-fault-rate <r>          Share answered 503 with Retry-After (0 to 1).
  --sim-reset-rate <r>          Share whose connection is reset without an answer (0 to 1).
  --sim-replication-lag-ms <n>  How long a mailbox created in Exchange takes to appear in Entra ID and Places.
  --sim-retry-after <s>         Seconds in Retry-After (default 1).
  --no-sample-data              Start with an empty tenant (domain, apps and administrators only).

Control surface: GET <url>/_simulator/ lists its endpoints (state, stats, faults, device-code approval,
tenant operations).

Exit codes: 0 stopped by Ctrl+C or SIGTERM; 2 bad options or the port cannot be used.`;

function number(values: CommandContext['values'], name: string, check: (n: number) => boolean, what: string): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(n) || !check(n)) throw new UsageError(`--${name} must be ${what}, got "${String(raw)}"`);
  return n;
}

export function simulatorOptions(values: CommandContext['values']): SimulatorOptions {
  const whole = (n: number) => Number.isInteger(n) && n >= 0;
  const share = (n: number) => n >= 0 && n <= 1;
  const chosen: SimulatorOptions = {
    port: number(values, 'port', (n) => whole(n) && n <= 65535, 'a port number (0 to 65535)'),
    seed: number(values, 'sim-seed', Number.isInteger, 'a whole number'),
    latencyMs: number(values, 'sim-latency-ms', (n) => n >= 0, '0 or more milliseconds'),
    throttleRate: number(values, 'sim-throttle-rate', share, 'between 0 and 1'),
    faultRate: number(values, 'sim-fault-rate', share, 'between 0 and 1'),
    resetRate: number(values, 'sim-reset-rate', share, 'between 0 and 1'),
    replicationLagMs: number(values, 'sim-replication-lag-ms', (n) => n >= 0, '0 or more milliseconds'),
    retryAfterSeconds: number(values, 'sim-retry-after', whole, 'a whole number of seconds'),
    sampleData: values['no-sample-data'] !== true,
  };
  return Object.fromEntries(Object.entries(chosen).filter(([, v]) => v !== undefined)) as SimulatorOptions;
}

/** Resolves on the first SIGINT or SIGTERM. */
function untilStopped(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

async function run({ io, values, positionals }: CommandContext): Promise<number> {
  if (positionals.length > 0) throw new UsageError(`simulator takes no file arguments (got "${positionals[0]}")`);
  const chosen = simulatorOptions(values);
  // Loaded on use: the other commands need none of the simulator.
  const { startSimulator } = await import('../simulator/index.ts');
  let sim;
  try {
    sim = await startSimulator(chosen);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(`roomready simulator: cannot start: ${code === 'EADDRINUSE' ? `port ${chosen.port} is already in use` : (error as Error).message}`);
    return 2;
  }
  io.stdout(
    [
      `RoomReady simulated tenant (practice mode) listening at ${sim.url}`,
      `  Use it with: --simulator ${sim.url}`,
      `  Tenant: ${sim.tenantDomain} (id ${sim.tenantId})${chosen.sampleData === false ? ', without sample data' : '; also contoso.com (verified) and fabrikam.com (unverified)'}`,
      `  Public client (interactive and device code sign-in): ${sim.publicClientId}`,
      `  Confidential client (app-only): ${sim.confidentialClient.clientId}`,
      `    client secret: ${sim.confidentialClient.secret}  (a practice value: valid only in this simulator, never in Microsoft 365)`,
      `  Global Administrator: ${sim.adminUpn}`,
      `  User Administrator only (for missing-role practice): ${sim.limitedAdminUpn}`,
      `  Control surface: ${sim.url}/_simulator/`,
      'Press Ctrl+C to stop.',
    ].join('\n'),
  );
  const signal = await untilStopped();
  await sim.stop();
  io.stderr(`roomready simulator: stopped (${signal}).`);
  return 0;
}

export const simulatorCommand: Command = { help, options, run };
