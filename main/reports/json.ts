// The report for machines: the fingerprinted report as pretty JSON, checked against its schema
// (docs/report-schema.json is generated from the same schema) before a byte is written.
import { FingerprintedReportSchema, type FingerprintedReport } from '../../shared/report/schema.ts';
import { fingerprintMatches } from './fingerprint.ts';

export function renderReportJson(report: FingerprintedReport): string {
  const parsed = FingerprintedReportSchema.safeParse(report);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`The report does not match its schema at ${issue.path.join('.') || 'the root'}: ${issue.message}`);
  }
  if (!fingerprintMatches(parsed.data)) throw new Error('The report\'s fingerprint does not match its content: fingerprint it again after any change.');
  return `${JSON.stringify(parsed.data, null, 2)}\n`;
}
