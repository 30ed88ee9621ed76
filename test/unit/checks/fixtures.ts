// A correctly provisioned Teams Rooms room as the tenant would show it, written out by hand (not
// derived from the plan, so the checks are compared with an independent picture), and helpers to
// break one thing at a time.
import { expectationsFor, observed, unavailable, type RoomExpectations, type RoomObservation, type TenantObservation } from '../../../shared/checks.ts';
import { SiteSchema, type Room, type Site } from '../../../shared/model.ts';
import type { TopologyId } from '../../../shared/topology.ts';

export const UPN = 'mtr-rainier@contoso.com';
export const ROOM_GROUP = '6b1c6c1e-0000-4000-8000-000000000001';
export const USER_ID = 'a1b2c3d4-0000-4000-8000-000000000002';

export const SKU = {
  pro: { skuId: '4cde982a-ede4-4409-9ae6-b003453c8ea6', skuPartNumber: 'Microsoft_Teams_Rooms_Pro' },
  basic: { skuId: '6af4b3d6-14bb-4a2a-960c-6c902aad34f3', skuPartNumber: 'Microsoft_Teams_Rooms_Basic' },
  standard: { skuId: '6070a4c8-34c6-4937-8dfb-39bbc6397a60', skuPartNumber: 'MEETING_ROOM' },
  e5: { skuId: '06ebc4ee-1bb5-47dd-8120-11324bc54e06', skuPartNumber: 'SPE_E5' },
  sharedDevices: { skuId: '295a8eb0-f78d-45c7-8b5b-1eed5ed02dff', skuPartNumber: 'MCOCAP' },
} as const;

export const ROOM: Room = {
  upn: UPN,
  displayName: 'Rainier',
  usageLocation: 'US',
  license: 'Microsoft_Teams_Rooms_Pro',
  roomList: 'Building 7 Rooms',
  capacity: 12,
  building: 'Building 7',
  floor: '3',
};

export function site(topology: TopologyId = 'teams-online', room: Room = ROOM): Site {
  return SiteSchema.parse({ name: 'Headquarters', topology, rooms: [room] });
}

export function expectations(topology: TopologyId = 'teams-online', room: Room = ROOM): RoomExpectations {
  const built = site(topology, room);
  return expectationsFor(built.rooms[0]!, built);
}

export function goodTenant(roomListMembers: readonly string[] = [UPN]): TenantObservation {
  return {
    subscribedSkus: observed([
      { ...SKU.pro, consumedUnits: 1, prepaidUnits: { enabled: 10 } },
      { ...SKU.basic, consumedUnits: 3, prepaidUnits: { enabled: 25 } },
      { ...SKU.e5, consumedUnits: 2, prepaidUnits: { enabled: 25 } },
      { ...SKU.sharedDevices, consumedUnits: 0, prepaidUnits: { enabled: 5 } },
    ]),
    conditionalAccess: observed([
      {
        id: 'policy-mfa',
        displayName: 'Require MFA for all users',
        state: 'enabled',
        conditions: { users: { includeUsers: ['All'], excludeGroups: [ROOM_GROUP] }, clientAppTypes: ['all'] },
        grantControls: { operator: 'OR', builtInControls: ['mfa'] },
      },
    ]),
    roomLists: observed([{ name: 'Building 7 Rooms', primarySmtpAddress: 'building7rooms@contoso.com', members: roomListMembers }]),
  };
}

export function goodObservation(tenant: TenantObservation = goodTenant(), upn = UPN): RoomObservation {
  const UPN = upn;
  return {
    upn: UPN,
    mailbox: observed({ RecipientTypeDetails: 'RoomMailbox', PrimarySmtpAddress: UPN, UserPrincipalName: UPN, RoomMailboxAccountEnabled: true }),
    calendar: observed({
      AutomateProcessing: 'AutoAccept',
      AddOrganizerToSubject: false,
      AllowConflicts: false,
      DeleteComments: false,
      DeleteSubject: false,
      RemovePrivateProperty: false,
      ProcessExternalMeetingMessages: true,
      AddAdditionalResponse: true,
      AdditionalResponse: 'This is a Microsoft Teams Meeting room!',
    }),
    place: observed({ Identity: UPN, Capacity: 12, Building: 'Building 7', Floor: 3 }),
    user: observed({
      id: USER_ID,
      userPrincipalName: UPN,
      accountEnabled: true,
      passwordPolicies: 'DisablePasswordExpiration',
      passwordProfile: { forceChangePasswordNextSignIn: false },
      usageLocation: 'US',
      assignedLicenses: [{ skuId: SKU.pro.skuId }],
      proxyAddresses: [`SMTP:${UPN}`, `SIP:${UPN}`],
      onPremisesSyncEnabled: null,
    }),
    memberships: observed({ groupIds: [ROOM_GROUP], roleTemplateIds: [] }),
    activeDirectory: observed({ Enabled: true, PasswordNeverExpires: true }),
    tenant,
  };
}

type Bag = Record<string, unknown>;

/** The observation with one read's value changed (the read must be there). */
export function changed<K extends 'mailbox' | 'calendar' | 'place' | 'user' | 'activeDirectory'>(
  observation: RoomObservation,
  kind: K,
  patch: Bag | undefined,
): RoomObservation {
  const current = observation[kind];
  if (current.state !== 'read') throw new Error(`${kind} is not read`);
  return { ...observation, [kind]: observed(patch === undefined ? undefined : { ...(current.value as Bag), ...patch }) };
}

export function tenantChanged(observation: RoomObservation, patch: Partial<TenantObservation>): RoomObservation {
  return { ...observation, tenant: { ...observation.tenant, ...patch } };
}

export const FORBIDDEN = unavailable('Microsoft Graph refused GET /users (403 Authorization_RequestDenied): Insufficient privileges');
