// roomready report: the setup report of a site or one room, as PDF, HTML, JSON or CSV. The evidence
// is what the desktop app recorded for the site (its progress file in the app's data folder) and,
// when given, a saved `roomready validate --report` JSON. Written atomically: never half a file.
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { buildReport, type RoomEvidence } from '../../shared/report/build.ts';
import { REPORT_FORMATS, type FingerprintedReport, type ReportFormat } from '../../shared/report/schema.ts';
import { APP_VERSION } from '../app-version.ts';
import type { CliIo } from '../cli.ts';
import { fingerprintReport } from '../reports/fingerprint.ts';
import { defaultDataDir, loadSiteProgress } from '../reports/load-progress.ts';
import { loadValidationFile, ValidationFileError, type LoadedValidation } from '../reports/load-validation.ts';
import { renderReport } from '../reports/render.ts';
import { PRODUCT_NAME } from '../shell/app-info.ts';
import { writeFileAtomically } from '../workspace/atomic-write.ts';
import { describeFsError } from '../workspace/fs-errors.ts';
import { loadLiveInput, reportRejectedRows, SITE_OPTIONS } from './live-command.ts';
import type { Command, CommandContext } from './types.ts';
import { CommandFailure, UsageError } from './usage-error.ts';

const options = {
  ...SITE_OPTIONS,
  room: { type: 'string' },
  format: { type: 'string', short: 'f' },
  out: { type: 'string', short: 'o' },
  validation: { type: 'string' },
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

const help = `Usage: roomready report <site.roomready.json | rooms.csv> --format pdf|html|json|csv --out <path> [options]

The setup report of the site (every room), or of one room with --room: coverage first (what ran,
what could not be read), each account step and validation check with its evidence and remediation,
the console settings prepared (never the password), the on-site checklist with marks, notes and
photos, and the sign-offs. Every format carries the SHA-256 fingerprint of the report's JSON.

  --format <pdf|html|json|csv>  What to write (required). PDF needs Chromium (or Google Chrome) on this computer.
  --out <path>                  The file to write (required); replaced whole, never half-written.
  --room <upn>                  Report on this room only.
  --validation <file>           The JSON written by "roomready validate --report <file>" for this site;
                                its results replace the app's last validation for the rooms it holds.
  --data-dir <dir>              The desktop app's data folder, where it keeps what it recorded for the site
                                (marks, provisioning, validation, photos, sign-offs). Default: the app's own.
  --topology, --tenant-domain, --mode, --usage-location, --license, --registrar-pool
                                Describe the site when the input is a rooms CSV (as for prepare).
  --json                        Print the result as JSON for machines.

Exit codes: 0 written; 1 written, but some rows of the input were rejected; 2 the input or the command line is unusable.`;

function parseFormat(value: unknown): ReportFormat {
  if (typeof value !== 'string' || value === '') throw new UsageError(`--format is required: one of ${REPORT_FORMATS.join(', ')}`);
  const format = value.toLowerCase();
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')} (not "${value}")`);
  return format as ReportFormat;
}

async function renderWithPrinter(report: FingerprintedReport, format: ReportFormat, env: NodeJS.ProcessEnv): Promise<Uint8Array> {
  if (format !== 'pdf') return renderReport(report, format);
  const { openChromiumPrinter } = await import('../reports/chromium-printer.ts');
  let printer;
  try {
    printer = await openChromiumPrinter(env);
  } catch (error) {
    throw new CommandFailure((error as Error).message);
  }
  try {
    return await renderReport(report, format, printer);
  } finally {
    await printer.close();
  }
}

function generator(io: CliIo): { app: string; version: string; machine: string; platform: string; user?: string } {
  let user: string | undefined;
  try {
    user = os.userInfo().username || undefined;
  } catch {
    user = io.env.USER ?? io.env.USERNAME;
  }
  return { app: PRODUCT_NAME, version: APP_VERSION, machine: os.hostname(), platform: process.platform, ...(user ? { user } : {}) };
}

async function run(context: CommandContext): Promise<number> {
  try {
    return await writeReport(context);
  } catch (error) {
    // With --json, an unusable input is an answer on stdout too, as for the other commands.
    if (!(error instanceof CommandFailure) || context.values.json !== true) throw error;
    context.io.stdout(JSON.stringify({ ok: false, exitCode: 2, error: error.message }, null, 2));
    return 2;
  }
}

async function writeReport({ io, values, positionals }: CommandContext): Promise<number> {
  const format = parseFormat(values.format);
  if (typeof values.out !== 'string' || values.out === '') throw new UsageError('--out <path> is required');
  const out = path.resolve(io.cwd, values.out);
  const json = values.json === true;

  const loaded = await loadLiveInput(io, values, positionals, 'report');
  const { site } = loaded;
  const room = typeof values.room === 'string' ? values.room : undefined;
  if (room !== undefined && !site.rooms.some((entry) => entry.upn.toLowerCase() === room.toLowerCase())) {
    throw new CommandFailure(`--room ${room}: ${loaded.fileName} has no (valid) room with that UPN`);
  }

  let validation: LoadedValidation | undefined;
  if (typeof values.validation === 'string') {
    try {
      validation = await loadValidationFile(path.resolve(io.cwd, values.validation), site);
    } catch (error) {
      if (error instanceof ValidationFileError) throw new CommandFailure(error.message);
      throw error;
    }
  }

  const dataDir = typeof values['data-dir'] === 'string' ? path.resolve(io.cwd, values['data-dir']) : defaultDataDir(io.env);
  const progress = await loadSiteProgress(dataDir, path.resolve(io.cwd, positionals[0]!), (message) => io.stderr(`Note: ${message}`));
  const evidence = (upn: string): RoomEvidence => {
    const provision = progress.provision(upn);
    const provisionedAt = progress.provisionedAt(upn);
    const results = validation?.byUpn.get(upn.toLowerCase());
    const stored = progress.validation(upn);
    const roomValidation = results ? { generatedAt: validation!.generatedAt, results } : stored;
    return {
      ...(provision ? { provision } : {}),
      ...(provision && provisionedAt ? { provisionedAt } : {}),
      ...(roomValidation ? { validation: roomValidation } : {}),
      manual: progress.manual(upn),
      // Whether the room has a password RoomReady knows of; the password itself never reaches the report.
      hasPassword: loaded.suppliedPasswords.has(upn.toLowerCase()),
      photos: progress.photos(upn),
      signOffs: progress.signOffs(upn),
      onSiteChecks: progress.onSiteChecks(upn),
    };
  };

  reportRejectedRows(io, loaded);
  const report = fingerprintReport(
    buildReport({
      kind: room !== undefined ? 'room' : 'site',
      site,
      ...(room !== undefined ? { upns: [room] } : {}),
      evidence,
      tenant: {},
      generator: generator(io),
      generatedAt: new Date().toISOString(),
    }),
  );
  const bytes = await renderWithPrinter(report, format, io.env);
  try {
    await mkdir(path.dirname(out), { recursive: true });
    await writeFileAtomically(out, bytes);
  } catch (error) {
    throw new CommandFailure(`cannot write ${out}: ${describeFsError(error)}`);
  }

  const exitCode = loaded.errors.length > 0 ? 1 : 0;
  const { coverage } = report;
  if (json) {
    io.stdout(
      JSON.stringify(
        { ok: exitCode === 0, exitCode, out, format, kind: report.kind, site: site.name, rooms: coverage.rooms, coverage, fingerprint: report.fingerprint.value, bytes: bytes.length },
        null,
        2,
      ),
    );
  } else {
    io.stdout(
      [
        `Report written: ${out} (${format.toUpperCase()}, ${report.kind === 'room' ? `room ${report.rooms[0]!.upn}` : `${coverage.rooms} room${coverage.rooms === 1 ? '' : 's'}`} of site "${site.name}")`,
        `  Checks: ${coverage.checks.passed} passed, ${coverage.checks.failed} failed, ${coverage.checks.warning} warning, ${coverage.checks.unknown} unknown; not validated: ${coverage.roomsNotValidated} room(s)`,
        `  Fingerprint (SHA-256): ${report.fingerprint.value}`,
      ].join('\n'),
    );
  }
  return exitCode;
}

export const reportCommand: Command = { help, options, run };
