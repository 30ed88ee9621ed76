// What the simulated tenant stores. One record per directory or Exchange object; Graph and
// Exchange answers are views of these (graph/*, exchange/*), so a change through one service is
// seen through the other, as in Microsoft 365.
import type { ServiceResource } from '../../../shared/clouds.ts';
import type { CertificateCredential } from '../identity/certificate.ts';
import type { CalendarProcessing } from './calendar-defaults.ts';
import type { DirectoryRoleName } from './directory-roles.ts';

export interface DomainRecord {
  id: string;
  isVerified: boolean;
  isDefault: boolean;
  isInitial: boolean;
  authenticationType: 'Managed' | 'Federated';
}

/** How a password sign-in (ROPC) ends for a user, beyond what the directory already decides. */
export interface SignInState {
  /** AADSTS50053: smart lockout. */
  locked: boolean;
  /** AADSTS50055: the password is past its lifetime. */
  passwordExpired: boolean;
  /** AADSTS50076: per-user MFA (legacy), independent of conditional access. */
  perUserMfa: boolean;
}

export interface AssignedLicenseRecord {
  skuId: string;
  disabledPlans: string[];
}

export interface DirectoryUser {
  id: string;
  userPrincipalName: string;
  displayName: string;
  mailNickname: string;
  givenName: string | null;
  surname: string | null;
  accountEnabled: boolean;
  passwordPolicies: string | null;
  usageLocation: string | null;
  assignedLicenses: AssignedLicenseRecord[];
  /** Only for users without a mailbox; a mailbox's EmailAddresses are the user's proxyAddresses. */
  proxyAddresses: string[];
  onPremisesSyncEnabled: boolean | null;
  /** Never returned by any API; ROPC compares against it. Undefined: no password was ever set. */
  password: string | undefined;
  forceChangePasswordNextSignIn: boolean;
  directoryRoles: DirectoryRoleName[];
  signIn: SignInState;
  createdAt: number;
  /** Replication: Graph (and Places) see the user only from this time on. */
  visibleAt: number;
}

export type MailboxType = 'UserMailbox' | 'RoomMailbox' | 'SharedMailbox' | 'EquipmentMailbox';

/** Room metadata as Places keeps it (Set-Place / PATCH /places); capacity is the mailbox's ResourceCapacity. */
export interface PlaceFields {
  building: string | null;
  floorNumber: number | null;
  floorLabel: string | null;
  street: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  countryOrRegion: string | null;
  phone: string | null;
  label: string | null;
  tags: string[];
  audioDeviceName: string | null;
  videoDeviceName: string | null;
  displayDeviceName: string | null;
  isWheelChairAccessible: boolean;
  mtrEnabled: boolean;
  geoCoordinates: string | null;
}

export interface RegionalConfiguration {
  TimeZone: string | null;
  Language: string | null;
  DateFormat: string | null;
  TimeFormat: string | null;
}

export interface MailboxRecord {
  guid: string;
  exchangeGuid: string;
  /** The Entra user (ExternalDirectoryObjectId). */
  userId: string;
  /** The id Places gives the room. */
  placeId: string;
  name: string;
  alias: string;
  displayName: string;
  primarySmtpAddress: string;
  /** With prefixes: "SMTP:" for the primary address, "smtp:" for the others. */
  emailAddresses: string[];
  type: MailboxType;
  resourceCapacity: number | null;
  calendar: CalendarProcessing;
  regional: RegionalConfiguration;
  place: PlaceFields;
  whenCreated: number;
  whenChanged: number;
}

export type DistributionGroupType = 'RoomList' | 'MailUniversalDistributionGroup';

export interface DistributionGroupRecord {
  guid: string;
  /** ExternalDirectoryObjectId, and the Places id of a room list. */
  objectId: string;
  name: string;
  alias: string;
  displayName: string;
  primarySmtpAddress: string;
  emailAddresses: string[];
  type: DistributionGroupType;
  /** Mailbox guids (or group guids for nested room lists). */
  members: string[];
  whenCreated: number;
  visibleAt: number;
}

/** A security group (conditional-access exclusions are by group). */
export interface SecurityGroupRecord {
  id: string;
  displayName: string;
  members: Set<string>;
}

export interface ConditionalAccessPolicyRecord {
  id: string;
  displayName: string;
  state: 'enabled' | 'disabled' | 'enabledForReportingButNotEnforced';
  createdDateTime: string;
  modifiedDateTime: string | null;
  conditions: {
    users: {
      includeUsers: string[];
      excludeUsers: string[];
      includeGroups: string[];
      excludeGroups: string[];
      includeRoles: string[];
      excludeRoles: string[];
    };
    applications: { includeApplications: string[]; excludeApplications: string[] };
    clientAppTypes: string[];
  };
  grantControls: { operator: 'AND' | 'OR'; builtInControls: string[] } | null;
}

export interface SkuRecord {
  skuId: string;
  skuPartNumber: string;
  appliesTo: 'User' | 'Company';
  capabilityStatus: 'Enabled' | 'Warning' | 'Suspended' | 'Deleted' | 'LockedOut';
  prepaidEnabled: number;
  prepaidSuspended: number;
  prepaidWarning: number;
  /** A cap the tenant can never exceed whatever it bought (Teams Rooms Basic: 25 per tenant). */
  tenantLimit: number | null;
  servicePlans: Array<{ servicePlanId: string; servicePlanName: string }>;
  subscriptionId: string;
}

export type PermissionSet = Record<ServiceResource, string[]>;

export interface AppRegistration {
  clientId: string;
  displayName: string;
  /** Public clients (desktop, device code) hold no credential. */
  publicClient: boolean;
  secrets: string[];
  certificates: CertificateCredential[];
  /** Delegated permissions an administrator consented to for the whole tenant. */
  delegated: PermissionSet;
  /** Application permissions (app roles) granted to the service principal. */
  application: PermissionSet;
  /** Directory roles of the service principal (app-only Exchange needs Exchange Administrator). */
  directoryRoles: DirectoryRoleName[];
}
