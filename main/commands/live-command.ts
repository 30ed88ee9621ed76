// What preflight, provision, validate and audit have in common: the input (a rooms CSV or a site
// file, as for prepare), a signed-in session, progress on stderr, and plain-words failures.
import path from 'node:path';
import { AuthConfigError, AuthFailure, SignInCancelledError, SignInRequiredError } from '../auth/auth-errors.ts';
import { SecretStoreError } from '../auth/secret-store.ts';
import { InputError, loadPrepareInput, type LoadedInput, type SiteOverrides } from '../prepare/load-input.ts';
import { DeadlineError, PermissionError } from '../tenant/types.ts';
import { CsvFileError } from '../workspace/csv-import.ts';
import { SiteFileError } from '../workspace/site-file.ts';
import type { CliIo } from '../cli.ts';
import { openTenantSession, type TenantSession } from './tenant-session.ts';
import type { CommandContext } from './types.ts';
import { CommandFailure, UsageError } from './usage-error.ts';

/** The site options every live command takes (the same as prepare's). */
export const SITE_OPTIONS = {
  topology: { type: 'string' },
  'tenant-domain': { type: 'string' },
  mode: { type: 'string' },
  'usage-location': { type: 'string' },
  license: { type: 'string' },
  'registrar-pool': { type: 'string' },
} as const;

export function siteOverrides(values: CommandContext['values']): SiteOverrides {
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const overrides: SiteOverrides = {};
  const pairs: Array<[keyof SiteOverrides, string]> = [
    ['topology', 'topology'],
    ['tenantDomain', 'tenant-domain'],
    ['mode', 'mode'],
    ['usageLocation', 'usage-location'],
    ['license', 'license'],
    ['registrarPool', 'registrar-pool'],
    ['cloud', 'cloud'],
  ];
  for (const [field, option] of pairs) {
    const value = text(option);
    if (value !== undefined) overrides[field] = value;
  }
  if (values.simulated || typeof values.simulator === 'string') overrides.cloud = 'simulated';
  return overrides;
}

export async function loadLiveInput(io: CliIo, values: CommandContext['values'], positionals: string[], command: string): Promise<LoadedInput> {
  if (positionals.length !== 1) throw new UsageError(`give the rooms CSV or site file to ${command}`);
  try {
    return await loadPrepareInput(path.resolve(io.cwd, positionals[0]!), siteOverrides(values));
  } catch (error) {
    const described = describeLiveFailure(error);
    if (described === undefined) throw error;
    throw new CommandFailure(described);
  }
}

/** Failures that end a live command with exit code 2, in words; anything else is a bug. */
export function describeLiveFailure(error: unknown): string | undefined {
  if (error instanceof InputError || error instanceof CsvFileError || error instanceof SiteFileError) return error.message;
  if (error instanceof AuthConfigError || error instanceof AuthFailure || error instanceof SignInRequiredError || error instanceof SignInCancelledError) return error.message;
  if (error instanceof PermissionError || error instanceof DeadlineError || error instanceof SecretStoreError) return error.message;
  return undefined;
}

/** Runs `work` with a session, closing it whatever happens; known failures become exit code 2. */
export async function withSession(
  io: CliIo,
  values: CommandContext['values'],
  command: string,
  work: (session: TenantSession) => Promise<number>,
  signal?: AbortSignal,
): Promise<number> {
  let session: TenantSession | undefined;
  try {
    session = await openTenantSession(io, values, signal);
    return await work(session);
  } catch (error) {
    const described = signal?.aborted ? `stopped: ${(signal.reason as Error | undefined)?.message ?? 'cancelled'}` : describeLiveFailure(error);
    if (described === undefined) throw error;
    if (values.json) io.stdout(JSON.stringify({ ok: false, exitCode: 2, error: described }, null, 2));
    else io.stderr(`roomready ${command}: ${described}`);
    return 2;
  } finally {
    await session?.close();
  }
}

/** Rows the input rejected, said once on stderr before the live work starts. */
export function reportRejectedRows(io: CliIo, loaded: LoadedInput): void {
  for (const issue of loaded.errors) {
    io.stderr(`${loaded.fileName} ${loaded.kind === 'csv' ? 'row' : 'room'} ${issue.row}, ${issue.column}: ${issue.message} (not included)`);
  }
  for (const warning of loaded.siteWarnings) io.stderr(`Note: ${warning}`);
}
