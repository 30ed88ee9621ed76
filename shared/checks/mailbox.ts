// The room mailbox: it exists, it is a room, and (on Exchange Server) its account may sign in. In
// Exchange Online the account is enabled in Microsoft Entra ID (mtr-facts §1.5a), which
// account.sign-in-not-blocked checks.
import { matches } from '../plan/compare.ts';
import { planStep } from './expectations.ts';
import { PORTAL, commandLine, ensureStep, propertyFix, runIn, verifyWithStep, withPasswordPrompt } from './remediation.ts';
import type { CheckDefinition } from './types.ts';
import { ALL_TOPOLOGIES, EXCHANGE_SERVER_TOPOLOGIES, describe, fail, pass } from './verdict.ts';

const ROOM_MAILBOX = 'RoomMailbox';

export const MAILBOX_IS_ROOM: CheckDefinition = {
  id: 'mailbox.is-room',
  title: 'Room mailbox',
  category: 'mailbox',
  severity: 'fail',
  scope: 'room',
  topologies: ALL_TOPOLOGIES,
  reads: ['mailbox'],
  breaks: 'The console shows the calendar of a room mailbox and joins the meetings booked in it: without one it shows no meetings and invitations are not accepted.',
  evaluate({ read, expected }) {
    const mailbox = read('mailbox');
    if (!mailbox) {
      const create = planStep(expected, 'exchange.room-mailbox');
      return fail(
        `Exchange has no mailbox with the address ${expected.upn}`,
        null,
        ROOM_MAILBOX,
        create?.kind === 'create'
          ? { text: create.remediation, runIn: runIn(create.runtime), powershell: withPasswordPrompt(commandLine(create.create)), portal: PORTAL.addRoom }
          : undefined,
      );
    }
    const type = mailbox.RecipientTypeDetails;
    return matches(type, ROOM_MAILBOX)
      ? pass('The mailbox is a room mailbox', type, ROOM_MAILBOX)
      : fail(`The mailbox is a ${describe(type)}, not a room mailbox`, type, ROOM_MAILBOX);
  },
  remediation: (expected) => propertyFix(ensureStep(expected, 'exchange.convert-to-room'), 'RecipientTypeDetails', PORTAL.exchangePowerShellOnly),
  verification: (expected) => verifyWithStep(ensureStep(expected, 'exchange.convert-to-room'), PORTAL.exchangePowerShellOnly),
};

export const MAILBOX_ACCOUNT_ENABLED: CheckDefinition = {
  id: 'mailbox.account-enabled',
  title: 'Room mailbox account enabled',
  category: 'mailbox',
  severity: 'fail',
  scope: 'room',
  topologies: EXCHANGE_SERVER_TOPOLOGIES,
  reads: ['mailbox'],
  breaks: 'A room mailbox whose account is not enabled has no password to sign in with: the console cannot reach Exchange or Skype for Business.',
  evaluate({ read }) {
    const mailbox = read('mailbox');
    if (!mailbox) return fail('Exchange has no mailbox for the room', null, true);
    const enabled = mailbox.RoomMailboxAccountEnabled;
    return matches(enabled, true)
      ? pass('The room mailbox account is enabled', enabled, true)
      : fail(`RoomMailboxAccountEnabled is ${describe(enabled)}`, enabled, true);
  },
  remediation: (expected) => propertyFix(ensureStep(expected, 'exchange.room-account'), 'RoomMailboxAccountEnabled', PORTAL.exchangePowerShellOnly),
  verification: (expected) => verifyWithStep(ensureStep(expected, 'exchange.room-account'), PORTAL.exchangePowerShellOnly),
};
