// `roomready report --validation <file>`: the saved JSON of `roomready validate --report`, checked
// against its schema and against the site it is meant to describe (same topology, at least one of
// the site's rooms). Rooms are matched by UPN, whatever its case.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ValidationReportSchema } from '../../shared/checks/schema.ts';
import type { CheckResult } from '../../shared/checks/types.ts';
import type { Site } from '../../shared/model.ts';
import { describeFsError } from '../workspace/fs-errors.ts';

export class ValidationFileError extends Error {
  override name = 'ValidationFileError';
}

export interface LoadedValidation {
  generatedAt: string;
  /** Results by lower-case UPN. */
  byUpn: Map<string, readonly CheckResult[]>;
}

export async function loadValidationFile(file: string, site: Site): Promise<LoadedValidation> {
  const name = path.basename(file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ValidationFileError(`cannot read the validation file ${name}: ${describeFsError(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new ValidationFileError(`${name} is not JSON: give the .json file written by "roomready validate --report"`);
  }
  const parsed = ValidationReportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ValidationFileError(`${name} is not a validation report of this RoomReady version (${issue.path.join('.') || 'the file'}: ${issue.message})`);
  }
  const report = parsed.data;
  if (report.kind !== 'validation') throw new ValidationFileError(`${name} is an ${report.kind} report; give the report of "roomready validate" for this site`);
  if (!z.iso.datetime({ offset: true }).safeParse(report.generatedAt).success) {
    throw new ValidationFileError(`${name}: generatedAt "${report.generatedAt}" is not an ISO 8601 date and time`);
  }
  const siteUpns = new Set(site.rooms.map((room) => room.upn.toLowerCase()));
  const byUpn = new Map(report.rooms.map((room) => [room.upn.toLowerCase(), room.results as readonly CheckResult[]]));
  const matching = [...byUpn.keys()].filter((upn) => siteUpns.has(upn)).length;
  const reasons = [
    ...(byUpn.size > 0 && matching === 0 ? [`none of its ${byUpn.size} room${byUpn.size === 1 ? '' : 's'} is in "${site.name}"`] : []),
    ...(report.topology !== site.topology ? [`its topology is ${report.topology}, the site's is ${site.topology}`] : []),
  ];
  if (reasons.length > 0) throw new ValidationFileError(`${name} is the validation of another site ("${report.title}"): ${reasons.join('; ')}`);
  return { generatedAt: report.generatedAt, byUpn };
}
