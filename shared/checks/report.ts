// A validation report: coverage first (what ran, what could not be read: an unread check is not a
// pass), then tenant-wide findings, then each room with its evidence and remediation.
import type { TopologyId } from '../topology.ts';
import { CHECKS } from './registry.ts';
import type { CheckId, CheckResult, CheckSeverity, CheckStatus } from './types.ts';

export const REPORT_SCHEMA_VERSION = 1;

export interface CheckCoverage {
  id: CheckId;
  title: string;
  severity: CheckSeverity;
  scope: 'room' | 'tenant';
  /** Results of this check (rooms it applied to, or 1 for a tenant check). */
  ran: number;
  passed: number;
  failed: number;
  warning: number;
  unknown: number;
  /** Why it could not be checked, with how many results gave that reason. */
  unknownReasons: { reason: string; count: number }[];
}

export const DISCOVERY_SOURCES = ['room-mailboxes', 'teams-rooms-licenses'] as const;
export type DiscoverySourceId = (typeof DISCOVERY_SOURCES)[number];

/** How an audit found rooms; a source that could not be read may have hidden rooms. */
export interface DiscoverySource {
  source: DiscoverySourceId;
  status: 'read' | 'unavailable';
  found: number;
  reason?: string;
}

export interface Coverage {
  rooms: number;
  results: number;
  passed: number;
  failed: number;
  warning: number;
  unknown: number;
  checks: CheckCoverage[];
  discovery?: DiscoverySource[];
}

export interface RoomReport {
  upn: string;
  status: CheckStatus;
  /** Audit only: the evidence the room was found by. */
  foundBy?: DiscoverySourceId[];
  results: CheckResult[];
}

export interface ValidationReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  kind: 'validation' | 'audit';
  /** The site's name, or what was audited. */
  title: string;
  topology: TopologyId;
  generatedAt: string;
  coverage: Coverage;
  tenant: CheckResult[];
  rooms: RoomReport[];
}

/** failed > unknown > warning > passed: an unread check weighs more than a warning. */
const STATUS_WEIGHT: Record<CheckStatus, number> = { passed: 0, warning: 1, unknown: 2, failed: 3 };

export function worstStatus(results: readonly CheckResult[]): CheckStatus {
  return results.reduce<CheckStatus>((worst, result) => (STATUS_WEIGHT[result.status] > STATUS_WEIGHT[worst] ? result.status : worst), 'passed');
}

function countStatuses(results: readonly CheckResult[]) {
  const counts = { passed: 0, failed: 0, warning: 0, unknown: 0 };
  for (const result of results) counts[result.status]++;
  return counts;
}

export function coverageOf(tenant: readonly CheckResult[], rooms: readonly RoomReport[], discovery?: DiscoverySource[]): Coverage {
  const all = [...tenant, ...rooms.flatMap((room) => room.results)];
  const checks: CheckCoverage[] = [];
  for (const check of CHECKS) {
    const results = all.filter((result) => result.id === check.id);
    if (results.length === 0) continue;
    const reasons = new Map<string, number>();
    for (const result of results) if (result.status === 'unknown' && result.reason) reasons.set(result.reason, (reasons.get(result.reason) ?? 0) + 1);
    checks.push({
      id: check.id,
      title: check.title,
      severity: check.severity,
      scope: check.scope,
      ran: results.length,
      ...countStatuses(results),
      unknownReasons: [...reasons].map(([reason, count]) => ({ reason, count })),
    });
  }
  return { rooms: rooms.length, results: all.length, ...countStatuses(all), checks, ...(discovery ? { discovery } : {}) };
}

export interface ReportInput {
  kind: ValidationReport['kind'];
  title: string;
  topology: TopologyId;
  generatedAt: string;
  tenant: CheckResult[];
  rooms: { upn: string; results: CheckResult[]; foundBy?: DiscoverySourceId[] }[];
  discovery?: DiscoverySource[];
}

export function buildValidationReport(input: ReportInput): ValidationReport {
  const rooms: RoomReport[] = input.rooms.map((room) => ({
    upn: room.upn,
    status: worstStatus(room.results),
    ...(room.foundBy ? { foundBy: room.foundBy } : {}),
    results: room.results,
  }));
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    kind: input.kind,
    title: input.title,
    topology: input.topology,
    generatedAt: input.generatedAt,
    coverage: coverageOf(input.tenant, rooms, input.discovery),
    tenant: input.tenant,
    rooms,
  };
}
