// A password sign-in (ROPC), as a Teams Rooms console does it: the checks Entra makes and the
// AADSTS error each one gives. Conditional access is evaluated for real against the tenant's
// policies: a room outside the policy's excluded group meets the MFA demand it cannot satisfy.
import type { ServiceResource } from '../../../shared/clouds.ts';
import { DIRECTORY_ROLES } from '../state/directory-roles.ts';
import type { ConditionalAccessPolicyRecord, DirectoryUser } from '../state/records.ts';
import type { TenantState } from '../state/tenant.ts';
import { AADSTS, type AadError } from './errors.ts';
import { RESOURCE_APP_IDS } from './resources.ts';

/** The policies that apply to a user signing in to a resource with a client of this type. */
export function applicablePolicies(tenant: TenantState, user: DirectoryUser, resource: ServiceResource, clientAppType: string): ConditionalAccessPolicyRecord[] {
  const groups = new Set(tenant.groupIdsOfUser(user.id));
  const roles = new Set<string>(user.directoryRoles.map((r) => DIRECTORY_ROLES[r]));
  const appId = RESOURCE_APP_IDS[resource];
  return tenant.caPolicies.filter((policy) => {
    if (policy.state !== 'enabled') return false;
    const u = policy.conditions.users;
    const included = u.includeUsers.includes('All') || u.includeUsers.includes(user.id) || u.includeGroups.some((g) => groups.has(g)) || u.includeRoles.some((r) => roles.has(r));
    const excluded = u.excludeUsers.includes(user.id) || u.excludeGroups.some((g) => groups.has(g)) || u.excludeRoles.some((r) => roles.has(r));
    if (!included || excluded) return false;
    const apps = policy.conditions.applications;
    const office365 = resource === 'exchange';
    const appIncluded = apps.includeApplications.includes('All') || apps.includeApplications.includes(appId) || (office365 && apps.includeApplications.includes('Office365'));
    if (!appIncluded || apps.excludeApplications.includes(appId) || (office365 && apps.excludeApplications.includes('Office365'))) return false;
    const types = policy.conditions.clientAppTypes;
    return types.length === 0 || types.includes('all') || types.includes(clientAppType);
  });
}

/** What a password-only sign-in cannot satisfy among the applicable policies' grant controls. */
function conditionalAccessProblem(policies: ConditionalAccessPolicyRecord[], resourceName: string): AadError | undefined {
  const controls = policies.map((p) => p.grantControls?.builtInControls ?? []).filter((c) => c.length > 0);
  if (controls.some((c) => c.includes('block'))) return AADSTS.blockedByConditionalAccess();
  // A password alone satisfies none of mfa, compliantDevice, domainJoinedDevice, passwordChange...
  if (controls.some((c) => c.includes('mfa'))) return AADSTS.mfaRequired(resourceName);
  if (controls.length > 0) return AADSTS.deviceNotCompliant();
  return undefined;
}

export type PasswordSignIn = { ok: true; user: DirectoryUser } | { ok: false; error: AadError };

export function passwordSignIn(tenant: TenantState, username: string, password: string, resource: ServiceResource, resourceName: string): PasswordSignIn {
  const user = tenant.findUser(username);
  if (!user || !tenant.isVisible(user) || user.userPrincipalName.toLowerCase() !== username.toLowerCase()) return { ok: false, error: AADSTS.userNotFound(tenant.initialDomain) };
  if (user.signIn.locked) return { ok: false, error: AADSTS.accountLocked() };
  if (user.password === undefined || user.password !== password) return { ok: false, error: AADSTS.wrongPassword() };
  if (!user.accountEnabled) return { ok: false, error: AADSTS.accountDisabled() };
  // "Require a password change at next sign-in" reads, to a password grant, as an expired password.
  if (user.signIn.passwordExpired || user.forceChangePasswordNextSignIn) return { ok: false, error: AADSTS.passwordExpired() };
  const conditional = conditionalAccessProblem(applicablePolicies(tenant, user, resource, 'mobileAppsAndDesktopClients'), resourceName);
  if (conditional) return { ok: false, error: conditional };
  if (user.signIn.perUserMfa) return { ok: false, error: AADSTS.mfaRequired(resourceName) };
  return { ok: true, user };
}
