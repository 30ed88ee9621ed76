// The vocabulary of a plan: where a step runs, what it touches, and the exact cmdlet calls that read
// and change state. Scripts (shared/powershell), the live engine and the UI all derive from these.

export const RUNTIME_IDS = ['active-directory', 'exchange-server', 'exchange-online', 'manual', 'graph', 'sfb-server', 'teams'] as const;
export type Runtime = (typeof RUNTIME_IDS)[number];

export type System = 'exchange' | 'entra' | 'active-directory' | 'directory-sync' | 'places' | 'skype-for-business' | 'teams';

export type Scalar = string | number | boolean;

/** A parameter value. Secrets are references resolved inside the running script, never values. */
export type ParamValue =
  | Scalar
  | readonly string[]
  | { readonly secret: 'room-password' }
  | { readonly secret: 'room-password-profile' }
  | { readonly hashtable: Readonly<Record<string, Scalar>> }
  /** A property of the object the step's read call returned, e.g. its DistinguishedName. */
  | { readonly fromCurrent: string };

export interface CmdletCall {
  cmdlet: string;
  parameters: Readonly<Record<string, ParamValue>>;
}

/**
 * equals: exact for numbers and booleans, case-insensitive for strings (Exchange and Entra compare
 * names that way). token: the property is a comma-separated list that must contain the value.
 */
export type Match = 'equals' | 'token';

export interface PropertyRule {
  /** Property of the read result. */
  property: string;
  expected: Scalar;
  match?: Match;
  /** How to change it; absent when RoomReady must not change it itself (verify only). */
  write?: { parameter: string; value: ParamValue; with?: Readonly<Record<string, ParamValue>> };
}

interface StepCommon {
  id: StepId;
  title: string;
  system: System;
  runtime: Runtime;
  /** The object the step is about (usually the room's UPN). */
  target: string;
  /** What breaks on the console when this is wrong. */
  purpose: string;
  /** How to verify it by hand. */
  verification: string;
  /** What to do when it fails. */
  remediation: string;
  /** The fact-sheet section the step comes from. */
  source: string;
}

export type Step =
  | (StepCommon & { kind: 'create'; read: CmdletCall; create: CmdletCall; expect: PropertyRule[] })
  | (StepCommon & { kind: 'ensure'; read: CmdletCall; write: CmdletCall; properties: PropertyRule[] })
  | (StepCommon & { kind: 'room-list'; list: string; member: string })
  /**
   * The member (a user, by UPN) belongs, directly, to the one security group with this display name;
   * groupFilter is the OData $filter that finds the group by that name (its quotes doubled).
   */
  | (StepCommon & { kind: 'group-membership'; group: string; groupFilter: string; member: string })
  | (StepCommon & { kind: 'license'; user: string; skuPartNumber: string })
  | (StepCommon & { kind: 'verify'; read: CmdletCall; expect: PropertyRule[] })
  | (StepCommon & { kind: 'manual'; instructions: string[]; command?: string });

export type StepKind = Step['kind'];

export const STEP_IDS = [
  'ad.user',
  'ad.password-never-expires',
  'ad.account-enabled',
  'exchange.room-mailbox',
  'exchange.enable-room-mailbox',
  'exchange.convert-to-room',
  'exchange.room-account',
  'exchange.calendar-processing',
  'exchange.regional-configuration',
  'exchange.room-capacity',
  'exchange.room-location',
  'places.metadata',
  'exchange.room-list',
  'directory.sync',
  'entra.sign-in',
  'entra.password-never-expires',
  'entra.group-membership',
  'entra.usage-location',
  'entra.license',
  'sfb.meeting-room',
  'teams.online-user',
] as const;
export type StepId = (typeof STEP_IDS)[number];

/** Does a step set or read the room password? The scripts then ask for it (never embed it). */
export function stepNeedsPassword(step: Step): boolean {
  const calls: CmdletCall[] = [];
  const withs: Readonly<Record<string, ParamValue>>[] = [];
  if (step.kind === 'create') calls.push(step.create);
  if (step.kind === 'ensure') {
    calls.push(step.write);
    for (const rule of step.properties) {
      if (rule.write) withs.push({ [rule.write.parameter]: rule.write.value, ...rule.write.with });
    }
  }
  const values = [...calls.flatMap((call) => Object.values(call.parameters)), ...withs.flatMap((w) => Object.values(w))];
  return values.some((value) => typeof value === 'object' && value !== null && 'secret' in value);
}
