// Room lists, once per run rather than once per room. A site's rooms share a few lists (usually one
// per building), so asking Exchange for the same list and its members from every room, and racing to
// create it, is wasted work: here each list is looked up, created if missing and its members read at
// most once per run, whichever room asks first; the rooms after it use what was read. Membership is
// kept up to date as this run adds rooms. A failed read is not remembered: the next room asks again.
// Writes that must happen once (New-DistributionGroup, Add-DistributionGroupMember) are not repeated
// blindly after a lost connection: the ledger looks first. Once the run is cancelled, nothing is written.
import { ExchangeCmdletError, type ExchangeGateway } from '../tenant/types.ts';
import { writeOnce } from './write-once.ts';

export type RoomListLookup =
  /** No group of that name. */
  | { state: 'missing' }
  | { state: 'room-list' }
  /** A distribution group of that name that is not a room list: RoomReady does not change it. */
  | { state: 'not-a-room-list' };

const ALREADY_EXISTS = /already (being )?used|already exists/i;
const ALREADY_MEMBER = /already a member/i;
/** The same promise for every caller of a key, forgotten if it fails so that a later caller tries again. */
function once<T>(cache: Map<string, Promise<T>>, key: string, work: () => Promise<T>): Promise<T> {
  let promise = cache.get(key);
  if (!promise) {
    promise = work();
    cache.set(key, promise);
    promise.catch(() => {
      if (cache.get(key) === promise) cache.delete(key);
    });
  }
  return promise;
}

export class RoomListLedger {
  private readonly lookups = new Map<string, Promise<RoomListLookup>>();
  private readonly creations = new Map<string, Promise<void>>();
  private readonly memberships = new Map<string, Promise<Set<string>>>();

  constructor(
    private readonly exchange: ExchangeGateway,
    /** The run's cancellation: no write leaves once it fires. */
    private readonly signal?: AbortSignal,
  ) {}

  /** What the tenant has under this name (read once per run). */
  lookup(list: string): Promise<RoomListLookup> {
    return once(this.lookups, list.toLowerCase(), () => this.read(list));
  }

  /**
   * Creates the list unless this run already did. True for the one caller whose request created it
   * (its room reports the change); the others wait for that creation and get false.
   */
  async create(list: string): Promise<boolean> {
    const key = list.toLowerCase();
    let created = false;
    await once(this.creations, key, async () => {
      created = await this.createOnce(list);
      this.lookups.set(key, Promise.resolve({ state: 'room-list' }));
    });
    return created;
  }

  /** Whether `member` (a primary SMTP address) is in the list, from one read of its members per run. */
  async hasMember(list: string, member: string): Promise<boolean> {
    return (await this.members(list)).has(member.toLowerCase());
  }

  /** Adds `member` unless it is there; true when this call added it. */
  async addMember(list: string, member: string): Promise<boolean> {
    const members = await this.members(list);
    if (members.has(member.toLowerCase())) return false;
    await writeOnce(
      this.signal,
      async () => (await this.readMembers(list)).has(member.toLowerCase()),
      async () => {
        try {
          await this.exchange.invoke('Add-DistributionGroupMember', { Identity: list, Member: member });
        } catch (error) {
          // Added by an earlier, interrupted attempt: that is the state we want.
          if (!(error instanceof ExchangeCmdletError && ALREADY_MEMBER.test(error.message))) throw error;
        }
      },
    );
    members.add(member.toLowerCase());
    return true;
  }

  private members(list: string): Promise<Set<string>> {
    return once(this.memberships, list.toLowerCase(), () => this.readMembers(list));
  }

  private async readMembers(list: string): Promise<Set<string>> {
    const members = await this.exchange.invoke('Get-DistributionGroupMember', { Identity: list, ResultSize: 'Unlimited' });
    return new Set(members.map((member) => String(member.PrimarySmtpAddress ?? '').toLowerCase()));
  }

  private async read(list: string): Promise<RoomListLookup> {
    let group: Record<string, unknown> | undefined;
    try {
      [group] = await this.exchange.invoke('Get-DistributionGroup', { Identity: list });
    } catch (error) {
      if (!(error instanceof ExchangeCmdletError && error.notFound)) throw error;
    }
    if (!group) return { state: 'missing' };
    return String(group.RecipientTypeDetails).toLowerCase() === 'roomlist' ? { state: 'room-list' } : { state: 'not-a-room-list' };
  }

  /** True when this run's request created it; false when someone else had, a moment before. */
  private async createOnce(list: string): Promise<boolean> {
    const create = () => this.exchange.invoke('New-DistributionGroup', { Name: list, RoomList: true }).then(() => undefined);
    try {
      await writeOnce(this.signal, async () => (await this.read(list)).state === 'room-list', create);
      return true;
    } catch (error) {
      // Another admin created it a moment ago: use it if it is a room list.
      if (!(error instanceof ExchangeCmdletError && ALREADY_EXISTS.test(error.message))) throw error;
      if ((await this.read(list)).state !== 'room-list') throw error;
      return false;
    }
  }
}
