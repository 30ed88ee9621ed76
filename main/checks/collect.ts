// Reads what the checks need for a list of rooms: Graph users in $batch requests (getUsers), the
// tenant-wide reads once (licences, conditional access, room lists), and the Exchange reads per
// room with bounded concurrency. Every failure becomes `unavailable` with its reason, so the check
// that needed it is reported unknown; "not there" (a 404) is a value, not a failure.
import {
  observed,
  scopedByMembership,
  unavailable,
  type ConditionalAccessPolicyObservation,
  type MembershipObservation,
  type Observed,
  type PropertyBag,
  type ReadKind,
  type RoomListObservation,
  type RoomObservation,
  type SkuObservation,
  type TenantObservation,
  type UserObservation,
} from '../../shared/checks.ts';
import type { Topology } from '../../shared/topology.ts';
import { ExchangeCmdletError, type ExchangeParameters, type GraphUser } from '../tenant/types.ts';
import { mapBounded } from './bounded.ts';
import type { ReadGateways } from './read-only.ts';
import { reasonFor } from './unavailable.ts';

/** The Graph user properties the checks look at (passwordProfile is only returned when selected). */
export const USER_SELECT = [
  'id',
  'userPrincipalName',
  'accountEnabled',
  'passwordPolicies',
  'passwordProfile',
  'usageLocation',
  'assignedLicenses',
  'proxyAddresses',
  'onPremisesSyncEnabled',
] as const;

export const DEFAULT_CONCURRENCY = 4;

export interface CollectInput {
  upns: readonly string[];
  topology: Topology;
  /** What the applicable checks read (evaluate.ts readsFor); nothing else is requested. */
  reads: ReadonlySet<ReadKind>;
  /** Reads made already (the audit's discovery), so they are not made twice. */
  known?: { users?: ReadonlyMap<string, GraphUser | undefined>; subscribedSkus?: Observed<readonly SkuObservation[]> };
}

export interface CollectOptions {
  /** Rooms read from Exchange at the same time. */
  concurrency?: number;
}

export interface Collected {
  tenant: TenantObservation;
  room(upn: string): RoomObservation;
}

const NOT_NEEDED = unavailable('no applicable check needs it');
const ON_EXCHANGE_SERVER = unavailable('the mailbox is on Exchange Server, which RoomReady cannot read from here; run the command shown in the Exchange Management Shell');
const NO_CLOUD_ACCOUNT = unavailable('this topology has no Microsoft Entra ID account');
const ACTIVE_DIRECTORY = unavailable('Active Directory is on premises and RoomReady cannot read it from here; run the command shown on a domain-joined machine');
const MEMBERSHIPS_NOT_NEEDED = unavailable('no conditional-access policy is scoped by group or role');

const EXCHANGE_READS = new Set<ReadKind>(['mailbox', 'calendar', 'place', 'roomLists']);
const GRAPH_READS = new Set<ReadKind>(['user', 'subscribedSkus', 'conditionalAccess', 'memberships']);

/** Why a read will not be attempted for this topology, or undefined when it will. */
function skipped(kind: ReadKind, input: CollectInput): Observed<never> | undefined {
  if (!input.reads.has(kind)) return NOT_NEEDED;
  if (EXCHANGE_READS.has(kind) && input.topology.exchange === 'server') return ON_EXCHANGE_SERVER;
  if (GRAPH_READS.has(kind) && !input.topology.cloudLicensing) return NO_CLOUD_ACCOUNT;
  if (kind === 'activeDirectory') return ACTIVE_DIRECTORY;
  return undefined;
}

async function attempt<T>(read: () => Promise<T>): Promise<Observed<T>> {
  try {
    return observed(await read());
  } catch (error) {
    return unavailable(reasonFor(error));
  }
}

/** One object by identity; "couldn't be found" is undefined. */
async function exchangeObject(gateways: ReadGateways, cmdlet: string, parameters: ExchangeParameters): Promise<PropertyBag | undefined> {
  try {
    const objects = await gateways.exchange.invoke(cmdlet, parameters);
    if (objects.length > 1) throw new Error(`${cmdlet} found ${objects.length} objects for ${String(parameters.Identity)}; expected one`);
    return objects[0];
  } catch (error) {
    if (error instanceof ExchangeCmdletError && error.notFound) return undefined;
    throw error;
  }
}

function userObservation(user: GraphUser): UserObservation {
  const raw = user as GraphUser & { passwordProfile?: UserObservation['passwordProfile'] };
  const observation: UserObservation = { id: user.id, userPrincipalName: user.userPrincipalName };
  if (user.accountEnabled !== undefined) observation.accountEnabled = user.accountEnabled;
  if (user.passwordPolicies !== undefined) observation.passwordPolicies = user.passwordPolicies;
  if ('passwordProfile' in raw) observation.passwordProfile = raw.passwordProfile ?? null;
  if (user.usageLocation !== undefined) observation.usageLocation = user.usageLocation;
  if (user.assignedLicenses !== undefined) observation.assignedLicenses = user.assignedLicenses;
  if (user.proxyAddresses !== undefined) observation.proxyAddresses = user.proxyAddresses;
  if (user.onPremisesSyncEnabled !== undefined) observation.onPremisesSyncEnabled = user.onPremisesSyncEnabled;
  return observation;
}

async function readSkus(gateways: ReadGateways, input: CollectInput): Promise<Observed<readonly SkuObservation[]>> {
  const skip = skipped('subscribedSkus', input);
  if (skip) return skip;
  if (input.known?.subscribedSkus) return input.known.subscribedSkus;
  return attempt(async () => (await gateways.graph.listSubscribedSkus()).map(({ skuId, skuPartNumber, consumedUnits, prepaidUnits }) => ({ skuId, skuPartNumber, consumedUnits, prepaidUnits })));
}

async function readPolicies(gateways: ReadGateways, input: CollectInput): Promise<Observed<readonly ConditionalAccessPolicyObservation[]>> {
  return skipped('conditionalAccess', input) ?? attempt(() => gateways.graph.listConditionalAccessPolicies());
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

async function readRoomLists(gateways: ReadGateways, input: CollectInput, concurrency: number): Promise<Observed<readonly RoomListObservation[]>> {
  const skip = skipped('roomLists', input);
  if (skip) return skip;
  return attempt(async () => {
    const lists = await gateways.exchange.invoke('Get-DistributionGroup', { RecipientTypeDetails: 'RoomList', ResultSize: 'Unlimited' });
    return mapBounded(lists, concurrency, async (list) => {
      const address = text(list.PrimarySmtpAddress);
      const members = await gateways.exchange.invoke('Get-DistributionGroupMember', { Identity: address || text(list.Identity) || text(list.Name), ResultSize: 'Unlimited' });
      return { name: text(list.Name) || text(list.DisplayName) || address, primarySmtpAddress: address, members: members.map((member) => text(member.PrimarySmtpAddress)).filter(Boolean) };
    });
  });
}

async function readUsers(gateways: ReadGateways, input: CollectInput): Promise<(upn: string) => Observed<UserObservation | undefined>> {
  const skip = skipped('user', input);
  if (skip) return () => skip;
  const known = new Map([...(input.known?.users ?? [])].map(([upn, user]) => [upn.toLowerCase(), user]));
  const missing = input.upns.filter((upn) => !known.has(upn.toLowerCase()));
  let failure: Observed<never> | undefined;
  if (missing.length > 0) {
    try {
      for (const [upn, user] of await gateways.graph.getUsers(missing, USER_SELECT)) known.set(upn.toLowerCase(), user);
    } catch (error) {
      failure = unavailable(reasonFor(error));
    }
  }
  return (upn) => {
    const key = upn.toLowerCase();
    if (known.has(key)) {
      const user = known.get(key);
      return observed(user ? userObservation(user) : undefined);
    }
    return failure ?? unavailable('Microsoft Graph did not answer for this user');
  };
}

/** A room's groups and roles, read only when a policy names some: only then do they decide anything. */
async function readMemberships(gateways: ReadGateways, input: CollectInput, user: Observed<UserObservation | undefined>, policies: Observed<readonly ConditionalAccessPolicyObservation[]>): Promise<Observed<MembershipObservation>> {
  const skip = skipped('memberships', input);
  if (skip) return skip;
  if (policies.state !== 'read' || !policies.value.some(scopedByMembership)) return MEMBERSHIPS_NOT_NEEDED;
  if (user.state !== 'read') return unavailable(`the account could not be read: ${user.reason}`);
  if (!user.value) return unavailable('the account does not exist');
  const id = user.value.id;
  return attempt(() => gateways.graph.userMemberships(id));
}

interface ExchangeReads {
  mailbox: Observed<PropertyBag | undefined>;
  calendar: Observed<PropertyBag | undefined>;
  place: Observed<PropertyBag | undefined>;
}

async function readExchange(gateways: ReadGateways, input: CollectInput, upn: string): Promise<ExchangeReads> {
  const read = (kind: 'mailbox' | 'calendar' | 'place', cmdlet: string) => skipped(kind, input) ?? attempt(() => exchangeObject(gateways, cmdlet, { Identity: upn }));
  const mailbox = await read('mailbox', 'Get-Mailbox');
  // Without a mailbox there is no calendar or place to read: saying so costs no request.
  if (mailbox.state === 'read' && mailbox.value === undefined) {
    const none = observed(undefined);
    return { mailbox, calendar: skipped('calendar', input) ?? none, place: skipped('place', input) ?? none };
  }
  const [calendar, place] = await Promise.all([read('calendar', 'Get-CalendarProcessing'), read('place', 'Get-Place')]);
  return { mailbox, calendar, place };
}

export async function collectObservations(gateways: ReadGateways, input: CollectInput, options: CollectOptions = {}): Promise<Collected> {
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const [subscribedSkus, conditionalAccess, roomLists, userOf] = await Promise.all([
    readSkus(gateways, input),
    readPolicies(gateways, input),
    readRoomLists(gateways, input, concurrency),
    readUsers(gateways, input),
  ]);
  const tenant: TenantObservation = { subscribedSkus, conditionalAccess, roomLists };
  const exchange = await mapBounded(input.upns, concurrency, (upn) => readExchange(gateways, input, upn));
  const memberships = await mapBounded(input.upns, concurrency, (upn) => readMemberships(gateways, input, userOf(upn), conditionalAccess));
  const rooms = new Map<string, RoomObservation>();
  input.upns.forEach((upn, index) => {
    rooms.set(upn.toLowerCase(), {
      upn,
      ...exchange[index]!,
      user: userOf(upn),
      memberships: memberships[index]!,
      activeDirectory: skipped('activeDirectory', input) ?? ACTIVE_DIRECTORY,
      tenant,
    });
  });
  return {
    tenant,
    room(upn) {
      const room = rooms.get(upn.toLowerCase());
      if (!room) throw new Error(`${upn} was not collected`);
      return room;
    },
  };
}
