// manifest.json of a prepared output folder: what `roomready prepare` wrote, for machines. Versioned;
// readers refuse a schemaVersion they do not know. Paths are relative to the folder, with "/".
import { z } from 'zod';
import { CONSOLE_ERAS } from './console-era.ts';
import { CLOUD_IDS } from './model.ts';
import { RUNTIME_IDS } from './plan/types.ts';
import { TOPOLOGY_IDS } from './topology.ts';

export const MANIFEST_SCHEMA_VERSION = 1;

export const ARTIFACT_KINDS = ['powershell', 'skype-settings', 'checklist', 'room'] as const;
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number];

const relativePath = z
  .string()
  .min(1)
  .refine((path) => !path.startsWith('/') && !path.split('/').includes('..') && !path.includes('\\'), 'a relative path with "/" separators');

const issue = z.object({
  /** CSV: the spreadsheet row (header = 1). Site file: the room's position (1-based). */
  row: z.number().int().positive(),
  /** CSV: the column header as written in the file. Site file: the room field. */
  column: z.string(),
  message: z.string(),
});
export type ManifestIssue = z.infer<typeof issue>;

export const ManifestSchema = z.object({
  schemaVersion: z.literal(MANIFEST_SCHEMA_VERSION),
  generator: z.object({ name: z.literal('roomready'), version: z.string() }),
  site: z.object({
    name: z.string(),
    cloud: z.enum(CLOUD_IDS),
    tenantDomain: z.string().optional(),
    appVersion: z.string(),
    consoleEra: z.enum(CONSOLE_ERAS),
  }),
  topology: z.enum(TOPOLOGY_IDS),
  /** Scripts that cover every room, in the order to run them; manual tasks sit between by phase number. */
  siteScripts: z.array(z.object({ phase: z.number().int().positive(), runtime: z.enum(RUNTIME_IDS), mode: z.enum(['create', 'convert']), path: relativePath })),
  /** Files about the whole site: the run sheet and the site file to reopen. */
  siteFiles: z.array(z.object({ kind: z.enum(['readme', 'site']), path: relativePath })),
  rooms: z.array(
    z.object({
      upn: z.string(),
      displayName: z.string(),
      dir: relativePath,
      artifacts: z.array(z.object({ kind: z.enum(ARTIFACT_KINDS), path: relativePath })),
    }),
  ),
  errors: z.array(issue),
  warnings: z.array(issue),
});
export type Manifest = z.infer<typeof ManifestSchema>;
