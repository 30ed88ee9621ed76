// The report as JSON: a zod schema that every report written passes through, so what machines read
// is exactly what the types say.
import { z } from 'zod';
import { TOPOLOGY_IDS } from '../topology.ts';
import { DISCOVERY_SOURCES, REPORT_SCHEMA_VERSION, type ValidationReport } from './report.ts';
import { CHECK_IDS, CHECK_SEVERITIES, CHECK_STATUSES } from './types.ts';

const RemediationSchema = z.strictObject({
  text: z.string(),
  runIn: z.string().optional(),
  powershell: z.string().optional(),
  portal: z.string(),
});

export const CheckResultSchema = z.strictObject({
  id: z.enum(CHECK_IDS),
  title: z.string(),
  status: z.enum(CHECK_STATUSES),
  severity: z.enum(CHECK_SEVERITIES),
  message: z.string(),
  evidence: z.strictObject({ observed: z.json(), expected: z.json() }),
  reason: z.string().optional(),
  remediation: RemediationSchema.optional(),
});

const CountsShape = {
  passed: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  warning: z.number().int().nonnegative(),
  unknown: z.number().int().nonnegative(),
};

const CheckCoverageSchema = z.strictObject({
  id: z.enum(CHECK_IDS),
  title: z.string(),
  severity: z.enum(CHECK_SEVERITIES),
  scope: z.enum(['room', 'tenant']),
  ran: z.number().int().nonnegative(),
  ...CountsShape,
  unknownReasons: z.array(z.strictObject({ reason: z.string(), count: z.number().int().positive() })),
});

const DiscoverySourceSchema = z.strictObject({
  source: z.enum(DISCOVERY_SOURCES),
  status: z.enum(['read', 'unavailable']),
  found: z.number().int().nonnegative(),
  reason: z.string().optional(),
});

export const ValidationReportSchema = z.strictObject({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  kind: z.enum(['validation', 'audit']),
  title: z.string(),
  topology: z.enum(TOPOLOGY_IDS),
  generatedAt: z.string(),
  coverage: z.strictObject({
    rooms: z.number().int().nonnegative(),
    results: z.number().int().nonnegative(),
    ...CountsShape,
    checks: z.array(CheckCoverageSchema),
    discovery: z.array(DiscoverySourceSchema).optional(),
  }),
  tenant: z.array(CheckResultSchema),
  rooms: z.array(
    z.strictObject({
      upn: z.string(),
      status: z.enum(CHECK_STATUSES),
      foundBy: z.array(z.enum(DISCOVERY_SOURCES)).optional(),
      results: z.array(CheckResultSchema),
    }),
  ),
});

/** The report as JSON text; throws when the report does not match its schema. */
export function renderValidationJson(report: ValidationReport): string {
  return `${JSON.stringify(ValidationReportSchema.parse(report), null, 2)}\n`;
}
