// Site files (*.roomready.json): a versioned envelope around a Site, saved atomically, loaded with
// migrations from older schema versions and refused, clearly, when written by a newer RoomReady.
//
// Schema version 1, in the manner of a JSON Schema:
//
//   {
//     "format":        const "roomready-site"                       (required)
//     "schemaVersion": integer >= 1; this build reads up to 1      (required)
//     "savedAt":       string, ISO 8601 date-time in UTC           (written always; optional on load)
//     "app":           { "name": string, "version": string }       (who wrote it; optional on load)
//     "site":          Site, see SiteSchema in shared/model.ts     (required; unknown keys are dropped)
//   }
//
// No secret ever goes into a site file: Room has no password field, and the schema drops unknown
// properties, so a "password" put into the JSON by hand is not even read back.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { SiteSchema, type Site, type SiteInput } from '../../shared/model.ts';
import { APP_NAME, APP_VERSION } from '../app-version.ts';
import { writeFileAtomically, type AtomicWriteFs } from './atomic-write.ts';
import { describeFsError } from './fs-errors.ts';

export const SITE_FILE_FORMAT = 'roomready-site';
export const SITE_SCHEMA_VERSION = 1;
export const SITE_FILE_EXTENSION = '.roomready.json';
export const ROOMREADY_APP = { name: APP_NAME, version: APP_VERSION } as const;

type JsonObject = Record<string, unknown>;

/** One step that rewrites an envelope of schema `from` into schema `to` (to > from). */
export interface SiteMigration {
  from: number;
  to: number;
  migrate(envelope: JsonObject): JsonObject;
}

/**
 * The migrations of the real schema history, oldest first. Empty: schema 1 is the first. When
 * schema 2 arrives, add { from: 1, to: 2, migrate } here and raise SITE_SCHEMA_VERSION; the
 * mechanism is tested with migrations made up for the test.
 */
export const SITE_MIGRATIONS: readonly SiteMigration[] = [];

export type SiteFileProblem = 'unreadable' | 'not-json' | 'not-a-site-file' | 'newer-version' | 'no-migration' | 'invalid' | 'write-failed';

export class SiteFileError extends Error {
  override readonly name = 'SiteFileError';
  constructor(
    readonly path: string,
    readonly problem: SiteFileProblem,
    message: string,
    /** For 'invalid': one line per problem, each starting with its JSON path. */
    readonly issues: readonly string[] = [],
  ) {
    super(message);
  }
}

export interface LoadedSite {
  site: Site;
  /** The schema version the file was written in (before any migration). */
  schemaVersion: number;
  savedAt?: string;
  app?: { name: string; version: string };
  /** Set when the file was migrated from an older schema; saving writes the current one. */
  migratedFrom?: number;
}

const AppSchema = z.object({ name: z.string(), version: z.string() });

function envelopeSchema(schemaVersion: number) {
  return z.object({
    format: z.literal(SITE_FILE_FORMAT),
    schemaVersion: z.literal(schemaVersion),
    savedAt: z.string().optional(),
    app: AppSchema.optional(),
    site: SiteSchema,
  });
}

export interface SaveSiteOptions {
  app?: { name: string; version: string };
  now?: Date;
  fs?: AtomicWriteFs;
}

/** The text of a site file for `site` (validated); `path` only names it in messages. */
export function serializeSiteFile(path: string, site: Site | SiteInput, options: Omit<SaveSiteOptions, 'fs'> = {}): string {
  const parsed = SiteSchema.safeParse(site);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${formatJsonPath(['site', ...issue.path])}: ${issue.message}`);
    throw new SiteFileError(path, 'invalid', `${path} was not saved because the site is not valid: ${summarise(issues)}`, issues);
  }
  const envelope = {
    format: SITE_FILE_FORMAT,
    schemaVersion: SITE_SCHEMA_VERSION,
    savedAt: (options.now ?? new Date()).toISOString(),
    app: options.app ?? ROOMREADY_APP,
    site: parsed.data,
  };
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

/** Validates the site and writes it atomically: the old file stays whole if anything fails. */
export async function saveSiteFile(path: string, site: Site | SiteInput, options: SaveSiteOptions = {}): Promise<void> {
  const text = serializeSiteFile(path, site, options);
  try {
    await writeFileAtomically(path, text, { fs: options.fs });
  } catch (error) {
    throw new SiteFileError(path, 'write-failed', `Could not save ${path}: ${describeFsError(error)}. The previous file, if any, is unchanged.`);
  }
}

export interface LoadSiteOptions {
  /** The migrations to apply; the real history by default. Tests pass their own. */
  migrations?: readonly SiteMigration[];
  /** The newest schema this build reads; SITE_SCHEMA_VERSION by default. Tests raise it. */
  schemaVersion?: number;
}

export async function loadSiteFile(path: string, options: LoadSiteOptions = {}): Promise<LoadedSite> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new SiteFileError(path, 'unreadable', `Could not open ${path}: ${describeFsError(error)}.`);
  }
  return parseSiteFile(text, path, options);
}

/** The content of a site file, already read; `path` only names it in messages. */
export function parseSiteFile(text: string, path: string, options: LoadSiteOptions = {}): LoadedSite {
  const migrations = options.migrations ?? SITE_MIGRATIONS;
  const current = options.schemaVersion ?? SITE_SCHEMA_VERSION;

  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new SiteFileError(path, 'not-json', `${path} is not valid JSON${jsonErrorLocation(error, text)}; it may have been edited by hand or damaged.`);
  }
  if (!isJsonObject(json) || json.format !== SITE_FILE_FORMAT) {
    throw new SiteFileError(path, 'not-a-site-file', `${path} is not a RoomReady site file (it has no "format": "${SITE_FILE_FORMAT}").`);
  }
  const written = json.schemaVersion;
  if (typeof written !== 'number' || !Number.isInteger(written) || written < 1) {
    throw new SiteFileError(path, 'not-a-site-file', `${path} has no valid schemaVersion (a whole number from 1); it was not written by RoomReady or was damaged.`);
  }
  if (written > current) {
    throw new SiteFileError(
      path,
      'newer-version',
      `${path} was written by a newer RoomReady (schema ${written}); this version reads up to ${current} — update RoomReady to open it.`,
    );
  }

  const migrated = migrate(json, written, current, migrations, path);
  const result = envelopeSchema(current).safeParse(migrated);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${formatJsonPath(issue.path)}: ${issue.message}`);
    throw new SiteFileError(path, 'invalid', `${path} is not a valid site file: ${summarise(issues)}`, issues);
  }
  const loaded: LoadedSite = { site: result.data.site, schemaVersion: written };
  if (result.data.savedAt !== undefined) loaded.savedAt = result.data.savedAt;
  if (result.data.app !== undefined) loaded.app = result.data.app;
  if (written < current) loaded.migratedFrom = written;
  return loaded;
}

function migrate(envelope: JsonObject, from: number, to: number, migrations: readonly SiteMigration[], path: string): JsonObject {
  let current = envelope;
  let version = from;
  while (version < to) {
    const step = migrations.find((migration) => migration.from === version);
    if (!step || step.to <= step.from || step.to > to) {
      throw new SiteFileError(
        path,
        'no-migration',
        `${path} uses site schema ${version}, which this version of RoomReady cannot convert to schema ${to}; open it with the RoomReady version that wrote it and save it again.`,
      );
    }
    try {
      current = step.migrate(structuredClone(current));
    } catch (error) {
      throw new SiteFileError(
        path,
        'invalid',
        `${path} could not be converted from site schema ${step.from} to ${step.to}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    version = step.to;
    current = { ...current, schemaVersion: version };
  }
  return current;
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** ['site', 'rooms', 3, 'upn'] -> "site.rooms[3].upn" */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (typeof segment === 'string' && IDENTIFIER.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(String(segment))}]`;
  }
  return text === '' ? '(top level)' : text;
}

function summarise(issues: readonly string[]): string {
  const shown = issues.slice(0, 10).join('; ');
  return issues.length > 10 ? `${shown}; and ${issues.length - 10} more` : shown;
}

/** " at line 3, column 14 (…)" from V8's message, which gives a character position or a line and column. */
function jsonErrorLocation(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : '';
  const reason = message
    .replace(/ in JSON at position \d+.*$/, '')
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/ \(line \d+ column \d+\)$/, '');
  const lineColumn = /\(line (\d+) column (\d+)\)/.exec(message);
  if (lineColumn) return ` at line ${lineColumn[1]}, column ${lineColumn[2]} (${reason})`;
  const position = /at position (\d+)/.exec(message);
  if (position) {
    const offset = Number(position[1]);
    const before = text.replace(/^\uFEFF/, '').slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return ` at line ${line}, column ${column} (${reason})`;
  }
  return reason ? ` (${reason})` : '';
}
