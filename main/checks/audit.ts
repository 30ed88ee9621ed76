// The tenant-wide audit: find the rooms by evidence, not by name (room mailboxes whose account is
// enabled, and users holding a Teams Rooms licence), then validate each. Read only, like
// validateRooms: the gateways are cut down to reads and Exchange refuses anything but Get-*.
import { DISCOVERY_SOURCES, auditExpectations, observed, teamsRoomsLicense, unavailable, type DiscoverySource, type DiscoverySourceId, type Observed, type SkuObservation, type ValidationReport } from '../../shared/checks.ts';
import type { TopologyId } from '../../shared/topology.ts';
import type { GraphUser } from '../tenant/types.ts';
import { USER_SELECT } from './collect.ts';
import { readOnlyGateways, type ReadGateways } from './read-only.ts';
import { reasonFor } from './unavailable.ts';
import { runChecks, type ValidateOptions } from './validate.ts';

export interface AuditOptions extends ValidateOptions {
  /** How the tenant's rooms are deployed; default teams-online. */
  topology?: TopologyId;
  title?: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Found {
  upn: string;
  foundBy: DiscoverySourceId[];
}

class Discovery {
  readonly rooms = new Map<string, Found>();
  readonly users = new Map<string, GraphUser | undefined>();
  readonly sources: DiscoverySource[] = [];

  add(upn: string, source: DiscoverySourceId): void {
    const key = upn.toLowerCase();
    const found = this.rooms.get(key) ?? { upn, foundBy: [] };
    // Sources answer in any order; reports list them in one.
    if (!found.foundBy.includes(source)) found.foundBy = DISCOVERY_SOURCES.filter((known) => known === source || found.foundBy.includes(known));
    this.rooms.set(key, found);
  }

  record(source: DiscoverySourceId, found: number, reason?: string): void {
    this.sources.push({ source, status: 'read', found, ...(reason ? { reason } : {}) });
  }

  fail(source: DiscoverySourceId, error: unknown): void {
    this.sources.push({ source, status: 'unavailable', found: 0, reason: reasonFor(error) });
  }
}

/** Room mailboxes whose account is enabled: a room mailbox with a disabled account is only bookable, not a console. */
async function findRoomMailboxes(gateways: ReadGateways, discovery: Discovery): Promise<void> {
  let upns: string[];
  try {
    const mailboxes = await gateways.exchange.invoke('Get-Mailbox', { RecipientTypeDetails: 'RoomMailbox', ResultSize: 'Unlimited' });
    upns = mailboxes.map((mailbox) => String(mailbox.UserPrincipalName || mailbox.PrimarySmtpAddress || '')).filter(Boolean);
  } catch (error) {
    discovery.fail('room-mailboxes', error);
    return;
  }
  let accounts: Map<string, GraphUser | undefined>;
  try {
    accounts = upns.length > 0 ? await gateways.graph.getUsers(upns, USER_SELECT) : new Map();
  } catch (error) {
    // The accounts' state is unknown: keep every room mailbox rather than hide a console.
    for (const upn of upns) discovery.add(upn, 'room-mailboxes');
    discovery.record('room-mailboxes', upns.length, `whether their accounts are enabled could not be read (${reasonFor(error)}); every room mailbox is included`);
    return;
  }
  let found = 0;
  for (const upn of upns) {
    const user = accounts.get(upn) ?? [...accounts].find(([key]) => key.toLowerCase() === upn.toLowerCase())?.[1];
    discovery.users.set(upn.toLowerCase(), user);
    if (user?.accountEnabled === true) {
      discovery.add(upn, 'room-mailboxes');
      found++;
    }
  }
  discovery.record('room-mailboxes', found);
}

/** Users holding a Teams Rooms SKU, one query per SKU the tenant has. */
async function findLicensedRooms(gateways: ReadGateways, discovery: Discovery): Promise<Observed<readonly SkuObservation[]>> {
  let skus: SkuObservation[];
  try {
    skus = (await gateways.graph.listSubscribedSkus()).map(({ skuId, skuPartNumber, consumedUnits, prepaidUnits }) => ({ skuId, skuPartNumber, consumedUnits, prepaidUnits }));
  } catch (error) {
    discovery.fail('teams-rooms-licenses', error);
    return unavailable(reasonFor(error));
  }
  const roomSkus = skus.filter((sku) => teamsRoomsLicense(sku.skuPartNumber) && GUID.test(sku.skuId));
  const found = new Set<string>();
  try {
    for (const sku of roomSkus) {
      for (const user of await gateways.graph.findUsers(`assignedLicenses/any(x:x/skuId eq ${sku.skuId})`, USER_SELECT)) {
        discovery.add(user.userPrincipalName, 'teams-rooms-licenses');
        discovery.users.set(user.userPrincipalName.toLowerCase(), user);
        found.add(user.userPrincipalName.toLowerCase());
      }
    }
    discovery.record('teams-rooms-licenses', found.size);
  } catch (error) {
    discovery.fail('teams-rooms-licenses', error);
  }
  return observed(skus);
}

export async function auditTenant(gateways: ReadGateways, options: AuditOptions = {}): Promise<ValidationReport> {
  const readOnly = readOnlyGateways(gateways);
  const topology = options.topology ?? 'teams-online';
  const discovery = new Discovery();
  const [, subscribedSkus] = await Promise.all([findRoomMailboxes(readOnly, discovery), findLicensedRooms(readOnly, discovery)]);
  const rooms = [...discovery.rooms.values()].sort((a, b) => a.upn.localeCompare(b.upn));
  return runChecks(
    readOnly,
    {
      kind: 'audit',
      title: options.title ?? 'Microsoft 365 tenant',
      topology,
      rooms: rooms.map((room) => auditExpectations(room.upn, topology)),
      foundBy: new Map(rooms.map((room) => [room.upn.toLowerCase(), room.foundBy])),
      discovery: discovery.sources.sort((a, b) => DISCOVERY_SOURCES.indexOf(a.source) - DISCOVERY_SOURCES.indexOf(b.source)),
      known: { users: discovery.users, subscribedSkus },
    },
    options,
  );
}
