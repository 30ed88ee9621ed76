// Tenant-wide reads: GET /domains, GET /identity/conditionalAccess/policies, GET /me and
// GET /me/transitiveMemberOf/microsoft.graph.directoryRole (the signed-in admin's roles; an
// app-only token has no "me", as in Graph), GET /users/{id}/transitiveMemberOf (groups and roles).
import { DIRECTORY_ROLES } from '../state/directory-roles.ts';
import type { GraphCall } from './context.ts';
import { odataBadRequest } from './errors.ts';
import { contextUrl, pick } from './odata.ts';
import { DEFAULT_USER_PROPERTIES, userEntity, visibleUser } from './users.ts';

export function listDomains(call: GraphCall): Record<string, unknown> {
  return {
    '@odata.context': contextUrl(call, 'domains'),
    value: call.tenant.domains.map((d) => ({
      authenticationType: d.authenticationType,
      availabilityStatus: null,
      id: d.id,
      isAdminManaged: true,
      isDefault: d.isDefault,
      isInitial: d.isInitial,
      isRoot: true,
      isVerified: d.isVerified,
      passwordNotificationWindowInDays: 14,
      passwordValidityPeriodInDays: 2147483647,
      supportedServices: d.isVerified ? (d.isInitial ? ['Email', 'OfficeCommunicationsOnline'] : ['Email', 'OfficeCommunicationsOnline', 'Intune']) : [],
      state: null,
    })),
  };
}

export function listConditionalAccessPolicies(call: GraphCall): Record<string, unknown> {
  return {
    '@odata.context': contextUrl(call, 'identity/conditionalAccess/policies'),
    value: call.tenant.caPolicies.map((p) => ({
      id: p.id,
      templateId: null,
      displayName: p.displayName,
      createdDateTime: p.createdDateTime,
      modifiedDateTime: p.modifiedDateTime,
      state: p.state,
      sessionControls: null,
      conditions: {
        userRiskLevels: [],
        signInRiskLevels: [],
        clientAppTypes: [...p.conditions.clientAppTypes],
        platforms: null,
        locations: null,
        times: null,
        deviceStates: null,
        devices: null,
        clientApplications: null,
        applications: { includeApplications: [...p.conditions.applications.includeApplications], excludeApplications: [...p.conditions.applications.excludeApplications], includeUserActions: [], includeAuthenticationContextClassReferences: [] },
        users: {
          includeUsers: [...p.conditions.users.includeUsers],
          excludeUsers: [...p.conditions.users.excludeUsers],
          includeGroups: [...p.conditions.users.includeGroups],
          excludeGroups: [...p.conditions.users.excludeGroups],
          includeRoles: [...p.conditions.users.includeRoles],
          excludeRoles: [...p.conditions.users.excludeRoles],
          includeGuestsOrExternalUsers: null,
          excludeGuestsOrExternalUsers: null,
        },
      },
      grantControls: p.grantControls ? { operator: p.grantControls.operator, builtInControls: [...p.grantControls.builtInControls], customAuthenticationFactors: [], termsOfUse: [], authenticationStrength: null } : null,
    })),
  };
}

/** The user a delegated token speaks for; an app-only token has no "me". */
export function signedInUser(call: GraphCall) {
  if (call.caller.kind !== 'user') throw odataBadRequest('/me request is only valid with delegated authentication flow.');
  return call.caller.user;
}

export function getMe(call: GraphCall): Record<string, unknown> {
  const user = signedInUser(call);
  return { '@odata.context': contextUrl(call, 'users', undefined, true), ...pick(userEntity(call.tenant, user), DEFAULT_USER_PROPERTIES) };
}

export function myDirectoryRoles(call: GraphCall): Record<string, unknown> {
  const user = signedInUser(call);
  return {
    '@odata.context': contextUrl(call, 'directoryObjects/microsoft.graph.directoryRole'),
    value: directoryRoleEntities(call, user.directoryRoles),
  };
}

/** GET /users/{id}/transitiveMemberOf: the user's security groups, then its directory roles. */
export function userTransitiveMemberOf(call: GraphCall, idOrUpn: string): Record<string, unknown> {
  const user = visibleUser(call, idOrUpn);
  const groups = call.tenant.groupIdsOfUser(user.id).map((id) => call.tenant.findSecurityGroup(id)!);
  return {
    '@odata.context': contextUrl(call, 'directoryObjects'),
    value: [
      ...groups.map((group) => ({ '@odata.type': '#microsoft.graph.group', id: group.id, deletedDateTime: null, displayName: group.displayName, securityEnabled: true, mailEnabled: false, groupTypes: [] })),
      ...directoryRoleEntities(call, user.directoryRoles),
    ],
  };
}

function directoryRoleEntities(call: GraphCall, roles: readonly (keyof typeof DIRECTORY_ROLES)[]): Record<string, unknown>[] {
  return roles.map((name) => ({
      '@odata.type': '#microsoft.graph.directoryRole',
      // A role's object id differs per tenant; derived from the template so it is stable.
      id: `${DIRECTORY_ROLES[name].slice(0, 24)}${call.tenant.tenantId.slice(24)}`,
      deletedDateTime: null,
      description: `Simulated ${name} role.`,
      displayName: name,
      roleTemplateId: DIRECTORY_ROLES[name],
  }));
}
