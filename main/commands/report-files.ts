// --report <file>: a live command's report kept as files, <file>.json for machines and <file>.md for
// people, each written atomically (a reader never sees half a report).
import fs from 'node:fs';
import path from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from '../cli.ts';
import { writeFileAtomically } from '../workspace/atomic-write.ts';

export const REPORT_OPTION = { report: { type: 'string' } } as const satisfies ParseArgsConfig['options'];

export const REPORT_HELP = '  --report <file>               Also write the report: <file>.json and <file>.md.';

/** Writes both files when --report was given; says where on stderr. */
export async function writeReportFiles(io: CliIo, report: unknown, json: string, markdown: string): Promise<void> {
  if (typeof report !== 'string') return;
  const base = path.resolve(io.cwd, report);
  fs.mkdirSync(path.dirname(base), { recursive: true });
  await writeFileAtomically(`${base}.json`, json);
  await writeFileAtomically(`${base}.md`, markdown);
  io.stderr(`Report written: ${base}.json, ${base}.md`);
}
