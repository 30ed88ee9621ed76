// roomready prepare: rooms (CSV or site file) -> scripts, console settings and checklists per room.
import path from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { TOPOLOGY_IDS } from '../../shared/model.ts';
import type { Manifest } from '../../shared/manifest.ts';
import { SITE_FILE, type PrepareInput } from '../../shared/prepare.ts';
import { TOPOLOGIES } from '../../shared/topology.ts';
import { CONSOLE_ERA_INFO } from '../../shared/console-era.ts';
import { siteConsoleEra } from '../../shared/model.ts';
import { APP_NAME, APP_VERSION } from '../app-version.ts';
import type { CliIo } from '../cli.ts';
import { InputError, loadPrepareInput, type LoadedInput, type SiteOverrides } from '../prepare/load-input.ts';
import { OutputFolderError } from '../prepare/output-folder.ts';
import { writePrepared } from '../prepare/write-prepared.ts';
import { assignRoomPasswords, PasswordPlanError } from '../prepare/room-passwords.ts';
import { CsvFileError } from '../workspace/csv-import.ts';
import { SecretVaultError, writeSecretVault } from '../workspace/secret-vault.ts';
import { serializeSiteFile, SiteFileError } from '../workspace/site-file.ts';
import { readPassphrase } from './passphrase.ts';
import type { Command, CommandContext } from './types.ts';
import { UsageError } from './usage-error.ts';

const options = {
  out: { type: 'string', short: 'o' },
  topology: { type: 'string' },
  'tenant-domain': { type: 'string' },
  'app-version': { type: 'string' },
  'site-name': { type: 'string' },
  cloud: { type: 'string' },
  mode: { type: 'string' },
  'usage-location': { type: 'string' },
  license: { type: 'string' },
  'registrar-pool': { type: 'string' },
  'organizational-unit': { type: 'string' },
  'include-password': { type: 'boolean' },
  passwords: { type: 'string' },
  json: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

const help = `Usage: roomready prepare <rooms.csv | site.roomready.json> --out <dir> [options]

Writes, per room, a folder rooms/<upn>/ with its PowerShell scripts (one per place they run, numbered
in run order), SkypeSettings.xml, checklist.md and room.json; and at the root the site-wide scripts,
README.md (the run sheet), site.roomready.json and manifest.json. Nothing is written unless all of it
can be: an existing output folder is replaced only when it is a previous RoomReady output.

Options:
  -o, --out <dir>               Output folder (required).
  --topology <id>               ${TOPOLOGY_IDS.join(' | ')}
                                (default teams-online for a CSV; a site file names its own).
  --tenant-domain <domain>      The tenant's domain, e.g. contoso.com (UPNs outside it get a warning).
  --app-version <version>       Teams Rooms app version on the consoles, e.g. 4.16 or 5.2 (default 5.0).
  --site-name <name>            Site name (default: the CSV file name).
  --cloud <id>                  global | usgov | usgovdod | china (default global).
  --mode <create|convert>       Create new accounts, or convert existing room mailboxes (default create;
                                a CSV Action column decides per room).
  --usage-location <CC>         Default usage location (ISO 3166-1 alpha-2), e.g. US.
  --license <sku>               Default licence SKU part number, e.g. Microsoft_Teams_Rooms_Pro.
  --registrar-pool <fqdn>       Default Skype for Business Server pool.
  --organizational-unit <dn>    Default OU for on-premises accounts, e.g. OU=Rooms,DC=contoso,DC=com.
  --include-password            Put each room's password into its SkypeSettings.xml (plain text on disk;
                                the console deletes the file after reading it). Passwords come from the
                                CSV's Password column or are generated; generated ones need --passwords.
  --passwords <vault>           Write every room's password (from the CSV or generated) into an encrypted
                                vault (AES-256-GCM; passphrase from ROOMREADY_PASSPHRASE or a prompt).
  --json                        Print the result as JSON for machines.

Exit codes: 0 every row prepared; 1 some rows rejected (the others are written); 2 unusable input.`;

function overridesFrom(values: CommandContext['values']): SiteOverrides {
  const text = (key: keyof typeof options) => {
    const value = values[key];
    return typeof value === 'string' ? value : undefined;
  };
  const overrides: SiteOverrides = {};
  const map: Array<[keyof SiteOverrides, keyof typeof options]> = [
    ['name', 'site-name'],
    ['topology', 'topology'],
    ['cloud', 'cloud'],
    ['tenantDomain', 'tenant-domain'],
    ['appVersion', 'app-version'],
    ['mode', 'mode'],
    ['usageLocation', 'usage-location'],
    ['license', 'license'],
    ['registrarPool', 'registrar-pool'],
    ['organizationalUnit', 'organizational-unit'],
  ];
  for (const [field, option] of map) {
    const value = text(option);
    if (value !== undefined) overrides[field] = value;
  }
  return overrides;
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

async function run({ io, values, positionals }: CommandContext): Promise<number> {
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'give the rooms CSV or site file to prepare' : `expected one input file, got ${positionals.length}`);
  const out = values.out;
  if (typeof out !== 'string' || out.length === 0) throw new UsageError('--out <dir> is required');
  if (values.topology !== undefined && !(TOPOLOGY_IDS as readonly string[]).includes(String(values.topology))) {
    throw new UsageError(`--topology must be one of ${TOPOLOGY_IDS.join(', ')}`);
  }
  const input = path.resolve(io.cwd, positionals[0]!);
  const outDir = path.resolve(io.cwd, out);
  const vaultPath = typeof values.passwords === 'string' ? path.resolve(io.cwd, values.passwords) : undefined;
  if (vaultPath && isInside(vaultPath, outDir)) {
    throw new UsageError('--passwords must name a file outside the output folder (the folder is replaced on every run)');
  }
  const json = values.json === true;

  let loaded: LoadedInput;
  try {
    loaded = await loadPrepareInput(input, overridesFrom(values));
  } catch (error) {
    if (error instanceof InputError || error instanceof CsvFileError || error instanceof SiteFileError) {
      return fail(io, json, 2, `${positionals[0]}: ${error.message}`);
    }
    throw error;
  }

  let passwords;
  try {
    passwords = assignRoomPasswords(loaded, { includeInSettings: values['include-password'] === true, vault: vaultPath !== undefined });
  } catch (error) {
    if (error instanceof PasswordPlanError) return fail(io, json, 2, error.message);
    throw error;
  }

  try {
    if (vaultPath && passwords.vault.size > 0) {
      const passphrase = await readPassphrase(io, vaultPath);
      if (passphrase === undefined) {
        return fail(io, json, 2, 'a passphrase for --passwords is needed: set ROOMREADY_PASSPHRASE or run in a terminal');
      }
      await writeSecretVault(vaultPath, Object.fromEntries(passwords.vault), passphrase);
    }
    const input: PrepareInput = {
      site: loaded.site,
      generator: { name: APP_NAME, version: APP_VERSION },
      errors: loaded.errors,
      warnings: loaded.warnings,
      settingsPasswords: passwords.settings,
      siteFileText: serializeSiteFile(SITE_FILE, loaded.site),
      ...(vaultPath ? { vaultFile: path.relative(outDir, vaultPath) } : {}),
    };
    const manifest = writePrepared(outDir, input, loaded.rowOfRoom);
    return report(io, json, loaded, outDir, manifest);
  } catch (error) {
    if (error instanceof OutputFolderError || error instanceof SecretVaultError) return fail(io, json, 2, error.message);
    throw error;
  }
}

function fail(io: CliIo, json: boolean, code: number, message: string): number {
  if (json) io.stdout(JSON.stringify({ ok: false, exitCode: code, error: message }, null, 2));
  else io.stderr(`roomready prepare: ${message}`);
  return code;
}

function report(io: CliIo, json: boolean, loaded: LoadedInput, outDir: string, manifest: Manifest): number {
  const exitCode = manifest.errors.length > 0 ? 1 : 0;
  if (json) {
    io.stdout(
      JSON.stringify(
        {
          ok: exitCode === 0,
          exitCode,
          out: outDir,
          manifest: path.join(outDir, 'manifest.json'),
          topology: manifest.topology,
          consoleEra: manifest.site.consoleEra,
          roomsPrepared: manifest.rooms.length,
          rowsRead: loaded.rowsRead,
          siteScripts: manifest.siteScripts.map((script) => script.path),
          errors: manifest.errors,
          warnings: manifest.warnings,
          siteWarnings: loaded.siteWarnings,
        },
        null,
        2,
      ),
    );
    return exitCode;
  }
  const where = (issue: { row: number; column: string }) => (loaded.kind === 'csv' ? `${loaded.fileName} row ${issue.row}` : `${loaded.fileName} room ${issue.row}`) + `, ${issue.column}`;
  const lines = [
    `Prepared ${manifest.rooms.length} of ${plural(loaded.rowsRead, 'room')} for site "${loaded.site.name}" in ${outDir}`,
    `  Topology: ${TOPOLOGIES[loaded.site.topology].label}; console: ${CONSOLE_ERA_INFO[siteConsoleEra(loaded.site)].label}`,
    `  Site scripts, in order: ${manifest.siteScripts.map((script) => script.path).join(', ') || '(none)'}`,
    `  Run sheet: ${path.join(outDir, 'README.md')}`,
  ];
  for (const warning of loaded.siteWarnings) lines.push(`Note: ${warning}`);
  if (manifest.errors.length > 0) {
    const rows = new Set(manifest.errors.map((issue) => issue.row)).size;
    lines.push(`${plural(rows, loaded.kind === 'csv' ? 'row' : 'room')} rejected (${plural(manifest.errors.length, 'problem')}):`);
    for (const issue of manifest.errors) lines.push(`  ${where(issue)}: ${issue.message}`);
  }
  if (manifest.warnings.length > 0) {
    lines.push(`${plural(manifest.warnings.length, 'warning')}:`);
    for (const issue of manifest.warnings) lines.push(`  ${where(issue)}: ${issue.message}`);
  }
  lines.push(`Next: read README.md, then run each script with -WhatIf before running it for real.`);
  io.stdout(lines.join('\n'));
  return exitCode;
}

export const prepareCommand: Command = { help, options, run };
