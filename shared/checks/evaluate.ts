// The evaluator: observations + expectations -> results. Pure. A check whose declared reads are
// unavailable is unknown, with the reason, and never reaches its rule; a rule can only read what
// its check declared, so the declared reads are the truth the coverage numbers rest on.
import type { Topology } from '../topology.ts';
import { CHECKS } from './registry.ts';
import { auditExpectations, type RoomExpectations } from './expectations.ts';
import { READ_LABELS, observationOf, unavailable, type ReadKind, type RoomObservation, type TenantObservation } from './observation.ts';
import type { CheckDefinition, CheckInput, CheckResult, Verdict } from './types.ts';

class UndeclaredRead extends Error {
  override name = 'UndeclaredRead';
}

function inputFor(check: CheckDefinition, expected: RoomExpectations, observation: RoomObservation): CheckInput {
  const optional = new Set<ReadKind>(check.optionalReads ?? []);
  return {
    expected,
    read(kind) {
      if (!check.reads.includes(kind)) throw new UndeclaredRead(`${check.id} reads ${kind} without declaring it in reads`);
      const found = observationOf(observation, kind);
      // Unreachable: unavailable declared reads make the check unknown before its rule runs.
      if (found.state !== 'read') throw new UndeclaredRead(`${check.id} read ${kind}, which is unavailable`);
      return found.value;
    },
    tryRead(kind) {
      if (!check.reads.includes(kind) && !optional.has(kind)) throw new UndeclaredRead(`${check.id} reads ${kind} without declaring it`);
      return observationOf(observation, kind);
    },
  };
}

function unavailableReads(check: CheckDefinition, observation: RoomObservation): string | undefined {
  const reasons = check.reads.flatMap((kind) => {
    const found = observationOf(observation, kind);
    return found.state === 'unavailable' ? [`${READ_LABELS[kind]} could not be read: ${found.reason}`] : [];
  });
  return reasons.length > 0 ? reasons.join('; ') : undefined;
}

function toResult(check: CheckDefinition, expected: RoomExpectations, verdict: Verdict): CheckResult {
  const base = { id: check.id, title: check.title, severity: check.severity };
  if (verdict.outcome === 'unknown') {
    return {
      ...base,
      status: 'unknown',
      message: `Not checked: ${verdict.reason}. What is at stake: ${check.breaks}`,
      evidence: { observed: null, expected: null },
      reason: verdict.reason,
      remediation: check.verification(expected),
    };
  }
  const evidence = { observed: verdict.observed, expected: verdict.expected };
  if (verdict.outcome === 'pass') return { ...base, status: 'passed', message: verdict.detail, evidence };
  const status = verdict.outcome === 'fail' && check.severity === 'fail' ? 'failed' : 'warning';
  return { ...base, status, message: `${verdict.detail}. ${check.breaks}`, evidence, remediation: verdict.remediation ?? check.remediation(expected) };
}

export function evaluateCheck(check: CheckDefinition, expected: RoomExpectations, observation: RoomObservation): CheckResult {
  const missing = unavailableReads(check, observation);
  if (missing !== undefined) return toResult(check, expected, { outcome: 'unknown', reason: missing });
  return toResult(check, expected, check.evaluate(inputFor(check, expected, observation)));
}

/** The room checks that apply to a room of this topology with these expectations. */
export function roomChecksFor(expected: RoomExpectations): CheckDefinition[] {
  return CHECKS.filter((check) => check.scope === 'room' && check.topologies.includes(expected.topology.id) && check.appliesTo?.(expected) !== false);
}

export function tenantChecksFor(topology: Topology): CheckDefinition[] {
  return CHECKS.filter((check) => check.scope === 'tenant' && check.topologies.includes(topology.id));
}

export function evaluateRoom(expected: RoomExpectations, observation: RoomObservation): CheckResult[] {
  return roomChecksFor(expected).map((check) => evaluateCheck(check, expected, observation));
}

const NOT_A_ROOM = unavailable('a tenant check reads no room');

/** The tenant-wide checks (e.g. the Basic licence count), once per report. */
export function evaluateTenant(topology: Topology, tenant: TenantObservation): CheckResult[] {
  // Tenant checks read only tenant reads; the room part is there to satisfy the shape.
  const expected = auditExpectations('tenant', topology.id);
  const observation: RoomObservation = {
    upn: '',
    mailbox: NOT_A_ROOM,
    calendar: NOT_A_ROOM,
    place: NOT_A_ROOM,
    user: NOT_A_ROOM,
    memberships: NOT_A_ROOM,
    activeDirectory: NOT_A_ROOM,
    tenant,
  };
  return tenantChecksFor(topology).map((check) => evaluateCheck(check, expected, observation));
}

/** Every read the applicable checks of a topology may make, for the collector. */
export function readsFor(expectations: readonly RoomExpectations[], topology: Topology): Set<ReadKind> {
  const checks = new Set([...expectations.flatMap(roomChecksFor), ...tenantChecksFor(topology)]);
  return new Set([...checks].flatMap((check) => [...check.reads, ...(check.optionalReads ?? [])]));
}
