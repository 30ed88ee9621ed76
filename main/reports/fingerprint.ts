// The report's integrity fingerprint: SHA-256 over the canonical JSON (shared/report/canonical.ts)
// of the report without its fingerprint. Anyone can recompute it from the JSON (docs/reports.md).
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/report/canonical.ts';
import type { FingerprintedReport, Report } from '../../shared/report/schema.ts';

export const FINGERPRINT_ALGORITHM = 'SHA-256';

/** The hex SHA-256 of a report's canonical JSON; a `fingerprint` it already carries is left out. */
export function reportDigest(report: Report | FingerprintedReport): string {
  const { fingerprint: _ignored, ...rest } = report as FingerprintedReport;
  return createHash('sha256').update(canonicalJson(rest), 'utf8').digest('hex');
}

export function fingerprintReport(report: Report): FingerprintedReport {
  const { fingerprint: _ignored, ...rest } = report as FingerprintedReport;
  return { ...rest, fingerprint: { algorithm: FINGERPRINT_ALGORITHM, value: reportDigest(rest) } };
}

/** Whether a report's fingerprint matches its content. */
export function fingerprintMatches(report: FingerprintedReport): boolean {
  return report.fingerprint.value === reportDigest(report);
}
