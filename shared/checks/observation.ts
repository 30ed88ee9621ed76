// What was observed in the tenant for one room, as the checks read it. Every read is either a value
// or `unavailable` with the reason (a 403, a timeout, a service RoomReady cannot reach from here):
// a check whose read is unavailable is reported as unknown, never as passed. The shapes are the
// subsets of the Graph and Exchange answers the checks look at, with the services' property names;
// main/checks/collect.ts fills them through the tenant gateways.

/** The reads a check can need. Tenant-wide reads are made once and shared by every room. */
export const READ_KINDS = [
  'mailbox',
  'calendar',
  'place',
  'user',
  'memberships',
  'activeDirectory',
  'subscribedSkus',
  'conditionalAccess',
  'roomLists',
] as const;
export type ReadKind = (typeof READ_KINDS)[number];

export type Observed<T> = { readonly state: 'read'; readonly value: T } | { readonly state: 'unavailable'; readonly reason: string };

export function observed<T>(value: T): Observed<T> {
  return { state: 'read', value };
}

export function unavailable(reason: string): { readonly state: 'unavailable'; readonly reason: string } {
  return { state: 'unavailable', reason };
}

/** An object as an Exchange Get-* cmdlet returned it (Get-Mailbox, Get-CalendarProcessing, Get-Place, Get-ADUser). */
export type PropertyBag = Readonly<Record<string, unknown>>;

/** The Microsoft Graph user, with the properties the checks look at. */
export interface UserObservation {
  id: string;
  userPrincipalName: string;
  accountEnabled?: boolean | null;
  /** Comma-separated, e.g. "DisableStrongPassword, DisablePasswordExpiration". */
  passwordPolicies?: string | null;
  /** Only returned on $select; absent means Graph did not say. */
  passwordProfile?: { forceChangePasswordNextSignIn?: boolean | null } | null;
  usageLocation?: string | null;
  assignedLicenses?: readonly { skuId: string }[];
  proxyAddresses?: readonly string[];
  onPremisesSyncEnabled?: boolean | null;
}

export interface SkuObservation {
  skuId: string;
  skuPartNumber: string;
  consumedUnits: number;
  prepaidUnits: { enabled: number };
}

export interface ConditionalAccessPolicyObservation {
  id: string;
  displayName: string;
  state: 'enabled' | 'disabled' | 'enabledForReportingButNotEnforced' | string;
  conditions: {
    users?: {
      includeUsers?: readonly string[];
      excludeUsers?: readonly string[];
      includeGroups?: readonly string[];
      excludeGroups?: readonly string[];
      includeRoles?: readonly string[];
      excludeRoles?: readonly string[];
    } | null;
    clientAppTypes?: readonly string[];
  };
  grantControls?: {
    operator: 'AND' | 'OR' | string;
    builtInControls?: readonly string[];
    termsOfUse?: readonly string[];
    authenticationStrength?: { id?: string; displayName?: string } | null;
  } | null;
}

/** The groups (object ids) and directory roles (role template ids) the room's account belongs to, transitively. */
export interface MembershipObservation {
  groupIds: readonly string[];
  roleTemplateIds: readonly string[];
}

export interface RoomListObservation {
  name: string;
  primarySmtpAddress: string;
  /** Primary SMTP addresses of the members. */
  members: readonly string[];
}

/** Reads made once for the whole tenant. */
export interface TenantObservation {
  subscribedSkus: Observed<readonly SkuObservation[]>;
  conditionalAccess: Observed<readonly ConditionalAccessPolicyObservation[]>;
  roomLists: Observed<readonly RoomListObservation[]>;
}

/** Everything read for one room. `undefined` inside a read value means "read, and not there" (a 404). */
export interface RoomObservation {
  upn: string;
  mailbox: Observed<PropertyBag | undefined>;
  calendar: Observed<PropertyBag | undefined>;
  place: Observed<PropertyBag | undefined>;
  user: Observed<UserObservation | undefined>;
  memberships: Observed<MembershipObservation>;
  activeDirectory: Observed<PropertyBag | undefined>;
  tenant: TenantObservation;
}

/** The value type of each read. */
export interface ReadValues {
  mailbox: PropertyBag | undefined;
  calendar: PropertyBag | undefined;
  place: PropertyBag | undefined;
  user: UserObservation | undefined;
  memberships: MembershipObservation;
  activeDirectory: PropertyBag | undefined;
  subscribedSkus: readonly SkuObservation[];
  conditionalAccess: readonly ConditionalAccessPolicyObservation[];
  roomLists: readonly RoomListObservation[];
}

const TENANT_READS = new Set<ReadKind>(['subscribedSkus', 'conditionalAccess', 'roomLists']);

export function isTenantRead(kind: ReadKind): kind is keyof TenantObservation {
  return TENANT_READS.has(kind);
}

export function observationOf<K extends ReadKind>(room: RoomObservation, kind: K): Observed<ReadValues[K]> {
  const source = isTenantRead(kind) ? room.tenant[kind] : room[kind as Exclude<ReadKind, keyof TenantObservation>];
  return source as Observed<ReadValues[K]>;
}

/** The reads in words, for the reason a check is unknown. */
export const READ_LABELS: Readonly<Record<ReadKind, string>> = {
  mailbox: 'the mailbox (Get-Mailbox)',
  calendar: 'calendar processing (Get-CalendarProcessing)',
  place: 'Places (Get-Place)',
  user: 'the Microsoft Entra ID account',
  memberships: "the account's group and role memberships",
  activeDirectory: 'the Active Directory user',
  subscribedSkus: "the tenant's licences (subscribedSkus)",
  conditionalAccess: 'conditional-access policies',
  roomLists: 'room lists',
};
