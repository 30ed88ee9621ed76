// The vocabulary of validation: a check is data (id, severity, topologies, reads, what breaks on the
// console, how to fix it) plus a pure rule that turns observations into a verdict.
import type { TopologyId } from '../topology.ts';
import type { RoomExpectations } from './expectations.ts';
import type { Observed, ReadKind, ReadValues } from './observation.ts';

export const CHECK_IDS = [
  'mailbox.is-room',
  'mailbox.account-enabled',
  'calendar.auto-accept',
  'calendar.keep-comments',
  'calendar.keep-subject',
  'calendar.keep-private',
  'calendar.organizer-not-in-subject',
  'calendar.external-invites',
  'account.sign-in-not-blocked',
  'account.enabled',
  'account.password-never-expires',
  'account.password-never-expires-on-premises',
  'account.no-forced-change',
  'identity.upn-equals-smtp',
  'identity.sip-equals-upn',
  'license.usage-location',
  'license.teams-rooms',
  'license.not-user-suite',
  'license.basic-count',
  'security.no-mfa-or-device-ca',
  'places.room-list',
  'places.metadata',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

/** fail: the console will not work; warn: it works, but something people rely on will not. */
export const CHECK_SEVERITIES = ['fail', 'warn'] as const;
export type CheckSeverity = (typeof CHECK_SEVERITIES)[number];

export const CHECK_STATUSES = ['passed', 'failed', 'warning', 'unknown'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/** A JSON value, so reports serialise exactly. */
export type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };

export interface Remediation {
  /** What to do, in words. */
  text: string;
  /** Where the PowerShell runs, e.g. "Exchange Online". */
  runIn?: string;
  /** PowerShell for this room, every value a verbatim literal; absent when the fix is a person's decision. */
  powershell?: string;
  /** Where to do it by hand. */
  portal: string;
}

/** What a rule concluded. `fail` becomes `failed` or `warning` according to the check's severity. */
export type Verdict =
  | {
      outcome: 'pass' | 'fail' | 'warn';
      /** One sentence about this room: what was found. */
      detail: string;
      observed: Json;
      expected: Json;
      /** A fix that depends on what was observed (e.g. keep the other password policies). */
      remediation?: Remediation;
    }
  | { outcome: 'unknown'; reason: string };

/** Gives a rule the reads its check declared. Reading anything else is a programming error. */
export interface CheckInput {
  expected: RoomExpectations;
  read<K extends ReadKind>(kind: K): ReadValues[K];
  /** An optional read: the rule decides whether it matters when it is unavailable. */
  tryRead<K extends ReadKind>(kind: K): Observed<ReadValues[K]>;
}

export type CheckCategory = 'mailbox' | 'calendar' | 'account' | 'identity' | 'license' | 'security' | 'places';

export interface CheckDefinition {
  id: CheckId;
  title: string;
  category: CheckCategory;
  severity: CheckSeverity;
  /** room: once per room; tenant: once per report. */
  scope: 'room' | 'tenant';
  topologies: readonly TopologyId[];
  /** Reads without which the check cannot decide (unavailable → unknown). */
  reads: readonly ReadKind[];
  /** Reads the rule uses when they are there and that only sometimes matter. */
  optionalReads?: readonly ReadKind[];
  /** What stops working on the console (or for the people booking it) when the check does not pass. */
  breaks: string;
  /** False when there is nothing to compare for this room, e.g. the site gives no Places details. */
  appliesTo?(expected: RoomExpectations): boolean;
  evaluate(input: CheckInput): Verdict;
  /** The usual fix for this room. */
  remediation(expected: RoomExpectations): Remediation;
  /** How to check it by hand, for results that could not be read. */
  verification(expected: RoomExpectations): Remediation;
}

export interface CheckResult {
  id: CheckId;
  title: string;
  status: CheckStatus;
  severity: CheckSeverity;
  message: string;
  evidence: { observed: Json; expected: Json };
  /** Why the check could not decide (status unknown only). */
  reason?: string;
  /** Absent when the check passed. */
  remediation?: Remediation;
}
