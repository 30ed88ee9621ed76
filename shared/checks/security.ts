// Conditional access that would demand MFA or a managed device from the room account.
import { assessPolicy, isReportOnly, type PolicyAssessment } from './conditional-access.ts';
import { PORTAL, graphUserRead } from './remediation.ts';
import type { CheckDefinition } from './types.ts';
import { CLOUD_ACCOUNT_TOPOLOGIES, NO_ACCOUNT, fail, pass, unknown, warn } from './verdict.ts';

const evidenceOf = (assessments: readonly PolicyAssessment[]) =>
  assessments.map(({ policy, requires }) => ({ id: policy.id, displayName: policy.displayName, state: policy.state, requires }));

const names = (assessments: readonly PolicyAssessment[]) => assessments.map(({ policy }) => `"${policy.displayName}"`).join(', ');

const EXPECTED = 'no enabled policy that requires MFA or a compliant or hybrid-joined device covers the room';

export const SECURITY_NO_MFA_OR_DEVICE_CA: CheckDefinition = {
  id: 'security.no-mfa-or-device-ca',
  title: 'No conditional access demanding MFA or a managed device',
  category: 'security',
  severity: 'fail',
  scope: 'room',
  topologies: CLOUD_ACCOUNT_TOPOLOGIES,
  reads: ['user', 'conditionalAccess'],
  optionalReads: ['memberships'],
  breaks: 'The console signs in unattended: nobody can answer an MFA prompt, and a device requirement the console does not meet stops the sign-in (AADSTS50076, 53000).',
  evaluate({ read, tryRead }) {
    const user = read('user');
    if (!user) return unknown(NO_ACCOUNT);
    const memberships = tryRead('memberships');
    const relevant = read('conditionalAccess')
      .map((policy) => assessPolicy(policy, user.id, memberships))
      .filter((assessment) => assessment.requires.length > 0 && assessment.applies !== 'no');
    const enforced = relevant.filter((assessment) => !isReportOnly(assessment.policy));
    const blocking = enforced.filter((assessment) => assessment.applies === 'yes');
    if (blocking.length > 0) return fail(`Blocked by ${names(blocking)}`, evidenceOf(blocking), EXPECTED);
    const undecided = enforced.filter((assessment) => assessment.applies === 'unknown');
    if (undecided.length > 0) return unknown(undecided.map((assessment) => assessment.unknownBecause).join('; '));
    const reportOnly = relevant.filter((assessment) => assessment.applies === 'yes');
    if (reportOnly.length > 0) return warn(`${names(reportOnly)} would block the room once switched from report-only to on`, evidenceOf(reportOnly), EXPECTED);
    return pass('No conditional-access policy demands MFA or a managed device from the room', [], EXPECTED);
  },
  remediation: () => ({
    text: 'Exclude the room account (or a group of room accounts) from the policies listed, and protect rooms with a policy they can satisfy, e.g. trusted locations.',
    portal: PORTAL.conditionalAccess,
  }),
  verification: (expected) =>
    graphUserRead(expected, [], 'Look up the room account\'s object id and check which conditional-access policies include it (Conditional Access › What If).', PORTAL.conditionalAccess),
};
