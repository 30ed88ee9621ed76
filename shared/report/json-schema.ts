// docs/report-schema.json, generated from the one zod definition (shared/report/schema.ts) with
// zod 4's z.toJSONSchema: JSON Schema draft 2020-12 of the report as written (output types), so a
// consumer can check a report without RoomReady. Nothing may be left unrepresented: it throws.
import { z } from 'zod';
import { FingerprintedReportSchema, REPORT_FORMAT, REPORT_VERSION } from './schema.ts';

export function reportJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(FingerprintedReportSchema, { target: 'draft-2020-12', io: 'output', unrepresentable: 'throw', cycles: 'ref', reused: 'inline' });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: 'RoomReady setup report',
    description: `A RoomReady setup report (format "${REPORT_FORMAT}", version ${REPORT_VERSION}). See docs/reports.md.`,
    ...rest,
  };
}

/** The file's text: pretty JSON with a trailing newline. */
export function reportJsonSchemaText(): string {
  return `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
}
