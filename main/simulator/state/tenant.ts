// The simulated tenant's state: directory (users, groups, domains, licences, conditional access,
// app registrations) and Exchange (mailboxes, room lists), with the lookups and uniqueness rules
// both services share. Replication lag lives here too: an object created in Exchange exists at
// once for Exchange but Graph and Places see it only from its visibleAt time.
import type { Prng } from '../prng.ts';
import { defaultCalendarProcessing } from './calendar-defaults.ts';
import type {
  AppRegistration,
  ConditionalAccessPolicyRecord,
  DirectoryUser,
  DistributionGroupRecord,
  DomainRecord,
  MailboxRecord,
  MailboxType,
  PlaceFields,
  SecurityGroupRecord,
  SkuRecord,
} from './records.ts';

export interface TenantParams {
  tenantId: string;
  initialDomain: string;
  displayName: string;
  ids: Prng;
  codes: Prng;
  replicationLagMs: number;
  now?: () => number;
}

const lower = (s: string) => s.toLowerCase();

export function emptyPlace(): PlaceFields {
  return {
    building: null,
    floorNumber: null,
    floorLabel: null,
    street: null,
    city: null,
    state: null,
    postalCode: null,
    countryOrRegion: null,
    phone: null,
    label: null,
    tags: [],
    audioDeviceName: null,
    videoDeviceName: null,
    displayDeviceName: null,
    isWheelChairAccessible: false,
    mtrEnabled: false,
    geoCoordinates: null,
  };
}

/** "SMTP:a@x" -> "a@x"; the prefix is the address type. */
export function addressOf(proxy: string): string {
  const colon = proxy.indexOf(':');
  return colon > 0 ? proxy.slice(colon + 1) : proxy;
}

export class TenantState {
  readonly tenantId: string;
  readonly initialDomain: string;
  readonly displayName: string;
  readonly ids: Prng;
  readonly codes: Prng;
  replicationLagMs: number;
  readonly now: () => number;

  domains: DomainRecord[] = [];
  readonly users = new Map<string, DirectoryUser>();
  readonly mailboxes = new Map<string, MailboxRecord>();
  readonly distributionGroups = new Map<string, DistributionGroupRecord>();
  readonly securityGroups = new Map<string, SecurityGroupRecord>();
  caPolicies: ConditionalAccessPolicyRecord[] = [];
  skus: SkuRecord[] = [];
  readonly apps = new Map<string, AppRegistration>();
  /** Who "signs in" in the browser and approves device codes; an administrator by default. */
  interactiveUserId: string | undefined;

  constructor(params: TenantParams) {
    this.tenantId = params.tenantId;
    this.initialDomain = params.initialDomain;
    this.displayName = params.displayName;
    this.ids = params.ids;
    this.codes = params.codes;
    this.replicationLagMs = params.replicationLagMs;
    this.now = params.now ?? Date.now;
  }

  // --- domains -----------------------------------------------------------------------------

  verifiedDomain(name: string): DomainRecord | undefined {
    return this.domains.find((d) => d.isVerified && lower(d.id) === lower(name));
  }

  defaultDomain(): string {
    return (this.domains.find((d) => d.isDefault) ?? this.domains.find((d) => d.isInitial))?.id ?? this.initialDomain;
  }

  /** The tenant id, its initial domain or any verified domain names this tenant in a URL. */
  isThisTenant(tenant: string): boolean {
    return lower(tenant) === this.tenantId || this.verifiedDomain(tenant) !== undefined;
  }

  // --- users -------------------------------------------------------------------------------

  newUser(fields: Partial<DirectoryUser> & Pick<DirectoryUser, 'userPrincipalName' | 'displayName' | 'mailNickname'>): DirectoryUser {
    const now = this.now();
    const user: DirectoryUser = {
      id: this.ids.uuid(),
      givenName: null,
      surname: null,
      accountEnabled: true,
      passwordPolicies: null,
      usageLocation: null,
      assignedLicenses: [],
      proxyAddresses: [],
      onPremisesSyncEnabled: null,
      password: undefined,
      forceChangePasswordNextSignIn: false,
      directoryRoles: [],
      signIn: { locked: false, passwordExpired: false, perUserMfa: false },
      createdAt: now,
      visibleAt: now,
      ...fields,
    };
    this.users.set(user.id, user);
    return user;
  }

  /** By object id or UPN (UPNs compare without case, as Entra does). */
  findUser(idOrUpn: string): DirectoryUser | undefined {
    const byId = this.users.get(lower(idOrUpn));
    if (byId) return byId;
    const wanted = lower(idOrUpn);
    for (const user of this.users.values()) if (lower(user.userPrincipalName) === wanted) return user;
    return undefined;
  }

  isVisible(record: { visibleAt: number }): boolean {
    return this.now() >= record.visibleAt;
  }

  /** Users Graph can see now. */
  visibleUsers(): DirectoryUser[] {
    return [...this.users.values()].filter((u) => this.isVisible(u));
  }

  mailboxOfUser(userId: string): MailboxRecord | undefined {
    for (const mailbox of this.mailboxes.values()) if (mailbox.userId === userId) return mailbox;
    return undefined;
  }

  proxyAddressesOf(user: DirectoryUser): string[] {
    return this.mailboxOfUser(user.id)?.emailAddresses ?? user.proxyAddresses;
  }

  mailOf(user: DirectoryUser): string | null {
    const mailbox = this.mailboxOfUser(user.id);
    if (mailbox) return mailbox.primarySmtpAddress;
    const primary = user.proxyAddresses.find((p) => p.startsWith('SMTP:'));
    return primary ? addressOf(primary) : null;
  }

  mailNicknameOf(user: DirectoryUser): string {
    return this.mailboxOfUser(user.id)?.alias ?? user.mailNickname;
  }

  // --- Exchange recipients -------------------------------------------------------------------

  newMailbox(fields: Pick<MailboxRecord, 'userId' | 'name' | 'alias' | 'displayName' | 'primarySmtpAddress' | 'type'> & Partial<MailboxRecord>): MailboxRecord {
    const now = this.now();
    const resource = fields.type === 'RoomMailbox' || fields.type === 'EquipmentMailbox';
    const mailbox: MailboxRecord = {
      guid: this.ids.uuid(),
      exchangeGuid: this.ids.uuid(),
      placeId: this.ids.uuid(),
      emailAddresses: [`SMTP:${fields.primarySmtpAddress}`, `smtp:${fields.alias}@${this.initialDomain}`].filter(
        (a, i, all) => all.findIndex((b) => lower(b) === lower(a)) === i,
      ),
      resourceCapacity: null,
      calendar: defaultCalendarProcessing(resource),
      regional: { TimeZone: null, Language: null, DateFormat: null, TimeFormat: null },
      place: emptyPlace(),
      whenCreated: now,
      whenChanged: now,
      ...fields,
    };
    this.mailboxes.set(mailbox.guid, mailbox);
    return mailbox;
  }

  userOfMailbox(mailbox: MailboxRecord): DirectoryUser | undefined {
    return this.users.get(mailbox.userId);
  }

  /**
   * Mailboxes an Exchange -Identity names: primary or any SMTP address, UPN, alias, name, display
   * name, or one of its GUIDs. More than one is ambiguous (ManagementObjectAmbiguousException).
   */
  findMailboxes(identity: string): MailboxRecord[] {
    const wanted = lower(identity.trim());
    return [...this.mailboxes.values()].filter((m) => {
      const user = this.userOfMailbox(m);
      return (
        [m.guid, m.exchangeGuid, m.userId, m.alias, m.name, m.displayName, m.primarySmtpAddress, user?.userPrincipalName ?? ''].some((v) => lower(v) === wanted) ||
        m.emailAddresses.some((p) => lower(addressOf(p)) === wanted)
      );
    });
  }

  findGroups(identity: string): DistributionGroupRecord[] {
    const wanted = lower(identity.trim());
    return [...this.distributionGroups.values()].filter(
      (g) => [g.guid, g.objectId, g.alias, g.name, g.displayName, g.primarySmtpAddress].some((v) => lower(v) === wanted) || g.emailAddresses.some((p) => lower(addressOf(p)) === wanted),
    );
  }

  mailboxTypeIsResource(type: MailboxType): boolean {
    return type === 'RoomMailbox' || type === 'EquipmentMailbox';
  }

  // --- uniqueness (Exchange and Entra refuse duplicates) -------------------------------------

  /** Who already uses an SMTP address (any recipient's or user's proxy address, or a UPN used as mail). */
  addressOwner(address: string, except?: { mailboxGuid?: string; groupGuid?: string; userId?: string }): string | undefined {
    const wanted = lower(address);
    for (const m of this.mailboxes.values()) {
      if (m.guid !== except?.mailboxGuid && m.emailAddresses.some((p) => lower(addressOf(p)) === wanted)) return m.name;
    }
    for (const g of this.distributionGroups.values()) {
      if (g.guid !== except?.groupGuid && g.emailAddresses.some((p) => lower(addressOf(p)) === wanted)) return g.name;
    }
    for (const u of this.users.values()) {
      if (u.id !== except?.userId && !this.mailboxOfUser(u.id) && u.proxyAddresses.some((p) => lower(addressOf(p)) === wanted)) return u.displayName;
    }
    return undefined;
  }

  aliasOwner(alias: string, except?: { mailboxGuid?: string; groupGuid?: string }): string | undefined {
    const wanted = lower(alias);
    for (const m of this.mailboxes.values()) if (m.guid !== except?.mailboxGuid && lower(m.alias) === wanted) return m.name;
    for (const g of this.distributionGroups.values()) if (g.guid !== except?.groupGuid && lower(g.alias) === wanted) return g.name;
    return undefined;
  }

  nameInUse(name: string, except?: { mailboxGuid?: string; groupGuid?: string }): boolean {
    const wanted = lower(name);
    return (
      [...this.mailboxes.values()].some((m) => m.guid !== except?.mailboxGuid && lower(m.name) === wanted) ||
      [...this.distributionGroups.values()].some((g) => g.guid !== except?.groupGuid && lower(g.name) === wanted)
    );
  }

  upnOwner(upn: string, exceptUserId?: string): DirectoryUser | undefined {
    const user = this.findUser(upn);
    return user && user.id !== exceptUserId && lower(user.userPrincipalName) === lower(upn) ? user : undefined;
  }

  // --- licences ------------------------------------------------------------------------------

  findSku(partNumberOrId: string): SkuRecord | undefined {
    const wanted = lower(partNumberOrId);
    return this.skus.find((s) => lower(s.skuPartNumber) === wanted || lower(s.skuId) === wanted);
  }

  consumedUnits(skuId: string): number {
    let count = 0;
    for (const user of this.users.values()) if (user.assignedLicenses.some((l) => lower(l.skuId) === lower(skuId))) count++;
    return count;
  }

  /** Units left to assign: what was bought, never above a tenant limit, minus what is assigned. */
  availableUnits(sku: SkuRecord): number {
    const ceiling = sku.tenantLimit === null ? sku.prepaidEnabled : Math.min(sku.prepaidEnabled, sku.tenantLimit);
    return ceiling - this.consumedUnits(sku.skuId);
  }

  // --- groups --------------------------------------------------------------------------------

  findSecurityGroup(idOrName: string): SecurityGroupRecord | undefined {
    return this.securityGroups.get(lower(idOrName)) ?? [...this.securityGroups.values()].find((g) => lower(g.displayName) === lower(idOrName));
  }

  groupIdsOfUser(userId: string): string[] {
    return [...this.securityGroups.values()].filter((g) => g.members.has(userId)).map((g) => g.id);
  }
}
