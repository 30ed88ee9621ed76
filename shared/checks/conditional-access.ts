// Does a conditional-access policy stop a room account from signing in unattended? A policy
// matters when it is on (or report-only: it will matter once switched on), covers the room (all
// users, the room itself, one of its groups or roles, and no exclusion takes it out), covers the
// modern-auth desktop client the console is, and grants access only with something a console
// cannot give: MFA (or an authentication strength) or a compliant or hybrid-joined device
// (mtr-facts §1.0: no MFA, no device-based conditional access on the account).
import type { ConditionalAccessPolicyObservation, MembershipObservation, Observed } from './observation.ts';

/** Grant controls a console cannot satisfy. Terms of use, password change etc. are not this check's concern. */
const UNSATISFIABLE_CONTROLS = new Set(['mfa', 'compliantDevice', 'domainJoinedDevice', 'authenticationStrength']);

/** clientAppTypes that include the Teams Rooms app (a desktop client with modern authentication). */
const CONSOLE_CLIENT_APP_TYPES = new Set(['all', 'browser', 'mobileAppsAndDesktopClients']);

export type Tristate = 'yes' | 'no' | 'unknown';

export interface PolicyAssessment {
  policy: ConditionalAccessPolicyObservation;
  /** Grant controls the console cannot satisfy, as the policy combines them; empty when it can. */
  requires: string[];
  applies: Tristate;
  /** Why applicability is unknown (membership could not be read). */
  unknownBecause?: string;
}

/** The controls a policy demands that the console cannot give, honouring AND / OR. */
export function unsatisfiableControls(policy: ConditionalAccessPolicyObservation): string[] {
  const grant = policy.grantControls;
  if (!grant) return [];
  const controls = [...(grant.builtInControls ?? [])];
  if (grant.authenticationStrength) controls.push('authenticationStrength');
  if ((grant.termsOfUse ?? []).length > 0) controls.push('termsOfUse');
  const blocking = controls.filter((control) => UNSATISFIABLE_CONTROLS.has(control));
  // With OR the console gets through if any one control is one it can satisfy.
  if (grant.operator.toUpperCase() === 'OR') return blocking.length === controls.length ? blocking : [];
  return blocking;
}

function coversConsoleClient(policy: ConditionalAccessPolicyObservation): boolean {
  const types = policy.conditions.clientAppTypes ?? [];
  return types.length === 0 || types.some((type) => CONSOLE_CLIENT_APP_TYPES.has(type));
}

const intersects = (listed: readonly string[] | undefined, held: readonly string[]) => (listed ?? []).some((id) => held.some((mine) => mine.toLowerCase() === id.toLowerCase()));

/** Whether the room is in one of the listed groups or roles; unknown when membership could not be read. */
function memberOfAny(groups: readonly string[] | undefined, roles: readonly string[] | undefined, membership: Observed<MembershipObservation>): Tristate {
  if ((groups ?? []).length === 0 && (roles ?? []).length === 0) return 'no';
  if (membership.state === 'unavailable') return 'unknown';
  return intersects(groups, membership.value.groupIds) || intersects(roles, membership.value.roleTemplateIds) ? 'yes' : 'no';
}

const or = (a: Tristate, b: Tristate): Tristate => (a === 'yes' || b === 'yes' ? 'yes' : a === 'unknown' || b === 'unknown' ? 'unknown' : 'no');
const and = (a: Tristate, b: Tristate): Tristate => (a === 'no' || b === 'no' ? 'no' : a === 'unknown' || b === 'unknown' ? 'unknown' : 'yes');
const not = (a: Tristate): Tristate => (a === 'yes' ? 'no' : a === 'no' ? 'yes' : 'unknown');

export function assessPolicy(policy: ConditionalAccessPolicyObservation, userId: string, membership: Observed<MembershipObservation>): PolicyAssessment {
  const requires = unsatisfiableControls(policy);
  const users = policy.conditions.users ?? {};
  const named = (list: readonly string[] | undefined) => (list ?? []).some((id) => id.toLowerCase() === userId.toLowerCase());
  const included = or((users.includeUsers ?? []).includes('All') || named(users.includeUsers) ? 'yes' : 'no', memberOfAny(users.includeGroups, users.includeRoles, membership));
  const excluded = or(named(users.excludeUsers) ? 'yes' : 'no', memberOfAny(users.excludeGroups, users.excludeRoles, membership));
  const applies = policy.state === 'disabled' || !coversConsoleClient(policy) ? 'no' : and(included, not(excluded));
  const assessment: PolicyAssessment = { policy, requires, applies };
  if (applies === 'unknown' && membership.state === 'unavailable') {
    assessment.unknownBecause = `"${policy.displayName}" is scoped by group or role, and the room's memberships could not be read: ${membership.reason}`;
  }
  return assessment;
}

/** Whether a room's groups or roles decide if the policy covers it (so they must be read). */
export function scopedByMembership(policy: ConditionalAccessPolicyObservation): boolean {
  const users = policy.conditions.users ?? {};
  return [users.includeGroups, users.excludeGroups, users.includeRoles, users.excludeRoles].some((ids) => (ids ?? []).length > 0);
}

export const isReportOnly = (policy: ConditionalAccessPolicyObservation) => policy.state === 'enabledForReportingButNotEnforced';
