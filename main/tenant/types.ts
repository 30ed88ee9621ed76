// The tenant as RoomReady sees it: the Graph and Exchange Online operations the engine, preflight
// and validation need, the shapes they return (as the services return them), and typed errors.
// Implementations: graph.ts (@microsoft/microsoft-graph-client) and exchange.ts (the admin REST
// endpoint of the ExchangeOnlineManagement module), both sending through a Transport.
import type { ServiceResource } from '../../shared/clouds.ts';

/** An access token for a service, from the AuthService; never logged, never sent to the renderer. */
export type TokenProvider = (resource: ServiceResource) => Promise<string>;

// ---------------------------------------------------------------------------------------------
// Microsoft Graph v1.0 shapes (the subset RoomReady reads and writes; property names as Graph has them).

export interface AssignedLicense {
  skuId: string;
  disabledPlans: string[];
}

export interface GraphUser {
  id: string;
  userPrincipalName: string;
  displayName?: string | null;
  mail?: string | null;
  mailNickname?: string | null;
  accountEnabled?: boolean | null;
  /** Comma-separated: "DisablePasswordExpiration", "DisableStrongPassword", or both, or null. */
  passwordPolicies?: string | null;
  usageLocation?: string | null;
  assignedLicenses?: AssignedLicense[];
  proxyAddresses?: string[];
  onPremisesSyncEnabled?: boolean | null;
  userType?: string | null;
}

export interface NewGraphUser {
  accountEnabled: boolean;
  displayName: string;
  mailNickname: string;
  userPrincipalName: string;
  usageLocation?: string;
  passwordPolicies?: string;
  passwordProfile: { password: string; forceChangePasswordNextSignIn: boolean };
}

export type GraphUserPatch = Partial<Pick<GraphUser, 'accountEnabled' | 'passwordPolicies' | 'usageLocation' | 'displayName'>> & {
  passwordProfile?: { password: string; forceChangePasswordNextSignIn: boolean };
};

export interface SubscribedSku {
  skuId: string;
  skuPartNumber: string;
  appliesTo: string;
  /** Enabled, Warning, Suspended, Deleted, LockedOut */
  capabilityStatus: string;
  consumedUnits: number;
  prepaidUnits: { enabled: number; suspended: number; warning: number; lockedOut?: number };
}

export interface Domain {
  id: string;
  isVerified: boolean;
  isDefault: boolean;
  isInitial: boolean;
  authenticationType: 'Managed' | 'Federated' | string;
  supportedServices: string[];
}

export interface ConditionalAccessPolicy {
  id: string;
  displayName: string;
  state: 'enabled' | 'disabled' | 'enabledForReportingButNotEnforced';
  conditions: {
    users?: {
      includeUsers?: string[];
      excludeUsers?: string[];
      includeGroups?: string[];
      excludeGroups?: string[];
      includeRoles?: string[];
      excludeRoles?: string[];
    } | null;
    applications?: { includeApplications?: string[]; excludeApplications?: string[] } | null;
    clientAppTypes?: string[];
  };
  grantControls?: { operator: 'AND' | 'OR'; builtInControls: string[] } | null;
}

/** A room or room list from the Places API (microsoft.graph.room / microsoft.graph.roomList). */
export interface Place {
  id: string;
  emailAddress: string;
  displayName?: string | null;
  capacity?: number | null;
  building?: string | null;
  floorNumber?: number | null;
  floorLabel?: string | null;
  address?: { street?: string; city?: string; state?: string; postalCode?: string; countryOrRegion?: string } | null;
}

/** A Microsoft Entra group, as much of it as RoomReady reads. */
export interface GraphGroup {
  id: string;
  displayName: string;
}

export interface DirectoryRole {
  id: string;
  displayName: string;
  roleTemplateId: string;
}

export interface GraphGateway {
  /** undefined when Graph answers 404 (not there, or not replicated yet). */
  getUser(idOrUpn: string, select?: readonly string[]): Promise<GraphUser | undefined>;
  /** Many users in $batch requests of 20; items throttled inside a batch are retried by themselves. */
  getUsers(upns: readonly string[], select?: readonly string[]): Promise<Map<string, GraphUser | undefined>>;
  /** GET /users?$filter=... (advanced queries get ConsistencyLevel: eventual and $count). */
  findUsers(filter: string, select?: readonly string[]): Promise<GraphUser[]>;
  createUser(user: NewGraphUser): Promise<GraphUser>;
  updateUser(idOrUpn: string, patch: GraphUserPatch): Promise<void>;
  listSubscribedSkus(): Promise<SubscribedSku[]>;
  assignLicense(idOrUpn: string, addSkuIds: readonly string[], removeSkuIds: readonly string[]): Promise<void>;
  listDomains(): Promise<Domain[]>;
  listConditionalAccessPolicies(): Promise<ConditionalAccessPolicy[]>;
  listRooms(): Promise<Place[]>;
  listRoomLists(): Promise<Place[]>;
  /** undefined on 404. */
  getPlace(emailAddress: string): Promise<Place | undefined>;
  updatePlace(emailAddress: string, patch: Partial<Omit<Place, 'id' | 'emailAddress'>>): Promise<void>;
  /** The directory roles of the signed-in admin (delegated sign-in only). */
  myDirectoryRoles(): Promise<DirectoryRole[]>;
  /** A user's groups and directory roles, nested ones included (GET /users/{id}/transitiveMemberOf). */
  userMemberships(userId: string): Promise<UserMemberships>;
  /** Every group with exactly this display name (GET /groups?$filter=displayName eq '...'): none, one or several. */
  findGroupsByName(displayName: string): Promise<GraphGroup[]>;
  /** POST /groups/{id}/members/$ref; Graph answers 400 when it is a member already. Not repeated blindly. */
  addGroupMember(groupId: string, memberId: string): Promise<void>;
}

export interface UserMemberships {
  /** Object ids of the groups. */
  groupIds: string[];
  /** Template ids of the directory roles (what conditional-access policies name). */
  roleTemplateIds: string[];
}

// ---------------------------------------------------------------------------------------------
// Exchange Online: POST {exchangeRoot}/adminapi/beta/{tenantId}/InvokeCommand
//   body {"CmdletInput":{"CmdletName":"Get-Mailbox","Parameters":{"Identity":"room@contoso.com"}}}
//   200 {"@odata.context":"...","value":[{...}, ...]}; errors as {"error":{"code":...,"message":...}}

export type ExchangeParameters = Readonly<Record<string, string | number | boolean | readonly string[] | Readonly<Record<string, unknown>>>>;

export interface ExchangeGateway {
  /**
   * Runs one cmdlet; returns the objects it wrote to the pipeline (empty for Set-* cmdlets).
   * `idempotent`: the caller's say-so that sending it twice does what sending it once does (a Set-*
   * of absolute values), so it is repeated after a connection reset too; by default only Get-* are.
   */
  invoke(cmdlet: string, parameters: ExchangeParameters, options?: { idempotent?: boolean }): Promise<Record<string, unknown>[]>;
}

// ---------------------------------------------------------------------------------------------
// Errors. Messages are sentences for people; they never contain a token or a password.

/** 401/403 from either service, explained: which permission or admin role is missing. */
export class PermissionError extends Error {
  override name = 'PermissionError';
  constructor(
    message: string,
    readonly service: ServiceResource,
    readonly status: 401 | 403,
    /** e.g. "User.ReadWrite.All" or "Exchange Administrator" */
    readonly missing?: string,
  ) {
    super(message);
  }
}

export class GraphRequestError extends Error {
  override name = 'GraphRequestError';
  constructor(
    message: string,
    readonly status: number,
    /** Graph's error.code, e.g. "Request_BadRequest", "Request_ResourceNotFound". */
    readonly code: string,
    readonly requestId?: string,
  ) {
    super(message);
  }
}

export class ExchangeCmdletError extends Error {
  override name = 'ExchangeCmdletError';
  constructor(
    message: string,
    readonly cmdlet: string,
    readonly status: number,
    /** The .NET exception type Exchange reports, e.g. "ManagementObjectNotFoundException". */
    readonly errorType?: string,
  ) {
    super(message);
  }

  get notFound(): boolean {
    return this.errorType === 'ManagementObjectNotFoundException' || /couldn't be found|could not be found/i.test(this.message);
  }
}

/** The overall deadline passed, or the run was cancelled, while waiting to retry. */
export class DeadlineError extends Error {
  override name = 'DeadlineError';
}
