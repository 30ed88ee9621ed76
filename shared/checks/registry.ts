// Every check, once, in the order reports show them.
import { ACCOUNT_ENABLED_ON_PREMISES, ACCOUNT_NO_FORCED_CHANGE, ACCOUNT_PASSWORD_NEVER_EXPIRES, ACCOUNT_PASSWORD_NEVER_EXPIRES_ON_PREMISES, ACCOUNT_SIGN_IN_NOT_BLOCKED } from './account.ts';
import { CALENDAR_CHECK_DEFINITIONS } from './calendar.ts';
import { IDENTITY_SIP_EQUALS_UPN, IDENTITY_UPN_EQUALS_SMTP } from './identity.ts';
import { LICENSE_BASIC_COUNT, LICENSE_NOT_USER_SUITE, LICENSE_TEAMS_ROOMS, LICENSE_USAGE_LOCATION } from './license.ts';
import { MAILBOX_ACCOUNT_ENABLED, MAILBOX_IS_ROOM } from './mailbox.ts';
import { PLACES_METADATA, PLACES_ROOM_LIST } from './places.ts';
import { SECURITY_NO_MFA_OR_DEVICE_CA } from './security.ts';
import { CHECK_IDS, type CheckDefinition, type CheckId } from './types.ts';

export const CHECKS: readonly CheckDefinition[] = [
  MAILBOX_IS_ROOM,
  MAILBOX_ACCOUNT_ENABLED,
  ...CALENDAR_CHECK_DEFINITIONS,
  ACCOUNT_SIGN_IN_NOT_BLOCKED,
  ACCOUNT_ENABLED_ON_PREMISES,
  ACCOUNT_PASSWORD_NEVER_EXPIRES,
  ACCOUNT_PASSWORD_NEVER_EXPIRES_ON_PREMISES,
  ACCOUNT_NO_FORCED_CHANGE,
  IDENTITY_UPN_EQUALS_SMTP,
  IDENTITY_SIP_EQUALS_UPN,
  LICENSE_USAGE_LOCATION,
  LICENSE_TEAMS_ROOMS,
  LICENSE_NOT_USER_SUITE,
  LICENSE_BASIC_COUNT,
  SECURITY_NO_MFA_OR_DEVICE_CA,
  PLACES_ROOM_LIST,
  PLACES_METADATA,
];

const BY_ID = new Map(CHECKS.map((check) => [check.id, check]));

export function checkById(id: CheckId): CheckDefinition {
  const check = BY_ID.get(id);
  if (!check) throw new Error(`no check ${id}`);
  return check;
}

// The id list (for schemas) and the definitions must name the same checks, in the same order.
if (CHECKS.length !== CHECK_IDS.length || CHECKS.some((check, index) => check.id !== CHECK_IDS[index])) {
  throw new Error('CHECK_IDS and CHECKS disagree');
}
