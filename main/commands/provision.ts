// roomready provision: create or convert the site's rooms in the tenant, step by step, with ensure
// semantics; resumable from its journal; --dry-run prints the change plan instead.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { resolveRoom, type Site } from '../../shared/model.ts';
import { planRoom, stepNeedsPassword } from '../../shared/plan.ts';
import { APP_NAME, APP_VERSION } from '../app-version.ts';
import { provisionSite } from '../provision/engine.ts';
import { Journal, JournalError } from '../provision/journal.ts';
import { isLive } from '../provision/live-steps.ts';
import type { PowerShellSetup } from '../provision/powershell-phase.ts';
import { findPowerShell } from '../tenant/powershell.ts';
import type { ExchangeGateway, GraphGateway } from '../tenant/types.ts';
import type { ProvisionEvent, RoomOutcome } from '../provision/types.ts';
import { generateRoomPassword } from '../workspace/passwords.ts';
import { readSecretVault, SecretVaultError, writeSecretVault } from '../workspace/secret-vault.ts';
import type { CliIo } from '../cli.ts';
import type { LoadedInput } from '../prepare/load-input.ts';
import { loadLiveInput, reportRejectedRows, SITE_OPTIONS, withSession } from './live-command.ts';
import { readPassphrase } from './passphrase.ts';
import { TENANT_HELP, TENANT_OPTIONS, type TenantSession } from './tenant-session.ts';
import type { Command, CommandContext } from './types.ts';
import { UsageError } from './usage-error.ts';

const options = {
  ...TENANT_OPTIONS,
  ...SITE_OPTIONS,
  'dry-run': { type: 'boolean' },
  passwords: { type: 'string' },
  journal: { type: 'string' },
  'replication-timeout': { type: 'string' },
  'run-on-premises': { type: 'boolean' },
  powershell: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

const help = `Usage: roomready provision <rooms.csv | site.roomready.json> [options]

Creates or converts every room in the tenant, step by step: each step reads the current state, writes
only what differs and reads it back, so a second run over a finished site writes nothing. A room
created in Exchange takes time to reach Microsoft Entra ID: such steps are "pending" (polled up to
--replication-timeout, then left for the next run), never failures. Steps that run on premises are
reported as "manual", with the script from "roomready prepare" to run, unless --run-on-premises runs
them here. Every outcome is journalled; a run that was interrupted resumes where it stopped.

  --dry-run                     Read and compare only: the change plan, nothing written.
  --passwords <vault>           The rooms' passwords (read, and completed with generated ones), encrypted
                                with ROOMREADY_PASSPHRASE. Required when a step sets a password in Microsoft
                                365; in practice mode passwords are generated and forgotten.
  --journal <file>              Default: <input>.journal.jsonl next to the input.
  --replication-timeout <s>     How long to wait for a new account to appear in Entra ID (default 600).
  --run-on-premises             Run the Active Directory, Exchange Server and Skype for Business Server
                                steps here, through PowerShell (pwsh, or powershell.exe on Windows), one
                                generated script per room and phase, at most 4 at once; passwords go on
                                its standard input.
                                Run it where those modules are (a domain-joined admin machine). A site
                                with no Microsoft 365 step then needs no sign-in.
  --powershell <path>           The PowerShell to use (implies --run-on-premises).
  --topology, --mode, --tenant-domain, --usage-location, --license, --registrar-pool  as for prepare.

${TENANT_HELP}

Exit codes: 0 every room done (manual steps may remain); 1 a room failed or is pending, or rows were
rejected; 2 the input, the sign-in or the tenant cannot be used.`;

function seconds(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isFinite(n) || n < 0) throw new UsageError(`--${name} must be a number of seconds`);
  return n;
}

/** Where each room's password comes from; undefined when no step of the site sets one. */
async function passwordSource(io: CliIo, values: CommandContext['values'], site: Site, practice: boolean): Promise<(upn: string) => Promise<string>> {
  const needs = site.rooms.filter((room) => planRoom(room, site).steps.some(stepNeedsPassword));
  const generated = new Map<string, string>();
  const generate = (upn: string) => {
    const room = site.rooms.find((candidate) => candidate.upn.toLowerCase() === upn.toLowerCase());
    const resolved = room ? resolveRoom(room, site) : undefined;
    return generateRoomPassword(resolved ? { upn: resolved.upn, displayName: resolved.displayName, alias: resolved.alias, samAccountName: resolved.samAccountName } : { upn });
  };
  if (typeof values.passwords !== 'string') {
    if (needs.length > 0 && !practice) {
      throw new UsageError(`${needs.length} room(s) need a password set: give --passwords <vault> so the passwords are kept (ROOMREADY_PASSPHRASE protects it)`);
    }
    return async (upn) => {
      const key = upn.toLowerCase();
      if (!generated.has(key)) generated.set(key, generate(upn));
      return generated.get(key)!;
    };
  }
  const vault = path.resolve(io.cwd, values.passwords);
  const passphrase = await readPassphrase(io, vault);
  if (passphrase === undefined) throw new UsageError('--passwords needs a passphrase: set ROOMREADY_PASSPHRASE or run in a terminal');
  const secrets = fs.existsSync(vault) ? await readSecretVault(vault, passphrase) : {};
  const byUpn = new Map(Object.entries(secrets).map(([upn, password]) => [upn.toLowerCase(), password]));
  // Every room that will need one gets its password now, and the vault is saved before any write.
  let added = false;
  for (const room of needs) {
    if (byUpn.has(room.upn.toLowerCase())) continue;
    const password = generate(room.upn);
    byUpn.set(room.upn.toLowerCase(), password);
    secrets[room.upn] = password;
    added = true;
  }
  if (added) await writeSecretVault(vault, secrets, passphrase);
  return async (upn) => {
    const password = byUpn.get(upn.toLowerCase());
    if (password === undefined) throw new Error(`no password for ${upn} in the vault`);
    return password;
  };
}

function progress(io: CliIo, total: number): (event: ProvisionEvent) => void {
  let finished = 0;
  return (event) => {
    if (event.type === 'step-finished' && !event.outcome.fromJournal && event.outcome.status !== 'passed') {
      io.stderr(`  ${event.outcome.room}: ${event.outcome.step} ${event.outcome.status}${event.outcome.status === 'failed' || event.outcome.status === 'pending' ? ` — ${event.outcome.message}` : ''}`);
    } else if (event.type === 'room-finished') {
      finished++;
      io.stderr(`[${finished}/${total}] ${event.outcome.upn}: ${event.outcome.status}`);
    }
  };
}

function summary(rooms: readonly RoomOutcome[], counts: { reads: number; writes: number }): string {
  const by = (status: RoomOutcome['status']) => rooms.filter((room) => room.status === status).length;
  return `${rooms.length} room(s): ${by('passed')} done, ${by('manual')} with manual steps, ${by('pending')} pending, ${by('failed')} failed, ${by('warning')} would change; ${counts.reads} reads, ${counts.writes} writes.`;
}

/** The PowerShell for --run-on-premises / --powershell, with a private folder for its scripts. */
async function powershellSetup(io: CliIo, values: CommandContext['values']): Promise<PowerShellSetup | undefined> {
  const configured = typeof values.powershell === 'string' ? path.resolve(io.cwd, values.powershell) : undefined;
  if (values['run-on-premises'] !== true && configured === undefined) return undefined;
  let executable;
  try {
    executable = await findPowerShell(configured !== undefined ? { configured } : {});
  } catch {
    throw new UsageError(`--powershell ${configured}: no such program, or it cannot be run`);
  }
  if (!executable) throw new UsageError('--run-on-premises: no PowerShell found on PATH (pwsh, or powershell.exe on Windows); give --powershell <path>');
  return { executable, workDir: fs.mkdtempSync(path.join(os.tmpdir(), 'roomready-scripts-')), generator: { name: APP_NAME, version: APP_VERSION } };
}

/** Gateways for a run with no Microsoft 365 step: the engine never calls them. */
function noTenant(): Pick<TenantSession, 'graph' | 'exchange' | 'counts'> {
  const refuse = (service: string) => () => Promise.reject(new Error(`${service} is not signed in: this site has no Microsoft 365 step`));
  return {
    graph: new Proxy({}, { get: () => refuse('Microsoft Graph') }) as GraphGateway as TenantSession['graph'],
    exchange: new Proxy({}, { get: () => refuse('Exchange Online') }) as ExchangeGateway,
    counts: { reads: 0, writes: 0 } as TenantSession['counts'],
  };
}

async function run({ io, values, positionals }: CommandContext): Promise<number> {
  const loaded = await loadLiveInput(io, values, positionals, 'provision');
  const dryRun = values['dry-run'] === true;
  const journalPath = typeof values.journal === 'string' ? path.resolve(io.cwd, values.journal) : `${path.resolve(io.cwd, positionals[0]!)}.journal.jsonl`;
  const replicationTimeout = seconds(values['replication-timeout'], 'replication-timeout', 600);
  const powershell = await powershellSetup(io, values);
  // Made before the session, so Ctrl+C reaches the connection's retries as well as the engine.
  const controller = new AbortController();
  const stop = () => controller.abort(new Error('stopped by the user (Ctrl+C); run provision again to resume'));
  process.once('SIGINT', stop);
  const settings: ProvisionRun = { dryRun, journalPath, replicationTimeout, signal: controller.signal, ...(powershell ? { powershell } : {}) };
  try {
    const site = loaded.site;
    const needsTenant = !powershell || site.rooms.some((room) => planRoom(room, site).steps.some(isLive));
    if (!needsTenant) return await provisionWith({ ...noTenant(), practice: false }, io, values, loaded, settings);
    return await withSession(io, values, 'provision', (session) => provisionWith({ ...session, practice: session.simulator !== undefined }, io, values, loaded, settings), controller.signal);
  } finally {
    process.off('SIGINT', stop);
    if (powershell) fs.rmSync(powershell.workDir, { recursive: true, force: true });
  }
}

interface ProvisionRun {
  dryRun: boolean;
  journalPath: string;
  replicationTimeout: number;
  signal: AbortSignal;
  powershell?: PowerShellSetup;
}

/** What a run needs of the tenant: the gateways, the request counts, and whether it is practice. */
type RunTenant = Pick<TenantSession, 'graph' | 'exchange' | 'counts'> & { practice: boolean };

async function provisionWith(session: RunTenant, io: CliIo, values: CommandContext['values'], loaded: LoadedInput, run: ProvisionRun): Promise<number> {
  const { dryRun, journalPath, replicationTimeout } = run;
  reportRejectedRows(io, loaded);
  let passwordFor: (upn: string) => Promise<string>;
  let journal: Journal | undefined;
  try {
    passwordFor = dryRun ? () => Promise.reject(new Error('a dry run sets no password')) : await passwordSource(io, values, loaded.site, session.practice);
    journal = dryRun ? undefined : Journal.open(journalPath);
  } catch (error) {
    if (error instanceof SecretVaultError || error instanceof JournalError) {
      io.stderr(`roomready provision: ${error.message}`);
      return 2;
    }
    throw error;
  }
  try {
    const result = await provisionSite({
      site: loaded.site,
      graph: session.graph,
      exchange: session.exchange,
      dryRun,
      ...(journal ? { journal } : {}),
      passwordFor,
      replication: { timeoutMs: replicationTimeout * 1000, pollMs: Math.min(5_000, Math.max(50, replicationTimeout * 50)) },
      onEvent: progress(io, loaded.site.rooms.length),
      signal: run.signal,
      ...(run.powershell ? { powershell: run.powershell } : {}),
    });
    if (result.run?.resumed) io.stderr(`Resumed the interrupted run ${result.run.id} from ${journalPath}.`);
    io.stderr(summary(result.rooms, session.counts));
    if (values.json) {
      const rooms = result.rooms.map((room) => ({
        upn: room.upn,
        status: room.status,
        steps: room.steps.map((step) => ({ id: step.step, status: step.status, message: step.message, ...(step.changes.length > 0 ? { changes: step.changes } : {}) })),
      }));
      io.stdout(JSON.stringify({ dryRun, rooms, rejectedRows: loaded.errors, requests: { reads: session.counts.reads, writes: session.counts.writes } }, null, 2));
    }
    const bad = result.rooms.some((room) => room.status === 'failed' || room.status === 'pending');
    return bad || loaded.errors.length > 0 ? 1 : 0;
  } finally {
    journal?.close();
  }
}

export const provisionCommand: Command = { help, options, run };
