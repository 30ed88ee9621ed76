// Security groups by display name, looked up once per run rather than once per room: a site's rooms
// usually share one conditional-access exclusion group. RoomReady never guesses: a name no group has,
// or that several groups share, is reported as such. Membership is read per room (transitively: a
// room in a group nested in the excluded one is excluded too, as conditional access evaluates it),
// written only when missing, and not repeated blindly after a lost connection: the ledger looks first.
import { GraphRequestError, type GraphGateway } from '../tenant/types.ts';
import { writeOnce } from './write-once.ts';

export type GroupLookup = { state: 'missing' } | { state: 'found'; id: string } | { state: 'ambiguous'; count: number };

/** Graph's answer to adding a member that is there already. */
const ALREADY_MEMBER = /already exist/i;

export class GroupLedger {
  private readonly lookups = new Map<string, Promise<GroupLookup>>();

  constructor(
    private readonly graph: GraphGateway,
    /** The run's cancellation: no write leaves once it fires. */
    private readonly signal?: AbortSignal,
  ) {}

  /** The group with this display name (read once per run; a failed read is not kept). */
  lookup(name: string): Promise<GroupLookup> {
    const key = name.toLowerCase();
    let promise = this.lookups.get(key);
    if (!promise) {
      promise = this.read(name);
      this.lookups.set(key, promise);
      promise.catch(() => {
        if (this.lookups.get(key) === promise) this.lookups.delete(key);
      });
    }
    return promise;
  }

  async isMember(groupId: string, userId: string): Promise<boolean> {
    const { groupIds } = await this.graph.userMemberships(userId);
    return groupIds.some((id) => id.toLowerCase() === groupId.toLowerCase());
  }

  /** Adds the user; an add that Graph says is there already (an earlier, interrupted attempt) is the state wanted. */
  async addMember(groupId: string, userId: string): Promise<void> {
    await writeOnce(
      this.signal,
      () => this.isMember(groupId, userId),
      async () => {
        try {
          await this.graph.addGroupMember(groupId, userId);
        } catch (error) {
          if (!(error instanceof GraphRequestError && error.status === 400 && ALREADY_MEMBER.test(error.message))) throw error;
        }
      },
    );
  }

  private async read(name: string): Promise<GroupLookup> {
    const groups = await this.graph.findGroupsByName(name);
    if (groups.length === 0) return { state: 'missing' };
    if (groups.length > 1) return { state: 'ambiguous', count: groups.length };
    return { state: 'found', id: groups[0]!.id };
  }
}
