// What each Graph request and Exchange cmdlet RoomReady makes needs, and what each sign-in error
// code means, as data: explain-auth-failure.ts turns a 401/403 or an AADSTS code into a sentence
// naming the missing permission or admin role and what to do about it. Permissions are the ones
// RoomReady's app registration asks for (README, "Registering the Entra app"; shared/clouds.ts);
// roles are the least-privileged built-in Microsoft Entra roles that cover the operation.
import type { ServiceResource } from '../../shared/clouds.ts';

export interface OperationRequirement {
  service: ServiceResource;
  /** Graph: "METHOD /path" with {id} for any one path segment. Exchange: the cmdlet name. */
  operation: string;
  /** What the operation does, for the sentence: "create the room account". */
  action: string;
  /** The delegated permission on the service's API. */
  delegatedPermission: string;
  /** The application permission on the service's API (app-only sign-in). */
  applicationPermission: string;
  /** The admin role the signed-in account needs (delegated), or the app's service principal (Exchange app-only); none for plain reads. */
  role?: string;
}

const GRAPH_USERS = 'User.ReadWrite.All';
const EXCHANGE_DELEGATED = 'Exchange.Manage';
const EXCHANGE_APPLICATION = 'Exchange.ManageAsApp';

const graph = (operation: string, action: string, permission: string, role?: string): OperationRequirement => ({
  service: 'graph',
  operation,
  action,
  delegatedPermission: permission,
  applicationPermission: permission,
  ...(role ? { role } : {}),
});

const exchange = (cmdlet: string, action: string, role: string): OperationRequirement => ({
  service: 'exchange',
  operation: cmdlet,
  action,
  delegatedPermission: EXCHANGE_DELEGATED,
  applicationPermission: EXCHANGE_APPLICATION,
  role,
});

export const OPERATION_REQUIREMENTS: readonly OperationRequirement[] = [
  graph('GET /users/{id}', 'read the account', GRAPH_USERS),
  graph('GET /users', 'search the directory for accounts', GRAPH_USERS),
  graph('POST /$batch', 'read accounts in bulk', GRAPH_USERS),
  graph('POST /users', 'create the room account', GRAPH_USERS, 'User Administrator'),
  graph('PATCH /users/{id}', 'change the account (password policy, usage location, password)', GRAPH_USERS, 'User Administrator'),
  graph('POST /users/{id}/assignLicense', 'assign a licence', GRAPH_USERS, 'License Administrator'),
  graph('GET /groups', 'find the conditional-access exclusion group', 'GroupMember.ReadWrite.All'),
  graph('POST /groups/{id}/members/$ref', 'add the room to the conditional-access exclusion group', 'GroupMember.ReadWrite.All', 'User Administrator'),
  graph('GET /users/{id}/transitiveMemberOf', "read the room's groups", 'Directory.Read.All'),
  graph('GET /subscribedSkus', "read the tenant's licences", 'Organization.Read.All', 'License Administrator'),
  graph('GET /organization', 'read the tenant', 'Organization.Read.All'),
  graph('GET /domains', "read the tenant's domains", 'Domain.Read.All', 'Global Reader'),
  graph('GET /domains/{id}', 'read a domain', 'Domain.Read.All', 'Global Reader'),
  graph('GET /identity/conditionalAccess/policies', 'read conditional-access policies', 'Policy.Read.All', 'Security Reader'),
  graph('GET /places/microsoft.graph.room', 'list rooms', 'Place.ReadWrite.All'),
  graph('GET /places/microsoft.graph.roomList', 'list room lists', 'Place.ReadWrite.All'),
  graph('GET /places/{id}', 'read the room', 'Place.ReadWrite.All'),
  graph('GET /places/{id}/microsoft.graph.roomList/rooms', 'list the rooms of a room list', 'Place.ReadWrite.All'),
  graph('PATCH /places/{id}', "update the room's Places details", 'Place.ReadWrite.All', 'Exchange Administrator'),
  graph('GET /me/transitiveMemberOf', "read the signed-in admin's roles", 'Directory.Read.All'),
  graph('GET /me/transitiveMemberOf/microsoft.graph.directoryRole', "read the signed-in admin's roles", 'Directory.Read.All'),
  graph('GET /me/memberOf', "read the signed-in admin's roles", 'Directory.Read.All'),
  graph('GET /me', 'read the signed-in account', GRAPH_USERS),
  exchange('Get-Mailbox', 'read the mailbox', 'Exchange Administrator'),
  exchange('New-Mailbox', 'create the room mailbox', 'Exchange Administrator'),
  exchange('Set-Mailbox', 'change the mailbox', 'Exchange Administrator'),
  exchange('Get-CalendarProcessing', 'read calendar processing', 'Exchange Administrator'),
  exchange('Set-CalendarProcessing', 'set calendar processing', 'Exchange Administrator'),
  exchange('Get-Place', "read the room's Places details", 'Exchange Administrator'),
  exchange('Set-Place', "set the room's Places details", 'Exchange Administrator'),
  exchange('Get-DistributionGroup', 'read the room list', 'Exchange Administrator'),
  exchange('New-DistributionGroup', 'create the room list', 'Exchange Administrator'),
  exchange('Get-DistributionGroupMember', 'read the room list members', 'Exchange Administrator'),
  exchange('Add-DistributionGroupMember', 'add the room to its room list', 'Exchange Administrator'),
];

/** Used when an operation is not in the table: still names the service's permission. */
export const FALLBACK_REQUIREMENTS: Readonly<Record<ServiceResource, OperationRequirement>> = {
  graph: graph('', 'call Microsoft Graph', GRAPH_USERS),
  exchange: exchange('', 'run the Exchange Online cmdlet', 'Exchange Administrator'),
};

// ---------------------------------------------------------------------------------------------
// Sign-in errors: AADSTS codes (Microsoft Entra ID) and the OAuth error codes MSAL reports.

export type SignInFix =
  /** Permissions need admin consent in the app registration (or the user declined). */
  | 'consent'
  /** The user must complete MFA / a conditional-access requirement interactively. */
  | 'interactive-sign-in'
  /** The app registration or the credential is wrong (client ID, tenant, cloud, secret, certificate). */
  | 'app-registration'
  /** The account cannot sign in (disabled, locked, wrong password, wrong tenant). */
  | 'account'
  /** A conditional-access policy or the tenant's policy blocks the sign-in. */
  | 'policy';

export interface SignInErrorExplanation {
  status: 401 | 403;
  fix: SignInFix;
  /** Why, in words; {clientId}, {tenant}, {cloud}, {permissions} and {secretVariable} are filled in. */
  reason: string;
  /** What to do. */
  remedy: string;
  /** What is missing, when one thing is: "{permissions}" or a setting's name. */
  missing?: string;
}

const GRANT_CONSENT =
  'In the Microsoft Entra admin center, open App registrations → the app {clientId} → API permissions, add {permissions} and select "Grant admin consent" (needs a Privileged Role Administrator or Global Administrator).';
const CHECK_APP = 'Check --client-id, --tenant and --cloud; register the app as the README describes ("Registering the Entra app").';

export const SIGN_IN_ERRORS: Readonly<Record<string, SignInErrorExplanation>> = {
  AADSTS65001: {
    status: 403,
    fix: 'consent',
    reason: 'the app {clientId} has not been granted consent for {permissions} in tenant {tenant}',
    remedy: GRANT_CONSENT,
    missing: '{permissions}',
  },
  AADSTS65004: { status: 403, fix: 'consent', reason: 'consent to the app {clientId} was declined at the sign-in page', remedy: `Sign in again and accept, or ask an administrator to grant consent: ${GRANT_CONSENT}` },
  AADSTS90094: { status: 403, fix: 'consent', reason: 'only an administrator can consent to {permissions} for the app {clientId}', remedy: GRANT_CONSENT, missing: '{permissions}' },
  AADSTS90008: { status: 403, fix: 'consent', reason: 'the app {clientId} needs consent that this account cannot give', remedy: GRANT_CONSENT, missing: '{permissions}' },
  AADSTS70011: { status: 403, fix: 'consent', reason: 'the scopes requested ({permissions}) are not valid for this app or cloud', remedy: `Check --cloud (national clouds have their own Graph and Exchange hosts), then: ${GRANT_CONSENT}`, missing: '{permissions}' },
  AADSTS50076: {
    status: 401,
    fix: 'interactive-sign-in',
    reason: 'tenant {tenant} requires multi-factor authentication for this sign-in',
    remedy: 'Sign in again interactively (or with --device-code) and complete the multi-factor prompt; a cached sign-in cannot answer it.',
    missing: 'multi-factor authentication',
  },
  AADSTS50079: { status: 401, fix: 'interactive-sign-in', reason: 'the account must register for multi-factor authentication first', remedy: 'Sign in once at https://aka.ms/mfasetup, then sign in to RoomReady again.', missing: 'multi-factor authentication registration' },
  AADSTS50158: { status: 401, fix: 'interactive-sign-in', reason: 'an external security challenge (conditional access) was not satisfied', remedy: 'Sign in again interactively and complete the challenge.' },
  AADSTS53003: { status: 403, fix: 'policy', reason: 'a conditional-access policy in tenant {tenant} blocked this sign-in', remedy: 'Ask a Conditional Access Administrator which policy applies (Entra admin center → Sign-in logs → the failure → Conditional Access) and sign in from a compliant place or device.' },
  AADSTS53000: { status: 403, fix: 'policy', reason: 'a conditional-access policy requires a compliant or managed device', remedy: 'Sign in from a compliant device, or ask a Conditional Access Administrator for an exception.' },
  AADSTS53001: { status: 403, fix: 'policy', reason: 'a conditional-access policy requires a domain-joined device', remedy: 'Sign in from a domain-joined device, or ask a Conditional Access Administrator for an exception.' },
  AADSTS50105: { status: 403, fix: 'policy', reason: 'the account is not assigned to the app {clientId} ("Assignment required" is on)', remedy: 'In Enterprise applications → the app → Users and groups, assign the admin, or turn "Assignment required" off.', missing: 'app assignment' },
  AADSTS700016: {
    status: 401,
    fix: 'app-registration',
    reason: 'no app with client ID {clientId} is registered in tenant {tenant} ({cloud})',
    remedy: CHECK_APP,
    missing: 'app registration',
  },
  AADSTS7000215: {
    status: 401,
    fix: 'app-registration',
    reason: 'the client secret in {secretVariable} is not a valid secret of the app {clientId}',
    remedy: 'Under Certificates & secrets, create a new client secret and put its Value (not its Secret ID) in {secretVariable}; better, use a certificate (--certificate).',
    missing: 'a valid client secret',
  },
  AADSTS7000222: { status: 401, fix: 'app-registration', reason: 'the client secret in {secretVariable} has expired', remedy: 'Create a new client secret under Certificates & secrets and put its Value in {secretVariable}; better, use a certificate (--certificate).', missing: 'a valid client secret' },
  AADSTS700027: {
    status: 401,
    fix: 'app-registration',
    reason: 'the certificate is not one the app {clientId} knows (or its private key does not match)',
    remedy: 'Upload the certificate (the .cer or .pem without the private key) under Certificates & secrets of the app, and check that --certificate holds its private key.',
    missing: 'a registered certificate',
  },
  AADSTS7000218: {
    status: 401,
    fix: 'app-registration',
    reason: 'the app {clientId} does not allow public client flows (needed for device code sign-in)',
    remedy: 'In the app registration → Authentication, turn on "Allow public client flows".',
    missing: 'Allow public client flows',
  },
  AADSTS50011: { status: 401, fix: 'app-registration', reason: 'the app {clientId} does not have the redirect URI http://localhost', remedy: 'In the app registration → Authentication, add a "Mobile and desktop applications" platform with redirect URI http://localhost.', missing: 'redirect URI http://localhost' },
  AADSTS500113: { status: 401, fix: 'app-registration', reason: 'the app {clientId} has no redirect URI', remedy: 'In the app registration → Authentication, add a "Mobile and desktop applications" platform with redirect URI http://localhost.', missing: 'redirect URI http://localhost' },
  AADSTS90002: { status: 401, fix: 'app-registration', reason: 'tenant {tenant} was not found in {cloud}', remedy: 'Check --tenant (the tenant ID or a verified domain) and --cloud.' },
  AADSTS500011: { status: 403, fix: 'app-registration', reason: 'the service behind {permissions} does not exist in tenant {tenant} (no Exchange Online subscription, or another cloud)', remedy: 'Check --cloud, and that the tenant has Exchange Online.' },
  AADSTS50020: { status: 401, fix: 'account', reason: 'the account is from another tenant than {tenant}', remedy: 'Sign in with an account of the tenant, or give its tenant with --tenant.' },
  AADSTS50126: { status: 401, fix: 'account', reason: 'the user name or password is wrong', remedy: 'Sign in again with the right password.' },
  AADSTS50053: { status: 401, fix: 'account', reason: 'the account is locked after too many attempts', remedy: 'Wait, or ask an administrator to unlock it.' },
  AADSTS50057: { status: 401, fix: 'account', reason: 'the account is disabled', remedy: 'Use an enabled admin account.' },
  AADSTS50034: { status: 401, fix: 'account', reason: 'the account does not exist in tenant {tenant}', remedy: 'Sign in with an account of the tenant, or give its tenant with --tenant.' },
  AADSTS50055: { status: 401, fix: 'account', reason: "the account's password has expired", remedy: 'Change the password (sign in once at https://myaccount.microsoft.com), then sign in again.' },
  AADSTS700024: { status: 401, fix: 'app-registration', reason: "the certificate's signed assertion is outside its valid time", remedy: "Check this computer's clock and time zone, then try again." },
  AADSTS700025: { status: 401, fix: 'app-registration', reason: 'the app {clientId} is a public client, so it cannot use a secret or certificate', remedy: 'Use the confidential app registration for app-only sign-in, or sign in as an admin without --certificate.' },
  AADSTS70008: { status: 401, fix: 'interactive-sign-in', reason: 'the cached sign-in expired after a long time without use', remedy: 'Sign in again.' },
  AADSTS50173: { status: 401, fix: 'interactive-sign-in', reason: 'the cached sign-in was revoked (password changed or sessions revoked)', remedy: 'Sign in again.' },
  AADSTS700082: { status: 401, fix: 'interactive-sign-in', reason: 'the cached sign-in expired after a long time without use', remedy: 'Sign in again.' },
};

/**
 * OAuth error codes that arrive without an AADSTS number (device code polling, other identity
 * servers), keyed "code" or "code:credential" when the meaning depends on how the app signs in.
 */
export const OAUTH_ERRORS: Readonly<Record<string, string>> = {
  consent_required: 'AADSTS65001',
  'invalid_client:client-secret': 'AADSTS7000215',
  'invalid_client:certificate': 'AADSTS700027',
  unauthorized_client: 'AADSTS700016',
};
