// Addresses the console signs in with: Teams Rooms requires UPN = primary SMTP address, and where
// Skype for Business is involved the SIP address must equal the UPN too (mtr-facts §1.0).
import { normaliseSipAddress } from '../model.ts';
import { matches } from '../plan/compare.ts';
import { planStep } from './expectations.ts';
import { PORTAL, commandLine, ensureStep, runIn, verifyWithStep } from './remediation.ts';
import type { CheckDefinition } from './types.ts';
import { ALL_TOPOLOGIES, NO_ACCOUNT, NO_MAILBOX, SIP_TOPOLOGIES, describe, fail, pass, unknown } from './verdict.ts';

export const IDENTITY_UPN_EQUALS_SMTP: CheckDefinition = {
  id: 'identity.upn-equals-smtp',
  title: 'UPN equals the primary SMTP address',
  category: 'identity',
  severity: 'fail',
  scope: 'room',
  topologies: ALL_TOPOLOGIES,
  reads: ['mailbox'],
  breaks: 'The console signs in with the UPN and finds its calendar by the same address: when they differ it signs in but shows no calendar, or does not sign in at all.',
  evaluate({ read }) {
    const mailbox = read('mailbox');
    if (!mailbox) return unknown(NO_MAILBOX);
    const upn = mailbox.UserPrincipalName;
    const smtp = mailbox.PrimarySmtpAddress;
    const observed = { UserPrincipalName: upn ?? null, PrimarySmtpAddress: smtp ?? null };
    const expected = { PrimarySmtpAddress: upn ?? null };
    if (typeof upn !== 'string' || upn === '') return unknown('Exchange did not return the mailbox UserPrincipalName');
    return matches(smtp, upn)
      ? pass(`UPN and primary SMTP address are both ${upn}`, observed, expected)
      : fail(`The UPN is ${upn} but the primary SMTP address is ${describe(smtp)}`, observed, expected);
  },
  remediation(expected) {
    const step = ensureStep(expected, 'exchange.convert-to-room');
    // Which of the two addresses should change is a decision (mail flow, address policies): no command.
    return { text: step.remediation, runIn: runIn(step.runtime), portal: PORTAL.usernameAndEmail };
  },
  verification: (expected) => verifyWithStep(ensureStep(expected, 'exchange.convert-to-room'), PORTAL.usernameAndEmail),
};

const SIP_PREFIX = /^sip:/i;

export const IDENTITY_SIP_EQUALS_UPN: CheckDefinition = {
  id: 'identity.sip-equals-upn',
  title: 'SIP address equals the UPN',
  category: 'identity',
  severity: 'warn',
  scope: 'room',
  topologies: SIP_TOPOLOGIES,
  reads: ['user'],
  breaks: 'Modern authentication on the console needs the SIP address to equal the UPN: with another SIP address Skype for Business sign-in fails.',
  evaluate({ read, expected }) {
    const user = read('user');
    if (!user) return unknown(NO_ACCOUNT);
    const wanted = normaliseSipAddress(user.userPrincipalName || expected.upn);
    const sipAddresses = (user.proxyAddresses ?? []).filter((address) => SIP_PREFIX.test(address));
    if (sipAddresses.length === 0) return fail('The account has no SIP address', null, wanted);
    const found = sipAddresses.find((address) => normaliseSipAddress(address) === wanted);
    return found
      ? pass(`The SIP address is ${found}`, found, wanted)
      : fail(`The SIP address is ${sipAddresses.join(', ')}`, sipAddresses, wanted);
  },
  remediation(expected) {
    const sipAddress = normaliseSipAddress(expected.upn);
    const enable = planStep(expected, 'sfb.meeting-room');
    if (expected.topology.meetings === 'sfb-server') {
      return {
        text: enable?.remediation ?? 'Give the meeting room the SIP address sip:<UPN> on Skype for Business Server.',
        runIn: runIn('sfb-server'),
        powershell: commandLine({ cmdlet: 'Set-CsMeetingRoom', parameters: { Identity: expected.upn, SipAddress: sipAddress } }),
        portal: PORTAL.skypeServer,
      };
    }
    const teams = planStep(expected, 'teams.online-user');
    return { text: teams?.remediation ?? '', runIn: runIn('teams'), portal: PORTAL.usernameAndEmail };
  },
  verification(expected) {
    const step = planStep(expected, expected.topology.meetings === 'sfb-server' ? 'sfb.meeting-room' : 'teams.online-user');
    return step ? verifyWithStep(step, PORTAL.skypeServer) : { text: 'Compare the SIP address with the UPN.', portal: PORTAL.skypeServer };
  },
};
