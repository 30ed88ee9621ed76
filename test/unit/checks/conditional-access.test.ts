// Conditional access against a room account: who a policy covers (all users, the room, its groups,
// its roles; exclusions win), whether it is on, and whether its grant is one a console can meet.
import { describe, expect, it } from 'vitest';
import {
  assessPolicy,
  evaluateRoom,
  observed,
  unavailable,
  unsatisfiableControls,
  type ConditionalAccessPolicyObservation,
  type CheckResult,
  type MembershipObservation,
} from '../../../shared/checks.ts';
import { ROOM_GROUP, USER_ID, expectations, goodObservation, tenantChanged } from './fixtures.ts';

const ROLE = '62e90394-69f5-4237-9190-012177145e10';
const OTHER_GROUP = '11111111-2222-4333-8444-555555555555';

function policy(overrides: Partial<ConditionalAccessPolicyObservation> & { users?: NonNullable<ConditionalAccessPolicyObservation['conditions']['users']>; controls?: string[] }): ConditionalAccessPolicyObservation {
  const { users, controls, ...rest } = overrides;
  return {
    id: 'p1',
    displayName: 'Policy under test',
    state: 'enabled',
    conditions: { users: users ?? { includeUsers: ['All'] }, clientAppTypes: ['all'] },
    grantControls: { operator: 'OR', builtInControls: controls ?? ['mfa'] },
    ...rest,
  };
}

const member = (groupIds: string[] = [ROOM_GROUP], roleTemplateIds: string[] = []) => observed<MembershipObservation>({ groupIds, roleTemplateIds });

function securityResult(policies: ConditionalAccessPolicyObservation[], memberships = member()): CheckResult {
  const observation = { ...tenantChanged(goodObservation(), { conditionalAccess: observed(policies) }), memberships };
  return evaluateRoom(expectations(), observation).find((result) => result.id === 'security.no-mfa-or-device-ca')!;
}

describe('who a policy covers', () => {
  it('all users: covered', () => {
    expect(assessPolicy(policy({}), USER_ID, member()).applies).toBe('yes');
    expect(securityResult([policy({})]).status).toBe('failed');
  });

  it('all users but the room\'s group: not covered', () => {
    expect(securityResult([policy({ users: { includeUsers: ['All'], excludeGroups: [ROOM_GROUP] } })]).status).toBe('passed');
    // ...unless the room is not in that group.
    expect(securityResult([policy({ users: { includeUsers: ['All'], excludeGroups: [ROOM_GROUP] } })], member([OTHER_GROUP])).status).toBe('failed');
  });

  it('all users but a role the room holds: not covered', () => {
    const excludingRole = policy({ users: { includeUsers: ['All'], excludeRoles: [ROLE] } });
    expect(securityResult([excludingRole], member([], [ROLE])).status).toBe('passed');
    expect(securityResult([excludingRole], member([], [])).status).toBe('failed');
  });

  it('included by group or role, or by its own id', () => {
    expect(securityResult([policy({ users: { includeGroups: [ROOM_GROUP] } })]).status).toBe('failed');
    expect(securityResult([policy({ users: { includeGroups: [OTHER_GROUP] } })]).status).toBe('passed');
    expect(securityResult([policy({ users: { includeRoles: [ROLE] } })], member([], [ROLE])).status).toBe('failed');
    expect(securityResult([policy({ users: { includeUsers: [USER_ID.toUpperCase()] } })]).status).toBe('failed');
  });

  it('an exclusion wins over an inclusion', () => {
    expect(securityResult([policy({ users: { includeGroups: [ROOM_GROUP], excludeUsers: [USER_ID] } })]).status).toBe('passed');
  });

  it('scoped by group while memberships are unreadable: unknown, with the policy named', () => {
    const result = securityResult([policy({ users: { includeUsers: ['All'], excludeGroups: [ROOM_GROUP] } })], unavailable('403 on memberOf'));
    expect(result.status).toBe('unknown');
    expect(result.reason).toContain('Policy under test');
    expect(result.reason).toContain('403 on memberOf');
    // All users with no group in play needs no memberships: it covers the room.
    expect(securityResult([policy({})], unavailable('403 on memberOf')).status).toBe('failed');
  });

  it('a policy for legacy clients only does not reach the console', () => {
    const legacy = policy({ conditions: { users: { includeUsers: ['All'] }, clientAppTypes: ['exchangeActiveSync', 'other'] } });
    expect(securityResult([legacy]).status).toBe('passed');
    const desktop = policy({ conditions: { users: { includeUsers: ['All'] }, clientAppTypes: ['mobileAppsAndDesktopClients'] } });
    expect(securityResult([desktop]).status).toBe('failed');
  });
});

describe('policy state', () => {
  it('disabled: ignored', () => {
    expect(securityResult([policy({ state: 'disabled' })]).status).toBe('passed');
  });

  it('report-only: a warning that it will block once switched on', () => {
    const result = securityResult([policy({ state: 'enabledForReportingButNotEnforced' })]);
    expect(result.status).toBe('warning');
    expect(result.message).toContain('report-only');
  });

  it('an enforced policy outweighs a report-only one, and the evidence names it', () => {
    const result = securityResult([policy({ state: 'enabledForReportingButNotEnforced', id: 'p0', displayName: 'Pilot' }), policy({ id: 'p2', displayName: 'Everyone MFA' })]);
    expect(result.status).toBe('failed');
    expect(result.evidence.observed).toEqual([{ id: 'p2', displayName: 'Everyone MFA', state: 'enabled', requires: ['mfa'] }]);
    expect(result.remediation!.portal).toContain('Conditional Access');
  });
});

describe('grant controls', () => {
  it('MFA, a compliant device, a hybrid-joined device and an authentication strength block the console', () => {
    for (const controls of [['mfa'], ['compliantDevice'], ['domainJoinedDevice']]) expect(securityResult([policy({ controls })]).status).toBe('failed');
    const strength = policy({ grantControls: { operator: 'AND', builtInControls: [], authenticationStrength: { id: 'phishing-resistant' } } });
    expect(securityResult([strength]).status).toBe('failed');
  });

  it('terms of use alone is not this check\'s concern', () => {
    const terms = policy({ grantControls: { operator: 'AND', builtInControls: [], termsOfUse: ['tou-1'] } });
    expect(unsatisfiableControls(terms)).toEqual([]);
    expect(securityResult([terms]).status).toBe('passed');
  });

  it('AND needs every control, so MFA among them blocks; OR blocks only when every alternative is MFA or a device', () => {
    expect(unsatisfiableControls(policy({ grantControls: { operator: 'AND', builtInControls: ['mfa'], termsOfUse: ['tou-1'] } }))).toEqual(['mfa']);
    expect(unsatisfiableControls(policy({ grantControls: { operator: 'OR', builtInControls: ['mfa', 'compliantDevice'] } }))).toEqual(['mfa', 'compliantDevice']);
    expect(unsatisfiableControls(policy({ grantControls: { operator: 'OR', builtInControls: ['mfa'], termsOfUse: ['tou-1'] } }))).toEqual([]);
  });

  it('block and password change are other concerns; no grant controls at all never blocks', () => {
    expect(securityResult([policy({ controls: ['block'] })]).status).toBe('passed');
    expect(securityResult([policy({ grantControls: null })]).status).toBe('passed');
  });
});
