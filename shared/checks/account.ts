// The account the console signs in with: not blocked, password never expires, no forced change.
// Cloud-only accounts are read in Microsoft Entra ID; accounts synchronised from Active Directory
// are governed there (the plan's ad.* steps), which RoomReady cannot read from here.
import { matches, mergeToken } from '../plan/compare.ts';
import type { RoomExpectations } from './expectations.ts';
import { PORTAL, adUserPipeline, commandLine, ensureStep, graphUserRead, propertyFix, runIn, verifyWithStep } from './remediation.ts';
import type { CheckDefinition, Remediation } from './types.ts';
import { ACTIVE_DIRECTORY_TOPOLOGIES, CLOUD_ACCOUNT_TOPOLOGIES, CLOUD_ONLY_TOPOLOGIES, NO_ACCOUNT, describe, fail, pass, unknown } from './verdict.ts';

/** The AD fix for a synchronised account: pipe the plan's read into Set-ADUser. */
function activeDirectoryFix(expected: RoomExpectations, id: 'ad.account-enabled' | 'ad.password-never-expires', property: string): Remediation {
  const step = ensureStep(expected, id);
  return {
    text: step.remediation,
    runIn: runIn(step.runtime),
    powershell: adUserPipeline(expected.upn, step, `Set-ADUser -${property}:$true`),
    portal: PORTAL.activeDirectory,
  };
}

export const ACCOUNT_SIGN_IN_NOT_BLOCKED: CheckDefinition = {
  id: 'account.sign-in-not-blocked',
  title: 'Sign-in not blocked (Microsoft Entra ID)',
  category: 'account',
  severity: 'fail',
  scope: 'room',
  topologies: CLOUD_ACCOUNT_TOPOLOGIES,
  reads: ['user'],
  breaks: 'A blocked or missing account cannot sign in: the console shows a sign-in error and joins no meetings.',
  evaluate({ read, expected }) {
    const user = read('user');
    if (!user) {
      const why = expected.topology.onPremisesDirectory ? ' (not synchronised yet?)' : '';
      return fail(`Microsoft Entra ID has no account ${expected.upn}${why}`, null, true);
    }
    return user.accountEnabled === true
      ? pass('The account is enabled', user.accountEnabled, true)
      : fail(`accountEnabled is ${describe(user.accountEnabled)}: sign-in is blocked`, user.accountEnabled, true);
  },
  remediation(expected) {
    // A synchronised account takes its enabled state from Active Directory.
    if (expected.topology.onPremisesDirectory) return activeDirectoryFix(expected, 'ad.account-enabled', 'Enabled');
    return propertyFix(ensureStep(expected, 'entra.sign-in'), 'AccountEnabled', PORTAL.blockSignIn, { companions: false });
  },
  verification: (expected) => verifyWithStep(ensureStep(expected, 'entra.sign-in'), PORTAL.blockSignIn),
};

export const ACCOUNT_ENABLED_ON_PREMISES: CheckDefinition = {
  id: 'account.enabled',
  title: 'Account enabled (Active Directory)',
  category: 'account',
  severity: 'fail',
  scope: 'room',
  topologies: ACTIVE_DIRECTORY_TOPOLOGIES,
  reads: ['activeDirectory'],
  breaks: 'A disabled Active Directory account cannot authenticate to Exchange or Skype for Business: the console cannot sign in.',
  evaluate({ read }) {
    const account = read('activeDirectory');
    if (!account) return fail('Active Directory has no user with this UPN', null, true);
    return matches(account.Enabled, true) ? pass('The account is enabled', account.Enabled, true) : fail(`Enabled is ${describe(account.Enabled)}`, account.Enabled, true);
  },
  remediation: (expected) => activeDirectoryFix(expected, 'ad.account-enabled', 'Enabled'),
  verification: (expected) => verifyWithStep(ensureStep(expected, 'ad.account-enabled'), PORTAL.activeDirectory),
};

export const ACCOUNT_PASSWORD_NEVER_EXPIRES: CheckDefinition = {
  id: 'account.password-never-expires',
  title: 'Password never expires (Microsoft Entra ID)',
  category: 'account',
  severity: 'fail',
  scope: 'room',
  topologies: CLOUD_ONLY_TOPOLOGIES,
  reads: ['user'],
  breaks: 'When the password expires the console is signed out of Teams and Exchange, and nobody is there to type a new one.',
  evaluate({ read, expected }) {
    const user = read('user');
    if (!user) return unknown(NO_ACCOUNT);
    const step = ensureStep(expected, 'entra.password-never-expires');
    const rule = step.properties[0]!;
    const policies = user.passwordPolicies ?? null;
    if (matches(policies, rule.expected, rule.match)) return pass(`passwordPolicies is ${describe(policies)}`, policies, rule.expected);
    // Keep the policies already set (e.g. DisableStrongPassword): Graph replaces the whole list.
    const merged = mergeToken(policies, String(rule.expected));
    return fail(
      `passwordPolicies is ${describe(policies)}; it does not contain ${describe(rule.expected)}`,
      policies,
      rule.expected,
      propertyFix(step, rule.property, PORTAL.userAccount, { value: merged }),
    );
  },
  remediation: (expected) => propertyFix(ensureStep(expected, 'entra.password-never-expires'), 'PasswordPolicies', PORTAL.userAccount),
  verification: (expected) => verifyWithStep(ensureStep(expected, 'entra.password-never-expires'), PORTAL.userAccount),
};

export const ACCOUNT_PASSWORD_NEVER_EXPIRES_ON_PREMISES: CheckDefinition = {
  id: 'account.password-never-expires-on-premises',
  title: 'Password never expires (Active Directory)',
  category: 'account',
  severity: 'fail',
  scope: 'room',
  topologies: ACTIVE_DIRECTORY_TOPOLOGIES,
  reads: ['activeDirectory'],
  breaks: ACCOUNT_PASSWORD_NEVER_EXPIRES.breaks,
  evaluate({ read }) {
    const account = read('activeDirectory');
    if (!account) return fail('Active Directory has no user with this UPN', null, true);
    const value = account.PasswordNeverExpires;
    return matches(value, true) ? pass('PasswordNeverExpires is True', value, true) : fail(`PasswordNeverExpires is ${describe(value)}`, value, true);
  },
  remediation: (expected) => activeDirectoryFix(expected, 'ad.password-never-expires', 'PasswordNeverExpires'),
  verification: (expected) => verifyWithStep(ensureStep(expected, 'ad.password-never-expires'), PORTAL.activeDirectory),
};

export const ACCOUNT_NO_FORCED_CHANGE: CheckDefinition = {
  id: 'account.no-forced-change',
  title: 'No forced password change at next sign-in',
  category: 'account',
  severity: 'fail',
  scope: 'room',
  topologies: CLOUD_ONLY_TOPOLOGIES,
  reads: ['user'],
  breaks: 'The console signs in unattended and cannot choose a new password: sign-in stops at the password-change prompt.',
  evaluate({ read }) {
    const user = read('user');
    if (!user) return unknown(NO_ACCOUNT);
    // Graph returns passwordProfile only on $select, and often as null: then it has not said.
    const forced = user.passwordProfile?.forceChangePasswordNextSignIn;
    if (typeof forced !== 'boolean') return unknown('Microsoft Graph did not return passwordProfile.forceChangePasswordNextSignIn for the account');
    return forced
      ? fail('forceChangePasswordNextSignIn is True', forced, false)
      : pass('forceChangePasswordNextSignIn is False', forced, false);
  },
  remediation(expected) {
    const step = ensureStep(expected, 'entra.sign-in');
    // PasswordProfile needs the password itself: read it without echoing it, never write it down.
    const powershell = [
      "$RoomPassword = [System.Net.NetworkCredential]::new('', (Read-Host -AsSecureString -Prompt 'Password for the room account')).Password",
      `${commandLine(step.write)} -PasswordProfile @{ Password = $RoomPassword; ForceChangePasswordNextSignIn = $false }`,
    ].join('\n');
    return { text: step.remediation, runIn: runIn(step.runtime), powershell, portal: PORTAL.resetPassword };
  },
  verification: (expected) => graphUserRead(expected, ['PasswordProfile'], ensureStep(expected, 'entra.sign-in').verification, PORTAL.resetPassword),
};

