// What each outcome of the room sign-in test means, for the installer at the console: the AADSTS
// codes Microsoft Entra ID answers a password sign-in with, the outcome each stands for, the
// outcome in plain words and what to do or ask the admin. The wording speaks of the room account;
// main/auth/permission-table.ts explains the same codes to the admin running RoomReady.
// Codes: Entra "authentication and authorization error codes" reference; mtr-facts.md §1.0 (no MFA
// on a room account, password that never expires, conditional access excluded).
import { classifyLicense, ROOM_LICENSES } from '../licenses.ts';
import type { OnSiteCheck } from '../report/schema.ts';
import { SIGN_IN_OUTCOMES, type SignInOutcome } from './results.ts';

export interface SignInOutcomeInfo {
  /** AADSTS codes ("AADSTS50126") that mean this outcome; none for outcomes found otherwise. */
  aadsts: readonly string[];
  /** How the room's sign-in check reads with this outcome. */
  status: OnSiteCheck['status'];
  /** The outcome in plain words. */
  explanation: string;
  /** What to do, or what to ask the admin for; empty when there is nothing to do. */
  remedy: string;
}

export const SIGN_IN_OUTCOME_INFO: Readonly<Record<SignInOutcome, SignInOutcomeInfo>> = {
  'signed-in': {
    aadsts: [],
    status: 'passed',
    explanation: 'The room account signed in with this password and holds a Teams Rooms licence: the console can sign in with the same details.',
    remedy: '',
  },
  'wrong-password': {
    aadsts: ['AADSTS50126', 'AADSTS50056'],
    status: 'failed',
    explanation: 'Microsoft Entra ID did not accept this password for the room account (or the account has no password set). The console would be refused the same way.',
    remedy:
      'Check the password for typing mistakes (Caps Lock, keyboard layout) and try again. If it still fails, ask the admin to reset the room account\'s password in Microsoft Entra ID, without "require a change at next sign-in", and enter the new password on the console.',
  },
  'password-expired': {
    aadsts: ['AADSTS50055'],
    status: 'failed',
    explanation:
      'The room account\'s password has expired, or the admin set "change password at next sign-in". A Teams Rooms console cannot change a password, so it cannot sign in until the password is reset.',
    remedy:
      'Ask the admin to reset the password in Microsoft Entra ID without requiring a change at next sign-in, and to set the room account\'s password to never expire (passwordPolicies "DisablePasswordExpiration"); then enter the new password on the console.',
  },
  'mfa-required': {
    aadsts: ['AADSTS50076', 'AADSTS50079', 'AADSTS50074', 'AADSTS50072'],
    status: 'failed',
    explanation:
      'Microsoft Entra ID demands multi-factor authentication from the room account (a conditional-access policy, per-user MFA or security defaults). A console signs in with the password alone and cannot answer an MFA prompt.',
    remedy:
      "Ask the admin to exclude the room account from MFA: add it to the conditional-access exclusion group of the policy that requires MFA (the site's ConditionalAccessGroup), and turn per-user MFA off for it. The room's failed sign-in in the Entra sign-in logs names the policy.",
  },
  'blocked-by-conditional-access': {
    aadsts: ['AADSTS53003', 'AADSTS53000', 'AADSTS53001'],
    status: 'failed',
    explanation:
      'A conditional-access policy blocks the room account\'s sign-in, or requires a compliant or domain-joined device, which a password sign-in from the console does not prove.',
    remedy:
      "Ask the admin which policy applied (Entra admin center → Sign-in logs → the room's failed sign-in → Conditional Access) and to exclude the room account from it through the conditional-access exclusion group, or, where the console is managed by Intune, to make the console compliant.",
  },
  'account-disabled': {
    aadsts: ['AADSTS50057'],
    status: 'failed',
    explanation: 'The room account is disabled in Microsoft Entra ID (sign-in blocked). Room mailboxes created in Exchange start with their account disabled.',
    remedy: 'Ask the admin to enable the room account in Microsoft Entra ID (Users → the room → Account enabled) and to make sure its password is set, then test again.',
  },
  'account-locked': {
    aadsts: ['AADSTS50053'],
    status: 'failed',
    explanation:
      'Microsoft Entra ID has locked the room account for a while after too many sign-ins with a wrong password (smart lockout), or blocked sign-ins it considers suspicious.',
    remedy:
      'Stop anything still trying an old password for this account (another console, a panel, a script), wait a few minutes and test again. If it stays locked, ask the admin to check the room account\'s sign-in logs in Microsoft Entra ID and unlock it.',
  },
  'account-not-found': {
    aadsts: ['AADSTS50034'],
    status: 'failed',
    explanation: 'Microsoft Entra ID has no account with this user name in the tenant.',
    remedy:
      "Check the user name: it is the room's UPN, the same as its email address, in the right tenant. If the account was created moments ago or comes from on-premises Active Directory, wait for replication (or the next Entra Connect sync) and test again.",
  },
  'licence-missing': {
    aadsts: [],
    status: 'failed',
    explanation: 'The room account signed in, but it holds no Teams Rooms licence: the Teams Rooms app on the console cannot sign in to Teams or join meetings without one.',
    remedy:
      'Ask the admin to assign a Teams Rooms licence (Microsoft Teams Rooms Pro, or Basic: at most 25 per tenant) to the room account. A user licence such as Microsoft 365 E5 is not supported on a room. A new licence can take a few minutes to apply; test again afterwards.',
  },
  network: {
    aadsts: [],
    status: 'unknown',
    explanation: "Microsoft Entra ID's sign-in service could not be reached from this computer, so nothing was learned about the room account.",
    remedy:
      "Run the network test: the console needs HTTPS (TCP 443) to the cloud's sign-in service. Ask the network team to allow it through the firewall and proxy, without TLS inspection, then test again.",
  },
  other: {
    aadsts: [],
    status: 'failed',
    explanation: 'The sign-in did not succeed, for a reason this test does not recognise.',
    remedy: "Show this result to the admin: the room account's failed sign-in in the Entra sign-in logs (Entra admin center → Users → the room → Sign-in logs) says why, and the AADSTS code, when there is one, names the reason.",
  },
};

const OUTCOME_OF_CODE: ReadonlyMap<string, SignInOutcome> = new Map(SIGN_IN_OUTCOMES.flatMap((outcome) => SIGN_IN_OUTCOME_INFO[outcome].aadsts.map((code) => [code, outcome] as const)));

/** The outcome an AADSTS code ("AADSTS50126") stands for; undefined for codes this test does not know. */
export function outcomeOfAadsts(code: string | undefined): SignInOutcome | undefined {
  return code === undefined ? undefined : OUTCOME_OF_CODE.get(code.toUpperCase());
}

/** Part numbers that count as a Teams Rooms licence: every room SKU of shared/licenses.ts but the retired ones. */
export const TEAMS_ROOMS_SKUS: readonly string[] = ROOM_LICENSES.filter((sku) => sku.status !== 'retired').map((sku) => sku.partNumber);

/** A site's licence as typed (part number, known SKU GUID, "tenant:PART") as the part number Graph lists. */
function partNumberOf(sku: string): string {
  const verdict = classifyLicense(sku);
  return verdict.kind === 'room' ? verdict.license.partNumber : verdict.kind === 'unknown' ? verdict.partNumber : sku.trim();
}

/** Whether a skuPartNumber counts: among `expected` when given (a site's chosen SKUs), else any Teams Rooms SKU. */
export function isTeamsRoomsLicence(partNumber: string, expected: readonly string[] = TEAMS_ROOMS_SKUS): boolean {
  const wanted = partNumber.toLowerCase();
  return expected.some((sku) => partNumberOf(sku).toLowerCase() === wanted);
}
