// The input of `prepare`: a rooms CSV (with the site described on the command line) or a saved site
// file. Either way the result is a Site holding only the rooms that passed every rule, the rejected
// rows and the warnings, in the manifest's terms.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ManifestIssue } from '../../shared/manifest.ts';
import { checkSite, checkSiteSettings, SiteSchema, type Room, type Site, type SiteInput } from '../../shared/model.ts';
import { importRoomsCsv } from '../workspace/csv-import.ts';
import { describeFsError } from '../workspace/fs-errors.ts';
import { loadSiteFile, SITE_FILE_EXTENSION } from '../workspace/site-file.ts';

/** The input as a whole cannot be used (exit code 2). */
export class InputError extends Error {
  override name = 'InputError';
}

/** Site settings given on the command line; for a site file they override what it says. */
export interface SiteOverrides {
  name?: string;
  topology?: string;
  cloud?: string;
  tenantDomain?: string;
  appVersion?: string;
  mode?: string;
  usageLocation?: string;
  license?: string;
  registrarPool?: string;
  organizationalUnit?: string;
}

export interface LoadedInput {
  kind: 'csv' | 'site';
  fileName: string;
  /** Valid rooms only. */
  site: Site;
  /** rowOfRoom[i]: the CSV row (or site position) site.rooms[i] came from. */
  rowOfRoom: number[];
  errors: ManifestIssue[];
  warnings: ManifestIssue[];
  /** Site-level warnings (e.g. a retired topology). */
  siteWarnings: string[];
  /** Passwords the CSV supplied, by UPN (lower case). */
  suppliedPasswords: Map<string, string>;
  rowsRead: number;
}

export function isSiteFile(file: string): boolean {
  return file.toLowerCase().endsWith(SITE_FILE_EXTENSION);
}

function buildSite(base: Partial<SiteInput>, overrides: SiteOverrides, rooms: Room[]): Site {
  const defaults = { ...base.defaults };
  const set = (key: keyof NonNullable<SiteInput['defaults']>, value: string | undefined) => {
    if (value !== undefined) (defaults as Record<string, unknown>)[key] = value;
  };
  set('appVersion', overrides.appVersion);
  set('mode', overrides.mode);
  set('usageLocation', overrides.usageLocation);
  set('license', overrides.license);
  set('registrarPool', overrides.registrarPool);
  set('organizationalUnit', overrides.organizationalUnit);
  const candidate = {
    ...base,
    name: overrides.name ?? base.name,
    topology: overrides.topology ?? base.topology ?? 'teams-online',
    cloud: overrides.cloud ?? base.cloud,
    tenantDomain: overrides.tenantDomain ?? base.tenantDomain,
    defaults,
    rooms,
  };
  const parsed = SiteSchema.safeParse(candidate);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'site'}: ${issue.message}`);
    throw new InputError(`the site settings are not valid: ${problems.join('; ')}`);
  }
  const settingErrors = checkSiteSettings(parsed.data).filter((finding) => finding.severity === 'error');
  if (settingErrors.length > 0) throw new InputError(settingErrors.map((finding) => `${finding.field}: ${finding.message}`).join('; '));
  return parsed.data;
}

function siteWarningsOf(site: Site): string[] {
  return checkSiteSettings(site)
    .filter((finding) => finding.severity === 'warning')
    .map((finding) => finding.message);
}

async function loadCsv(file: string, overrides: SiteOverrides): Promise<LoadedInput> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${describeFsError(error)}`);
  }
  const fileName = path.basename(file);
  const skeleton = buildSite({ name: path.basename(file).replace(/\.[^.]+$/, '') || 'Site' }, overrides, []);
  const imported = importRoomsCsv(bytes, skeleton, fileName);
  const site = { ...skeleton, rooms: imported.rooms };
  const suppliedPasswords = new Map([...imported.passwords].map(([upn, password]) => [upn.toLowerCase(), password]));
  return {
    kind: 'csv',
    fileName,
    site,
    rowOfRoom: imported.rowOfRoom,
    errors: imported.errors,
    warnings: [
      ...imported.unknownColumns.map((column) => ({ row: 1, column, message: 'is not a RoomReady column; its values were ignored' })),
      ...imported.warnings,
    ],
    siteWarnings: siteWarningsOf(site),
    suppliedPasswords,
    rowsRead: imported.rowsRead,
  };
}

async function loadSite(file: string, overrides: SiteOverrides): Promise<LoadedInput> {
  const loaded = await loadSiteFile(file);
  const site = buildSite(loaded.site, overrides, loaded.site.rooms);
  const check = checkSite(site);
  const valid: Room[] = [];
  const rowOfRoom: number[] = [];
  const errors: ManifestIssue[] = [];
  const warnings: ManifestIssue[] = [];
  site.rooms.forEach((room, index) => {
    const findings = check.rooms[index]!;
    for (const finding of findings) {
      (finding.severity === 'error' ? errors : warnings).push({ row: index + 1, column: finding.field, message: finding.message });
    }
    if (!findings.some((finding) => finding.severity === 'error')) {
      valid.push(room);
      rowOfRoom.push(index + 1);
    }
  });
  const validSite = { ...site, rooms: valid };
  return {
    kind: 'site',
    fileName: path.basename(file),
    site: validSite,
    rowOfRoom,
    errors,
    warnings,
    siteWarnings: siteWarningsOf(validSite),
    suppliedPasswords: new Map(),
    rowsRead: site.rooms.length,
  };
}

export function loadPrepareInput(file: string, overrides: SiteOverrides): Promise<LoadedInput> {
  return isSiteFile(file) ? loadSite(file, overrides) : loadCsv(file, overrides);
}
