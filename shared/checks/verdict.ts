// Small builders for verdicts and evidence, so rules read as sentences.
import { TOPOLOGIES, TOPOLOGY_IDS, type Topology, type TopologyId } from '../topology.ts';
import type { Json, Remediation, Verdict } from './types.ts';

/** Any observed value as JSON evidence: undefined becomes null, Exchange's odd values become text. */
export function json(value: unknown): Json {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (Array.isArray(value)) return value.map(json);
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, json(item)] as const);
    return Object.fromEntries(entries);
  }
  return String(value);
}

/** A value as people and PowerShell write it: True, False, 12, text, or (empty). */
export function describe(value: unknown): string {
  if (value === undefined || value === null || value === '') return '(empty)';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

export function pass(detail: string, observed: unknown, expected: unknown): Verdict {
  return { outcome: 'pass', detail, observed: json(observed), expected: json(expected) };
}

export function fail(detail: string, observed: unknown, expected: unknown, remediation?: Remediation): Verdict {
  return { outcome: 'fail', detail, observed: json(observed), expected: json(expected), ...(remediation ? { remediation } : {}) };
}

/** Not broken now, but worth fixing: reported as a warning whatever the check's severity. */
export function warn(detail: string, observed: unknown, expected: unknown, remediation?: Remediation): Verdict {
  return { outcome: 'warn', detail, observed: json(observed), expected: json(expected), ...(remediation ? { remediation } : {}) };
}

export function unknown(reason: string): Verdict {
  return { outcome: 'unknown', reason };
}

export const NO_MAILBOX = 'Exchange has no mailbox for the room, so there is nothing to read (see mailbox.is-room)';
export const NO_ACCOUNT = 'Microsoft Entra ID has no account for the room, so there is nothing to read (see account.sign-in-not-blocked)';

export function topologiesWhere(predicate: (topology: Topology) => boolean): TopologyId[] {
  return TOPOLOGY_IDS.filter((id) => predicate(TOPOLOGIES[id]));
}

export const ALL_TOPOLOGIES: readonly TopologyId[] = TOPOLOGY_IDS;
/** The account lives in Microsoft Entra ID (cloud-only or synchronised) and carries a licence. */
export const CLOUD_ACCOUNT_TOPOLOGIES = topologiesWhere((topology) => topology.cloudLicensing);
/** The account is created in Microsoft Entra ID itself, not synchronised from Active Directory. */
export const CLOUD_ONLY_TOPOLOGIES = topologiesWhere((topology) => topology.cloudLicensing && !topology.onPremisesDirectory);
export const ACTIVE_DIRECTORY_TOPOLOGIES = topologiesWhere((topology) => topology.onPremisesDirectory);
export const EXCHANGE_ONLINE_TOPOLOGIES = topologiesWhere((topology) => topology.exchange === 'online');
export const EXCHANGE_SERVER_TOPOLOGIES = topologiesWhere((topology) => topology.exchange === 'server');
/** The console signs in to Skype for Business with its SIP address. */
export const SIP_TOPOLOGIES = topologiesWhere((topology) => topology.meetings !== 'teams');
