// The simulated Microsoft 365 tenant's public face: how to start it and what a caller gets back.
// It answers on loopback for the Microsoft hosts (see tenant/transport.ts SIMULATED_HOSTS):
//   /login/...     Microsoft Entra ID (OpenID metadata, /{tenant}/oauth2/v2.0/token, devicecode, authorize)
//   /graph/...     Microsoft Graph v1.0 (users, subscribedSkus, assignLicense, places, domains,
//                  identity/conditionalAccess/policies, me/transitiveMemberOf, me/licenseDetails, $batch)
//   /exchange/...  Exchange Online admin REST: POST /adminapi/beta/{tenantId}/InvokeCommand
//   /_simulator/...  the simulator's own control surface (state, stats, seeding misconfigurations)
// Production code reaches it only through simulatorTransport(url): same MSAL, Graph client and
// Exchange client code, same URLs; only the transport differs.

export interface SimulatorOptions {
  /** Listen port; 0 (default) picks a free one. Always 127.0.0.1. */
  port?: number;
  /** Seed of every random choice (faults, ids, jitter): the same seed gives the same run. */
  seed?: number;
  /** Added to every response, in milliseconds. */
  latencyMs?: number;
  /** Share of service requests answered 429 with Retry-After (0 to 1). */
  throttleRate?: number;
  /** Seconds in the Retry-After header of a 429 or 503. Default 1. */
  retryAfterSeconds?: number;
  /** Share of service requests answered 503 (0 to 1). */
  faultRate?: number;
  /** Share of service requests whose connection is reset without an answer (0 to 1). */
  resetRate?: number;
  /** How long a mailbox created in Exchange takes to appear in Entra ID (and Places). Default 0. */
  replicationLagMs?: number;
  /** Seed the tenant with the sample data (domains, SKUs, admins, a few rooms). Default true. */
  sampleData?: boolean;
  /** Seconds between device-code polls (the "interval" MSAL waits). Default 1. */
  deviceCodeIntervalSeconds?: number;
  /** The poll at which a device code is approved by itself (1: the first poll, the default); null: only via approveDeviceCode. */
  deviceCodeApprovalPolls?: number | null;
  /** Lifetime of issued access and ID tokens in seconds. Default 3600. */
  tokenLifetimeSeconds?: number;
}

/** Identities the sample tenant knows; tests and practice mode sign in with these. */
export interface SimulatorIdentities {
  tenantId: string;
  /** The initial domain, e.g. contoso.onmicrosoft.com; contoso.com is also verified. */
  tenantDomain: string;
  /** A public client (interactive, device code) with RoomReady's delegated permissions consented. */
  publicClientId: string;
  /** A confidential client with application permissions; its secret is only for tests and practice mode. */
  confidentialClient: { clientId: string; secret: string };
  /** Global Administrator of the sample tenant (delegated sign-ins are auto-approved in the simulator). */
  adminUpn: string;
  /** An admin with too few roles (User Administrator only): for the 403 / missing-role paths. */
  limitedAdminUpn: string;
}

export interface SimulatorStats {
  /** Graph GET (including $batch of GETs) and Exchange Get-* cmdlets that a service answered. */
  reads: number;
  /** Everything else a service answered (each HTTP request once: a $batch counts as one request). */
  writes: number;
  /** Token requests (to /oauth2/v2.0/token). */
  tokens: number;
  /** Requests, and $batch items, answered 429 by the fault injector (not counted as reads or writes). */
  throttled: number;
  /** Requests, and $batch items, answered 503 by the fault injector. */
  faults: number;
  /** Connections reset without an answer. */
  resets: number;
}

export interface RunningSimulator extends SimulatorIdentities {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  stats(): SimulatorStats;
  resetStats(): void;
  stop(): Promise<void>;
  /** In-process control of the tenant (the same operations as POST /_simulator/tenant/<operation>). */
  tenant: SimulatorTenant;
  /** The confidential client's practice certificate (same app as confidentialClient). */
  practiceCertificate: PracticeCertificateCredential;
  /** Password of the sample accounts (administrators, sample rooms): a practice value. */
  practicePassword: string;
}

/** What GET /_simulator/identities answers: the identities and the practice credentials. */
export interface PracticeIdentities extends SimulatorIdentities {
  practiceCertificate: PracticeCertificateCredential;
  practicePassword: string;
}

// ---------------------------------------------------------------------------------------------
// The tenant handle: inspect the tenant and seed misconfigurations one at a time.

/** The confidential client's certificate credential, registered in the simulated tenant only. */
export interface PracticeCertificateCredential {
  /** SHA-1 thumbprint, hex (MSAL clientCertificate.thumbprint). */
  thumbprint: string;
  /** SHA-256 thumbprint, hex (MSAL clientCertificate.thumbprintSha256). */
  thumbprintSha256: string;
  /** PKCS#8 PEM; a practice key that only this simulator trusts. */
  privateKeyPem: string;
  certificatePem: string;
}

export interface FaultSettings {
  latencyMs: number;
  throttleRate: number;
  faultRate: number;
  resetRate: number;
  retryAfterSeconds: number;
}

export type SignInFlags = { locked: boolean; passwordExpired: boolean; perUserMfa: boolean };

export type SimulatedDirectoryRole =
  | 'Global Administrator'
  | 'User Administrator'
  | 'License Administrator'
  | 'Exchange Administrator'
  | 'Global Reader'
  | 'Security Administrator'
  | 'Security Reader'
  | 'Conditional Access Administrator';

/** What setUser can change on an Entra user (Graph property names, plus the password). */
export interface UserChanges {
  accountEnabled?: boolean;
  displayName?: string;
  passwordPolicies?: string | null;
  usageLocation?: string | null;
  password?: string;
  forceChangePasswordNextSignIn?: boolean;
  onPremisesSyncEnabled?: boolean | null;
  /** SKU part numbers (or skuIds); replaces the user's licences, bypassing Graph's checks. */
  licenses?: string[];
}

export interface NewUserSeed extends UserChanges {
  userPrincipalName: string;
  displayName: string;
  mailNickname?: string;
}

/** A room mailbox with its Entra user, placed directly (no Exchange call, no replication lag). */
export interface RoomSeed extends UserChanges {
  userPrincipalName: string;
  displayName: string;
  alias?: string;
  /** Mailbox type; default RoomMailbox. */
  type?: 'RoomMailbox' | 'SharedMailbox' | 'UserMailbox' | 'EquipmentMailbox';
  primarySmtpAddress?: string;
  capacity?: number;
}

export interface MailboxChanges {
  type?: 'RoomMailbox' | 'SharedMailbox' | 'UserMailbox' | 'EquipmentMailbox';
  resourceCapacity?: number | null;
  displayName?: string;
  primarySmtpAddress?: string;
}

/** Set-Place field names. */
export interface PlaceChanges {
  Building?: string | null;
  Floor?: number | null;
  FloorLabel?: string | null;
  Capacity?: number | null;
  Street?: string | null;
  City?: string | null;
  State?: string | null;
  PostalCode?: string | null;
  CountryOrRegion?: string | null;
  Label?: string | null;
  Phone?: string | null;
  Tags?: string[];
  IsWheelChairAccessible?: boolean;
  MTREnabled?: boolean;
}

export interface ConditionalAccessPolicySeed {
  displayName: string;
  state?: 'enabled' | 'disabled' | 'enabledForReportingButNotEnforced';
  includeUsers?: string[];
  excludeUsers?: string[];
  /** Group ids or display names. */
  includeGroups?: string[];
  excludeGroups?: string[];
  /** Role template ids or role names. */
  includeRoles?: string[];
  excludeRoles?: string[];
  includeApplications?: string[];
  excludeApplications?: string[];
  clientAppTypes?: string[];
  builtInControls: string[];
  operator?: 'AND' | 'OR';
}

export interface SkuChanges {
  prepaidUnits?: number;
  capabilityStatus?: 'Enabled' | 'Warning' | 'Suspended' | 'Deleted' | 'LockedOut';
}

export interface NewSkuSeed {
  skuPartNumber: string;
  skuId: string;
  prepaidUnits: number;
  tenantLimit?: number | null;
}

/** The tenant as plain data (no passwords, no secrets): for assertions and for the control surface. */
export interface TenantSnapshot {
  tenantId: string;
  domains: Array<{ id: string; isVerified: boolean; isDefault: boolean; isInitial: boolean }>;
  users: Array<{
    id: string;
    userPrincipalName: string;
    displayName: string;
    accountEnabled: boolean;
    passwordPolicies: string | null;
    usageLocation: string | null;
    licenses: string[];
    hasPassword: boolean;
    forceChangePasswordNextSignIn: boolean;
    onPremisesSyncEnabled: boolean | null;
    directoryRoles: string[];
    groups: string[];
    signIn: SignInFlags;
    visibleInGraph: boolean;
  }>;
  mailboxes: Array<{
    guid: string;
    userId: string;
    userPrincipalName: string | null;
    name: string;
    alias: string;
    displayName: string;
    primarySmtpAddress: string;
    emailAddresses: string[];
    recipientTypeDetails: string;
    resourceCapacity: number | null;
    calendarProcessing: Record<string, boolean | number | string | string[] | null>;
    timeZone: string | null;
    place: object;
  }>;
  roomLists: Array<{ name: string; primarySmtpAddress: string; members: string[] }>;
  skus: Array<{ skuPartNumber: string; skuId: string; prepaidUnits: number; consumedUnits: number; available: number; capabilityStatus: string }>;
  conditionalAccessPolicies: Array<{ id: string; displayName: string; state: string }>;
  groups: Array<{ id: string; displayName: string; members: string[] }>;
}

/**
 * In-process control of the simulated tenant: inspect it and seed misconfigurations one at a
 * time. The same operations answer over HTTP at POST /_simulator/tenant/<operation> with the
 * arguments as a JSON array. Identities are UPNs or Exchange identities (address, alias, name).
 * Unknown objects throw an Error whose message says what was not found.
 */
export interface SimulatorTenant {
  snapshot(): TenantSnapshot;
  createUser(seed: NewUserSeed): { id: string; userPrincipalName: string };
  createRoom(seed: RoomSeed): { id: string; userPrincipalName: string; mailboxGuid: string };
  setUser(upn: string, changes: UserChanges): void;
  setSignIn(upn: string, flags: Partial<SignInFlags>): void;
  setDirectoryRoles(upn: string, roles: SimulatedDirectoryRole[]): void;
  addGroupMember(group: string, upn: string): void;
  removeGroupMember(group: string, upn: string): void;
  setMailbox(identity: string, changes: MailboxChanges): void;
  setCalendarProcessing(identity: string, settings: Record<string, boolean | number | string | string[] | null>): void;
  setRegionalConfiguration(identity: string, settings: { TimeZone?: string | null; Language?: string | null }): void;
  setPlace(identity: string, changes: PlaceChanges): void;
  removeRoomListMember(list: string, identity: string): void;
  addConditionalAccessPolicy(policy: ConditionalAccessPolicySeed): string;
  setConditionalAccessPolicyState(id: string, state: 'enabled' | 'disabled' | 'enabledForReportingButNotEnforced'): void;
  removeConditionalAccessPolicy(id: string): void;
  addSku(seed: NewSkuSeed): void;
  setSku(partNumberOrSkuId: string, changes: SkuChanges): void;
  /** No unit left: prepaid units become the units already consumed. */
  exhaustSku(partNumberOrSkuId: string): void;
  addDomain(name: string, verified: boolean): void;
  /** What an app registration may do for a service: admin-consented delegated permissions or granted application permissions. */
  setAppPermissions(clientId: string, kind: 'delegated' | 'application', resource: 'graph' | 'exchange', permissions: string[]): void;
  /** Approves a pending device code (the latest when no user code is given) as upn (default: the interactive user). */
  approveDeviceCode(userCode?: string, upn?: string): void;
  denyDeviceCode(userCode?: string): void;
  /** Who signs in in the "browser" and approves device codes by default. */
  setInteractiveUser(upn: string): void;
  setReplicationLag(ms: number): void;
  /** Everything created so far becomes visible to Graph and Places now. */
  flushReplication(): void;
  setFaults(settings: Partial<FaultSettings>): void;
  faults(): FaultSettings;
}

