// The tenant handle (SimulatorTenant): tests and practice mode inspect the tenant and change it
// directly, bypassing the services' rules, to seed one misconfiguration at a time. The same
// operations answer over HTTP (control/routes.ts).
import { ISO_COUNTRY_CODES } from '../../../shared/iso-countries.ts';
import { canonicalWindowsTimeZone } from '../../../shared/windows-time-zones.ts';
import type {
  ConditionalAccessPolicySeed,
  FaultSettings,
  MailboxChanges,
  NewSkuSeed,
  NewUserSeed,
  PlaceChanges,
  RoomSeed,
  SignInFlags,
  SimulatedDirectoryRole,
  SimulatorTenant,
  SkuChanges,
  TenantSnapshot,
  UserChanges,
} from '../contract.ts';
import type { FaultInjector } from '../faults.ts';
import type { IdentitySessions } from '../identity/sessions.ts';
import { CALENDAR_SETTINGS } from '../state/calendar-defaults.ts';
import { DIRECTORY_ROLES, isDirectoryRoleName } from '../state/directory-roles.ts';
import type { DirectoryUser, MailboxRecord } from '../state/records.ts';
import { addressOf, type TenantState } from '../state/tenant.ts';
import { coerceCalendarValue } from '../exchange/values.ts';

export class ControlError extends Error {
  override name = 'ControlError';
}

export interface FaultHolder {
  injector: FaultInjector;
  latencyMs: number;
}

export class TenantControl implements SimulatorTenant {
  constructor(
    private readonly state: TenantState,
    private readonly sessions: IdentitySessions,
    private readonly faultHolder: FaultHolder,
  ) {}

  private user(upn: string): DirectoryUser {
    const user = this.state.findUser(upn);
    if (!user) throw new ControlError(`no user ${upn} in the simulated tenant`);
    return user;
  }

  private mailbox(identity: string): MailboxRecord {
    const found = this.state.findMailboxes(identity);
    if (found.length !== 1) throw new ControlError(found.length === 0 ? `no mailbox ${identity} in the simulated tenant` : `${identity} names ${found.length} mailboxes`);
    return found[0]!;
  }

  private skuIds(licenses: string[]): Array<{ skuId: string; disabledPlans: string[] }> {
    return licenses.map((name) => {
      const sku = this.state.findSku(name);
      if (!sku) throw new ControlError(`no SKU ${name} in the simulated tenant`);
      return { skuId: sku.skuId, disabledPlans: [] };
    });
  }

  private applyUserChanges(user: DirectoryUser, changes: UserChanges): void {
    if (changes.usageLocation !== undefined && changes.usageLocation !== null && !ISO_COUNTRY_CODES.has(changes.usageLocation.toUpperCase())) {
      throw new ControlError(`usageLocation ${changes.usageLocation} is not an ISO 3166 code`);
    }
    const licenses = changes.licenses === undefined ? undefined : this.skuIds(changes.licenses);
    if (changes.accountEnabled !== undefined) user.accountEnabled = changes.accountEnabled;
    if (changes.displayName !== undefined) user.displayName = changes.displayName;
    if (changes.passwordPolicies !== undefined) user.passwordPolicies = changes.passwordPolicies;
    if (changes.usageLocation !== undefined) user.usageLocation = changes.usageLocation === null ? null : changes.usageLocation.toUpperCase();
    if (changes.password !== undefined) user.password = changes.password;
    if (changes.forceChangePasswordNextSignIn !== undefined) user.forceChangePasswordNextSignIn = changes.forceChangePasswordNextSignIn;
    if (changes.onPremisesSyncEnabled !== undefined) user.onPremisesSyncEnabled = changes.onPremisesSyncEnabled;
    if (licenses) user.assignedLicenses = licenses;
  }

  snapshot(): TenantSnapshot {
    const s = this.state;
    const groupNames = (userId: string) => [...s.securityGroups.values()].filter((g) => g.members.has(userId)).map((g) => g.displayName);
    return {
      tenantId: s.tenantId,
      domains: s.domains.map((d) => ({ id: d.id, isVerified: d.isVerified, isDefault: d.isDefault, isInitial: d.isInitial })),
      users: [...s.users.values()].map((u) => ({
        id: u.id,
        userPrincipalName: u.userPrincipalName,
        displayName: u.displayName,
        accountEnabled: u.accountEnabled,
        passwordPolicies: u.passwordPolicies,
        usageLocation: u.usageLocation,
        licenses: u.assignedLicenses.map((l) => s.findSku(l.skuId)?.skuPartNumber ?? l.skuId),
        hasPassword: u.password !== undefined,
        forceChangePasswordNextSignIn: u.forceChangePasswordNextSignIn,
        onPremisesSyncEnabled: u.onPremisesSyncEnabled,
        directoryRoles: [...u.directoryRoles],
        groups: groupNames(u.id),
        signIn: { ...u.signIn },
        visibleInGraph: s.isVisible(u),
      })),
      mailboxes: [...s.mailboxes.values()].map((m) => ({
        guid: m.guid,
        userId: m.userId,
        userPrincipalName: s.users.get(m.userId)?.userPrincipalName ?? null,
        name: m.name,
        alias: m.alias,
        displayName: m.displayName,
        primarySmtpAddress: m.primarySmtpAddress,
        emailAddresses: [...m.emailAddresses],
        recipientTypeDetails: m.type,
        resourceCapacity: m.resourceCapacity,
        calendarProcessing: structuredClone(m.calendar),
        timeZone: m.regional.TimeZone,
        place: structuredClone(m.place),
      })),
      roomLists: [...s.distributionGroups.values()].map((g) => ({
        name: g.name,
        primarySmtpAddress: g.primarySmtpAddress,
        members: g.members.map((guid) => s.mailboxes.get(guid)?.primarySmtpAddress ?? s.distributionGroups.get(guid)?.primarySmtpAddress ?? guid),
      })),
      skus: s.skus.map((k) => ({ skuPartNumber: k.skuPartNumber, skuId: k.skuId, prepaidUnits: k.prepaidEnabled, consumedUnits: s.consumedUnits(k.skuId), available: s.availableUnits(k), capabilityStatus: k.capabilityStatus })),
      conditionalAccessPolicies: s.caPolicies.map((p) => ({ id: p.id, displayName: p.displayName, state: p.state })),
      groups: [...s.securityGroups.values()].map((g) => ({ id: g.id, displayName: g.displayName, members: [...g.members].map((id) => s.users.get(id)?.userPrincipalName ?? id) })),
    };
  }

  createUser(seed: NewUserSeed): { id: string; userPrincipalName: string } {
    if (this.state.findUser(seed.userPrincipalName)) throw new ControlError(`${seed.userPrincipalName} already exists`);
    const user = this.state.newUser({ userPrincipalName: seed.userPrincipalName, displayName: seed.displayName, mailNickname: seed.mailNickname ?? seed.userPrincipalName.split('@')[0]! });
    this.applyUserChanges(user, seed);
    return { id: user.id, userPrincipalName: user.userPrincipalName };
  }

  createRoom(seed: RoomSeed): { id: string; userPrincipalName: string; mailboxGuid: string } {
    const address = seed.primarySmtpAddress ?? seed.userPrincipalName;
    if (this.state.findUser(seed.userPrincipalName)) throw new ControlError(`${seed.userPrincipalName} already exists`);
    if (this.state.addressOwner(address)) throw new ControlError(`${address} is already used by ${this.state.addressOwner(address)}`);
    const alias = seed.alias ?? address.split('@')[0]!;
    const user = this.state.newUser({ userPrincipalName: seed.userPrincipalName, displayName: seed.displayName, mailNickname: alias, accountEnabled: false });
    this.applyUserChanges(user, seed);
    const mailbox = this.state.newMailbox({ userId: user.id, name: seed.displayName, alias, displayName: seed.displayName, primarySmtpAddress: address, type: seed.type ?? 'RoomMailbox', resourceCapacity: seed.capacity ?? null });
    return { id: user.id, userPrincipalName: user.userPrincipalName, mailboxGuid: mailbox.guid };
  }

  setUser(upn: string, changes: UserChanges): void {
    this.applyUserChanges(this.user(upn), changes);
  }

  setSignIn(upn: string, flags: Partial<SignInFlags>): void {
    const user = this.user(upn);
    user.signIn = { ...user.signIn, ...flags };
  }

  setDirectoryRoles(upn: string, roles: SimulatedDirectoryRole[]): void {
    const unknown = roles.filter((r) => !isDirectoryRoleName(r));
    if (unknown.length > 0) throw new ControlError(`unknown directory role ${unknown.join(', ')}`);
    this.user(upn).directoryRoles = [...roles];
  }

  private group(name: string) {
    const group = this.state.findSecurityGroup(name);
    if (!group) throw new ControlError(`no group ${name} in the simulated tenant`);
    return group;
  }

  addGroupMember(group: string, upn: string): void {
    this.group(group).members.add(this.user(upn).id);
  }

  removeGroupMember(group: string, upn: string): void {
    this.group(group).members.delete(this.user(upn).id);
  }

  setMailbox(identity: string, changes: MailboxChanges): void {
    const mailbox = this.mailbox(identity);
    if (changes.primarySmtpAddress !== undefined) {
      const owner = this.state.addressOwner(changes.primarySmtpAddress, { mailboxGuid: mailbox.guid });
      if (owner) throw new ControlError(`${changes.primarySmtpAddress} is already used by ${owner}`);
      const others = mailbox.emailAddresses.filter((p) => addressOf(p).toLowerCase() !== changes.primarySmtpAddress!.toLowerCase()).map((p) => (p.startsWith('SMTP:') ? `smtp:${addressOf(p)}` : p));
      mailbox.emailAddresses = [`SMTP:${changes.primarySmtpAddress}`, ...others];
      mailbox.primarySmtpAddress = changes.primarySmtpAddress;
    }
    if (changes.type !== undefined) mailbox.type = changes.type;
    if (changes.resourceCapacity !== undefined) mailbox.resourceCapacity = changes.resourceCapacity;
    if (changes.displayName !== undefined) mailbox.displayName = changes.displayName;
    mailbox.whenChanged = this.state.now();
  }

  setCalendarProcessing(identity: string, settings: Record<string, boolean | number | string | string[] | null>): void {
    const mailbox = this.mailbox(identity);
    const next = { ...mailbox.calendar };
    for (const [name, value] of Object.entries(settings)) {
      const key = Object.keys(CALENDAR_SETTINGS).find((k) => k.toLowerCase() === name.toLowerCase());
      if (!key) throw new ControlError(`${name} is not a calendar processing setting`);
      const coerced = coerceCalendarValue(key, value);
      if (!coerced.ok) throw new ControlError(coerced.message);
      next[key] = coerced.value;
    }
    mailbox.calendar = next;
  }

  setRegionalConfiguration(identity: string, settings: { TimeZone?: string | null; Language?: string | null }): void {
    const mailbox = this.mailbox(identity);
    if (settings.TimeZone !== undefined) {
      if (settings.TimeZone !== null && !canonicalWindowsTimeZone(settings.TimeZone)) throw new ControlError(`${settings.TimeZone} is not a Windows time zone ID`);
      mailbox.regional.TimeZone = settings.TimeZone === null ? null : canonicalWindowsTimeZone(settings.TimeZone)!;
    }
    if (settings.Language !== undefined) mailbox.regional.Language = settings.Language;
  }

  setPlace(identity: string, changes: PlaceChanges): void {
    const mailbox = this.mailbox(identity);
    const p = mailbox.place;
    const map: Record<string, keyof typeof p> = {
      Building: 'building',
      Floor: 'floorNumber',
      FloorLabel: 'floorLabel',
      Street: 'street',
      City: 'city',
      State: 'state',
      PostalCode: 'postalCode',
      CountryOrRegion: 'countryOrRegion',
      Label: 'label',
      Phone: 'phone',
      Tags: 'tags',
      IsWheelChairAccessible: 'isWheelChairAccessible',
      MTREnabled: 'mtrEnabled',
    };
    for (const [name, value] of Object.entries(changes)) {
      if (name === 'Capacity') {
        mailbox.resourceCapacity = value as number | null;
        continue;
      }
      const field = map[name];
      if (!field) throw new ControlError(`${name} is not a Set-Place field`);
      (p as unknown as Record<string, unknown>)[field] = value;
    }
  }

  removeRoomListMember(list: string, identity: string): void {
    const group = this.state.findGroups(list)[0];
    if (!group) throw new ControlError(`no room list ${list}`);
    const mailbox = this.mailbox(identity);
    group.members = group.members.filter((m) => m !== mailbox.guid);
  }

  private groupIds(names: string[] | undefined): string[] {
    return (names ?? []).map((n) => (n === 'All' ? n : (this.state.findSecurityGroup(n)?.id ?? n)));
  }

  private roleIds(names: string[] | undefined): string[] {
    return (names ?? []).map((n) => (isDirectoryRoleName(n) ? DIRECTORY_ROLES[n] : n));
  }

  addConditionalAccessPolicy(policy: ConditionalAccessPolicySeed): string {
    const id = this.state.ids.uuid();
    this.state.caPolicies.push({
      id,
      displayName: policy.displayName,
      state: policy.state ?? 'enabled',
      createdDateTime: new Date(this.state.now()).toISOString(),
      modifiedDateTime: null,
      conditions: {
        users: {
          includeUsers: (policy.includeUsers ?? ['All']).map((u) => (u === 'All' || u === 'None' ? u : (this.state.findUser(u)?.id ?? u))),
          excludeUsers: (policy.excludeUsers ?? []).map((u) => this.state.findUser(u)?.id ?? u),
          includeGroups: this.groupIds(policy.includeGroups),
          excludeGroups: this.groupIds(policy.excludeGroups),
          includeRoles: this.roleIds(policy.includeRoles),
          excludeRoles: this.roleIds(policy.excludeRoles),
        },
        applications: { includeApplications: policy.includeApplications ?? ['All'], excludeApplications: policy.excludeApplications ?? [] },
        clientAppTypes: policy.clientAppTypes ?? ['all'],
      },
      grantControls: { operator: policy.operator ?? 'OR', builtInControls: [...policy.builtInControls] },
    });
    return id;
  }

  setConditionalAccessPolicyState(id: string, state: 'enabled' | 'disabled' | 'enabledForReportingButNotEnforced'): void {
    const policy = this.state.caPolicies.find((p) => p.id === id);
    if (!policy) throw new ControlError(`no conditional-access policy ${id}`);
    policy.state = state;
    policy.modifiedDateTime = new Date(this.state.now()).toISOString();
  }

  removeConditionalAccessPolicy(id: string): void {
    const before = this.state.caPolicies.length;
    this.state.caPolicies = this.state.caPolicies.filter((p) => p.id !== id);
    if (this.state.caPolicies.length === before) throw new ControlError(`no conditional-access policy ${id}`);
  }

  addSku(seed: NewSkuSeed): void {
    if (this.state.findSku(seed.skuPartNumber) || this.state.findSku(seed.skuId)) throw new ControlError(`SKU ${seed.skuPartNumber} already exists`);
    this.state.skus.push({
      skuId: seed.skuId,
      skuPartNumber: seed.skuPartNumber,
      appliesTo: 'User',
      capabilityStatus: 'Enabled',
      prepaidEnabled: seed.prepaidUnits,
      prepaidSuspended: 0,
      prepaidWarning: 0,
      tenantLimit: seed.tenantLimit ?? null,
      servicePlans: [],
      subscriptionId: this.state.ids.uuid(),
    });
  }

  private sku(name: string) {
    const sku = this.state.findSku(name);
    if (!sku) throw new ControlError(`no SKU ${name} in the simulated tenant`);
    return sku;
  }

  setSku(partNumberOrSkuId: string, changes: SkuChanges): void {
    const sku = this.sku(partNumberOrSkuId);
    if (changes.prepaidUnits !== undefined) sku.prepaidEnabled = changes.prepaidUnits;
    if (changes.capabilityStatus !== undefined) sku.capabilityStatus = changes.capabilityStatus;
  }

  exhaustSku(partNumberOrSkuId: string): void {
    const sku = this.sku(partNumberOrSkuId);
    sku.prepaidEnabled = this.state.consumedUnits(sku.skuId);
  }

  addDomain(name: string, verified: boolean): void {
    if (this.state.domains.some((d) => d.id.toLowerCase() === name.toLowerCase())) throw new ControlError(`domain ${name} already exists`);
    this.state.domains.push({ id: name, isVerified: verified, isDefault: false, isInitial: false, authenticationType: 'Managed' });
  }

  setAppPermissions(clientId: string, kind: 'delegated' | 'application', resource: 'graph' | 'exchange', permissions: string[]): void {
    const app = this.state.apps.get(clientId.toLowerCase());
    if (!app) throw new ControlError(`no app registration ${clientId} in the simulated tenant`);
    app[kind][resource] = [...permissions];
  }

  approveDeviceCode(userCode?: string, upn?: string): void {
    const session = userCode ? this.sessions.findDeviceCodeByUserCode(userCode) : this.sessions.latestPendingDeviceCode(this.state.now());
    if (!session || session.status !== 'pending') throw new ControlError(userCode ? `no pending device code ${userCode}` : 'no device code is waiting for approval');
    const user = upn ? this.user(upn) : this.state.interactiveUserId ? this.state.users.get(this.state.interactiveUserId) : undefined;
    if (!user) throw new ControlError('no user to approve the device code as');
    session.status = 'approved';
    session.userId = user.id;
  }

  denyDeviceCode(userCode?: string): void {
    const session = userCode ? this.sessions.findDeviceCodeByUserCode(userCode) : this.sessions.latestPendingDeviceCode(this.state.now());
    if (!session || session.status !== 'pending') throw new ControlError(userCode ? `no pending device code ${userCode}` : 'no device code is waiting for approval');
    session.status = 'declined';
  }

  setInteractiveUser(upn: string): void {
    this.state.interactiveUserId = this.user(upn).id;
  }

  setReplicationLag(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new ControlError('replication lag must be 0 or more milliseconds');
    this.state.replicationLagMs = ms;
  }

  flushReplication(): void {
    const now = this.state.now();
    for (const user of this.state.users.values()) user.visibleAt = Math.min(user.visibleAt, now);
    for (const group of this.state.distributionGroups.values()) group.visibleAt = Math.min(group.visibleAt, now);
  }

  setFaults(settings: Partial<FaultSettings>): void {
    const rates = { ...this.faultHolder.injector.rates };
    for (const key of ['throttleRate', 'faultRate', 'resetRate'] as const) {
      const value = settings[key];
      if (value === undefined) continue;
      if (!Number.isFinite(value) || value < 0 || value > 1) throw new ControlError(`${key} must be between 0 and 1`);
      rates[key] = value;
    }
    if (settings.retryAfterSeconds !== undefined) {
      if (!Number.isInteger(settings.retryAfterSeconds) || settings.retryAfterSeconds < 0) throw new ControlError('retryAfterSeconds must be a whole number');
      rates.retryAfterSeconds = settings.retryAfterSeconds;
    }
    if (settings.latencyMs !== undefined) {
      if (!Number.isFinite(settings.latencyMs) || settings.latencyMs < 0) throw new ControlError('latencyMs must be 0 or more');
      this.faultHolder.latencyMs = settings.latencyMs;
    }
    this.faultHolder.injector.rates = rates;
  }

  faults(): FaultSettings {
    return { ...this.faultHolder.injector.rates, latencyMs: this.faultHolder.latencyMs };
  }
}
