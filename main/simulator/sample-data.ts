// The practice tenant: Contoso, with the objects RoomReady meets in real tenants. Always present:
// the initial domain, RoomReady's two app registrations and two administrators. With sample data:
// a verified and an unverified domain, licences (including Basic's 25-per-tenant cap), a
// conditional-access policy that demands MFA from everyone but the "Teams Rooms" group, and three
// rooms: one configured correctly, one legacy shared mailbox to convert, one with the usual
// misconfigurations. Every credential here is a practice value for this simulator only.
import { GRAPH_DELEGATED_PERMISSIONS } from '../../shared/clouds.ts';
import { findRoomLicense } from '../../shared/licenses.ts';
import { CALENDAR_PROCESSING } from '../../shared/plan/calendar.ts';
import type { PracticeCertificate } from './identity/certificate.ts';
import { BASE64URL_ALPHABET } from './prng.ts';
import type { DirectoryUser, SkuRecord } from './state/records.ts';
import type { TenantState } from './state/tenant.ts';

export interface SeededIdentities {
  publicClientId: string;
  confidentialClient: { clientId: string; secret: string; certificate: PracticeCertificate };
  adminUpn: string;
  limitedAdminUpn: string;
  /** Password of every sample account (administrators and sample rooms): a practice value. */
  practicePassword: string;
}

export const PRACTICE_PASSWORD = 'Practice-Only-2468!';

const PLAN = {
  TEAMS1: { servicePlanId: '57ff2da0-773e-42df-b2af-ffb7a2317929', servicePlanName: 'TEAMS1' },
  EXCHANGE_S_ENTERPRISE: { servicePlanId: 'efb87545-963c-4e0d-99df-69c6916d9eb0', servicePlanName: 'EXCHANGE_S_ENTERPRISE' },
  MCOEV: { servicePlanId: '4828c8ec-dc2e-4779-b502-87ac9ce28ab7', servicePlanName: 'MCOEV' },
  MCOMEETADV: { servicePlanId: '3e26ee1f-8a5f-4d52-aee2-b81ce45c8f40', servicePlanName: 'MCOMEETADV' },
  MCOSTANDARD: { servicePlanId: '0feaeb32-d00e-4d66-bd5a-43b5b83db82c', servicePlanName: 'MCOSTANDARD' },
  AAD_PREMIUM: { servicePlanId: '41781fb2-bc02-4b7c-bd55-b576c07bb09d', servicePlanName: 'AAD_PREMIUM' },
  INTUNE_A: { servicePlanId: 'c1ec4a95-1f05-45b3-a911-aa3fa01094f5', servicePlanName: 'INTUNE_A' },
};

export const SAMPLE_SKUS = {
  pro: { skuId: findRoomLicense('Microsoft_Teams_Rooms_Pro')!.skuId!, skuPartNumber: 'Microsoft_Teams_Rooms_Pro' },
  basic: { skuId: findRoomLicense('Microsoft_Teams_Rooms_Basic')!.skuId!, skuPartNumber: 'Microsoft_Teams_Rooms_Basic' },
  e5: { skuId: '06ebc4ee-1bb5-47dd-8120-11324bc54e06', skuPartNumber: 'SPE_E5' },
  sharedDevices: { skuId: '295a8eb0-f78d-45c7-8b5b-1eed5ed02dff', skuPartNumber: 'MCOCAP' },
} as const;

/** The room RoomReady would leave behind: everything as the plan sets it. */
export const SAMPLE_ROOMS = {
  configured: 'mtr-rainier@contoso.com',
  legacy: 'boardroom@contoso.com',
  misconfigured: 'mtr-baker@contoso.com',
} as const;

export const TEAMS_ROOMS_GROUP = 'Teams Rooms';

function sku(state: TenantState, ids: { skuId: string; skuPartNumber: string }, prepaid: number, plans: SkuRecord['servicePlans'], tenantLimit: number | null = null): SkuRecord {
  return {
    ...ids,
    appliesTo: 'User',
    capabilityStatus: 'Enabled',
    prepaidEnabled: prepaid,
    prepaidSuspended: 0,
    prepaidWarning: 0,
    tenantLimit,
    servicePlans: plans,
    subscriptionId: state.ids.uuid(),
  };
}

function registerApps(state: TenantState, certificate: PracticeCertificate): SeededIdentities['confidentialClient'] & { publicClientId: string } {
  const publicClientId = state.ids.uuid();
  state.apps.set(publicClientId, {
    clientId: publicClientId,
    displayName: 'RoomReady',
    publicClient: true,
    secrets: [],
    certificates: [],
    delegated: { graph: [...GRAPH_DELEGATED_PERMISSIONS, 'User.Read'], exchange: ['Exchange.Manage'] },
    application: { graph: [], exchange: [] },
    directoryRoles: [],
  });
  const clientId = state.ids.uuid();
  // Shaped like an Entra client secret value ("xxx8Q~..."), clearly marked as the simulator's.
  const secret = `sim8Q~${state.codes.chars(34, BASE64URL_ALPHABET.replace(/[-_]/g, ''))}`;
  state.apps.set(clientId, {
    clientId,
    displayName: 'RoomReady automation',
    publicClient: false,
    secrets: [secret],
    certificates: [{ thumbprint: certificate.thumbprint, thumbprintSha256: certificate.thumbprintSha256, publicKey: certificate.publicKey }],
    delegated: { graph: [], exchange: [] },
    application: {
      graph: ['User.ReadWrite.All', 'Organization.Read.All', 'Place.ReadWrite.All', 'Policy.Read.All', 'Domain.Read.All', 'Directory.Read.All', 'GroupMember.ReadWrite.All'],
      exchange: ['Exchange.ManageAsApp'],
    },
    directoryRoles: ['Exchange Administrator'],
  });
  return { publicClientId, clientId, secret, certificate };
}

function admin(state: TenantState, alias: string, displayName: string, roles: DirectoryUser['directoryRoles']): DirectoryUser {
  return state.newUser({
    userPrincipalName: `${alias}@${state.initialDomain}`,
    displayName,
    mailNickname: alias,
    usageLocation: 'US',
    password: PRACTICE_PASSWORD,
    passwordPolicies: null,
    directoryRoles: roles,
  });
}

/** Domains, apps and administrators: what every simulated tenant has. */
export function seedEssentials(state: TenantState, certificate: PracticeCertificate): SeededIdentities {
  state.domains = [{ id: state.initialDomain, isVerified: true, isDefault: true, isInitial: true, authenticationType: 'Managed' }];
  const apps = registerApps(state, certificate);
  const globalAdmin = admin(state, 'admin', 'Contoso Administrator', ['Global Administrator']);
  const limitedAdmin = admin(state, 'useradmin', 'Contoso User Administrator', ['User Administrator']);
  state.interactiveUserId = globalAdmin.id;
  return {
    publicClientId: apps.publicClientId,
    confidentialClient: { clientId: apps.clientId, secret: apps.secret, certificate: apps.certificate },
    adminUpn: globalAdmin.userPrincipalName,
    limitedAdminUpn: limitedAdmin.userPrincipalName,
    practicePassword: PRACTICE_PASSWORD,
  };
}

function planCalendar(additionalResponse: string): Record<string, boolean | string> {
  const settings: Record<string, boolean | string> = {};
  for (const setting of CALENDAR_PROCESSING) settings[setting.parameter] = setting.value;
  settings.AdditionalResponse = additionalResponse;
  return settings;
}

/** The Contoso sample: domains, licences, conditional access, three rooms and a room list. */
export function seedSampleData(state: TenantState): void {
  state.domains = [
    { id: state.initialDomain, isVerified: true, isDefault: false, isInitial: true, authenticationType: 'Managed' },
    { id: 'contoso.com', isVerified: true, isDefault: true, isInitial: false, authenticationType: 'Managed' },
    { id: 'fabrikam.com', isVerified: false, isDefault: false, isInitial: false, authenticationType: 'Managed' },
  ];
  state.skus = [
    sku(state, SAMPLE_SKUS.pro, 10, [PLAN.TEAMS1, PLAN.MCOMEETADV, PLAN.MCOEV, PLAN.AAD_PREMIUM, PLAN.INTUNE_A, PLAN.MCOSTANDARD]),
    sku(state, SAMPLE_SKUS.basic, 25, [PLAN.TEAMS1, PLAN.MCOMEETADV], 25),
    sku(state, SAMPLE_SKUS.e5, 25, [PLAN.TEAMS1, PLAN.EXCHANGE_S_ENTERPRISE, PLAN.MCOEV, PLAN.MCOMEETADV, PLAN.AAD_PREMIUM, PLAN.INTUNE_A]),
    sku(state, SAMPLE_SKUS.sharedDevices, 5, [PLAN.TEAMS1, PLAN.MCOEV]),
  ];

  // Administrators have an E5 licence and a mailbox, like the people who run RoomReady.
  for (const user of [...state.users.values()]) {
    user.assignedLicenses = [{ skuId: SAMPLE_SKUS.e5.skuId, disabledPlans: [] }];
    state.newMailbox({ userId: user.id, name: user.mailNickname, alias: user.mailNickname, displayName: user.displayName, primarySmtpAddress: user.userPrincipalName, type: 'UserMailbox' });
  }

  const teamsRooms = { id: state.ids.uuid(), displayName: TEAMS_ROOMS_GROUP, members: new Set<string>() };
  state.securityGroups.set(teamsRooms.id, teamsRooms);

  // 1. Rainier: what RoomReady leaves behind.
  const rainierUser = state.newUser({
    userPrincipalName: SAMPLE_ROOMS.configured,
    displayName: 'Rainier',
    mailNickname: 'mtr-rainier',
    usageLocation: 'US',
    passwordPolicies: 'DisablePasswordExpiration',
    password: PRACTICE_PASSWORD,
    assignedLicenses: [{ skuId: SAMPLE_SKUS.pro.skuId, disabledPlans: [] }],
  });
  const rainier = state.newMailbox({
    userId: rainierUser.id,
    name: 'Rainier',
    alias: 'mtr-rainier',
    displayName: 'Rainier',
    primarySmtpAddress: SAMPLE_ROOMS.configured,
    type: 'RoomMailbox',
    resourceCapacity: 12,
  });
  Object.assign(rainier.calendar, planCalendar('This is a Microsoft Teams Meeting room!'));
  rainier.regional.TimeZone = 'Pacific Standard Time';
  Object.assign(rainier.place, { building: 'Building 7', floorNumber: 3, street: '1 Microsoft Way', city: 'Redmond', state: 'WA', postalCode: '98052', countryOrRegion: 'US', mtrEnabled: true });
  teamsRooms.members.add(rainierUser.id);

  // 2. Board Room: a shared mailbox booked as a room for years; its UPN is the onmicrosoft one.
  const boardUser = state.newUser({
    userPrincipalName: `boardroom@${state.initialDomain}`,
    displayName: 'Board Room',
    mailNickname: 'boardroom',
    accountEnabled: false,
  });
  state.newMailbox({ userId: boardUser.id, name: 'Board Room', alias: 'boardroom', displayName: 'Board Room', primarySmtpAddress: SAMPLE_ROOMS.legacy, type: 'SharedMailbox' });

  // 3. Baker: a room mailbox left at Exchange's defaults, a user suite licence, a password that
  // expires and must be changed, and outside the "Teams Rooms" group (so MFA applies to it).
  const bakerUser = state.newUser({
    userPrincipalName: SAMPLE_ROOMS.misconfigured,
    displayName: 'Baker',
    mailNickname: 'mtr-baker',
    usageLocation: 'US',
    password: PRACTICE_PASSWORD,
    forceChangePasswordNextSignIn: true,
    assignedLicenses: [{ skuId: SAMPLE_SKUS.e5.skuId, disabledPlans: [] }],
  });
  state.newMailbox({ userId: bakerUser.id, name: 'Baker', alias: 'mtr-baker', displayName: 'Baker', primarySmtpAddress: SAMPLE_ROOMS.misconfigured, type: 'RoomMailbox', resourceCapacity: 8 });

  const now = state.now();
  const roomList = {
    guid: state.ids.uuid(),
    objectId: state.ids.uuid(),
    name: 'Building 7 Rooms',
    alias: 'building7rooms',
    displayName: 'Building 7 Rooms',
    primarySmtpAddress: 'building7rooms@contoso.com',
    emailAddresses: ['SMTP:building7rooms@contoso.com', `smtp:building7rooms@${state.initialDomain}`],
    type: 'RoomList' as const,
    members: [rainier.guid],
    whenCreated: now,
    visibleAt: now,
  };
  state.distributionGroups.set(roomList.guid, roomList);

  const stamp = new Date(now).toISOString();
  const noUsers = { excludeUsers: [], includeGroups: [], includeRoles: [], excludeRoles: [] };
  state.caPolicies = [
    {
      id: state.ids.uuid(),
      displayName: 'Require MFA for all users',
      state: 'enabled',
      createdDateTime: stamp,
      modifiedDateTime: null,
      conditions: {
        users: { ...noUsers, includeUsers: ['All'], excludeGroups: [teamsRooms.id] },
        applications: { includeApplications: ['All'], excludeApplications: [] },
        clientAppTypes: ['all'],
      },
      grantControls: { operator: 'OR', builtInControls: ['mfa'] },
    },
    {
      id: state.ids.uuid(),
      displayName: 'Block legacy authentication (off)',
      state: 'disabled',
      createdDateTime: stamp,
      modifiedDateTime: null,
      conditions: {
        users: { ...noUsers, includeUsers: ['All'], excludeGroups: [] },
        applications: { includeApplications: ['All'], excludeApplications: [] },
        clientAppTypes: ['exchangeActiveSync', 'other'],
      },
      grantControls: { operator: 'OR', builtInControls: ['block'] },
    },
  ];
}
