// MSAL keeps its token cache in memory and treats the plugin's copy as the truth: before every
// silent lookup it clears its memory and expects beforeCacheAccess to deserialize the persisted
// cache again (TokenCache.overwriteCache). So this plugin hands MSAL the last persisted state every
// time, and saves whatever MSAL changed. It reads the SecretStore only once per MSAL client and
// keeps that text in memory: RoomReady is the only writer while a client lives, and reading the
// store on every access would decrypt (scrypt, about 0.1 s) before each of hundreds of Graph calls.
import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import type { SecretStore } from './secret-store.ts';

export function tokenCachePlugin(store: SecretStore): ICachePlugin {
  /** The cache as last loaded or saved; undefined until loaded, '' when the store was empty. */
  let persisted: string | undefined;
  let loading: Promise<string> | undefined;
  // Saves run one after another, in the order MSAL finished with the cache, so an older snapshot
  // can never land after a newer one.
  let saving: Promise<void> = Promise.resolve();

  async function load(): Promise<string> {
    loading ??= store.get().then(
      (data) => (data ? Buffer.from(data).toString('utf8') : ''),
      (error: unknown) => {
        loading = undefined; // a wrong passphrase or a locked keyring may be fixed and retried
        throw error;
      },
    );
    return loading;
  }

  return {
    async beforeCacheAccess(context: TokenCacheContext) {
      persisted ??= await load();
      if (persisted !== '') context.tokenCache.deserialize(persisted);
    },
    async afterCacheAccess(context: TokenCacheContext) {
      if (!context.cacheHasChanged) return;
      const text = context.tokenCache.serialize();
      persisted = text;
      const snapshot = Buffer.from(text, 'utf8');
      const save = saving.then(() => store.set(snapshot)).finally(() => snapshot.fill(0));
      saving = save.catch(() => undefined);
      await save;
    },
  };
}
