// A site's room passwords, kept in main only. At rest they go through the host's secret store
// (safeStorage in the app) as encrypted JSON; when the store refuses (only basic_text on this
// machine), they are kept for this session only, and the caller says so: never in plain text.
import { z } from 'zod';
import { SecretStoreError, type SecretStore } from '../auth/secret-store.ts';

const StoredSchema = z.object({ format: z.literal('roomready-room-passwords'), version: z.literal(1), passwords: z.record(z.string(), z.string()) });

export const SESSION_ONLY_WARNING =
  'This computer cannot encrypt secrets for RoomReady (no keyring is available), so the password is kept only until RoomReady closes; keep it somewhere safe or export an installer package.';

export class SitePasswords {
  private readonly byUpn = new Map<string, string>();
  /** True once the store refused: nothing more is written to it. */
  private sessionOnly = false;

  private constructor(
    private store: SecretStore,
    private readonly log: (message: string) => void,
  ) {}

  static async load(store: SecretStore, log: (message: string) => void): Promise<SitePasswords> {
    const passwords = new SitePasswords(store, log);
    let bytes: Uint8Array | undefined;
    try {
      bytes = await store.get();
    } catch (error) {
      if (!(error instanceof SecretStoreError)) throw error;
      log(`The site's stored room passwords cannot be read (${error.problem}); passwords set now are kept for this session only.`);
      passwords.sessionOnly = error.problem === 'encryption-unavailable';
      return passwords;
    }
    if (bytes === undefined) return passwords;
    try {
      const parsed = StoredSchema.safeParse(JSON.parse(Buffer.from(bytes).toString('utf8')));
      if (parsed.success) for (const [upn, password] of Object.entries(parsed.data.passwords)) passwords.byUpn.set(upn.toLowerCase(), password);
      else log("The site's stored room passwords are not in the expected shape; they are ignored.");
    } catch {
      log("The site's stored room passwords are damaged; they are ignored.");
    } finally {
      bytes.fill(0);
    }
    return passwords;
  }

  has(upn: string): boolean {
    return this.byUpn.has(upn.toLowerCase());
  }

  get(upn: string): string | undefined {
    return this.byUpn.get(upn.toLowerCase());
  }

  /** Keeps the passwords; returns a warning when they could not be kept beyond this session. */
  async set(entries: ReadonlyArray<readonly [string, string]>): Promise<string | undefined> {
    for (const [upn, password] of entries) this.byUpn.set(upn.toLowerCase(), password);
    return this.persist();
  }

  async remove(upns: readonly string[]): Promise<void> {
    let removed = false;
    for (const upn of upns) removed = this.byUpn.delete(upn.toLowerCase()) || removed;
    if (removed) await this.persist();
  }

  /** The site got a new key (saved under a new name): the passwords move to the new store. */
  async moveTo(store: SecretStore): Promise<string | undefined> {
    const old = this.store;
    this.store = store;
    const warning = await this.persist();
    if (!warning) await old.delete().catch(() => undefined);
    return warning;
  }

  private async persist(): Promise<string | undefined> {
    if (this.sessionOnly) return SESSION_ONLY_WARNING;
    const bytes = Buffer.from(JSON.stringify({ format: 'roomready-room-passwords', version: 1, passwords: Object.fromEntries(this.byUpn) }), 'utf8');
    try {
      await this.store.set(bytes);
      return undefined;
    } catch (error) {
      if (!(error instanceof SecretStoreError)) throw error;
      this.sessionOnly = true;
      this.log(`Room passwords are kept for this session only: the secret store refused them (${error.problem}).`);
      return SESSION_ONLY_WARNING;
    } finally {
      bytes.fill(0);
    }
  }
}
