// The cache plugin with MSAL's own token cache: what a store holds is what MSAL sees, and what MSAL
// changes reaches the store — read once per client, written in order.
import { PublicClientApplication } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import { memorySecretStore, SecretStoreError, type SecretStore } from '../../../main/auth/secret-store.ts';
import { tokenCachePlugin } from '../../../main/auth/token-cache-plugin.ts';

/** A cache as MSAL Node serialises it, with one account. */
function serializedCache(username: string, homeAccountId: string): string {
  const [, tenant] = homeAccountId.split('.');
  return JSON.stringify({
    Account: {
      [`${homeAccountId}-login.microsoftonline.com-${tenant}`]: {
        home_account_id: homeAccountId,
        environment: 'login.microsoftonline.com',
        realm: tenant,
        local_account_id: homeAccountId.split('.')[0],
        username,
        authority_type: 'MSSTS',
        name: username.split('@')[0],
      },
    },
    IdToken: {},
    AccessToken: {},
    RefreshToken: {},
    AppMetadata: {},
  });
}

/** A store that counts its calls, around a real memory store. */
function countingStore(inner: SecretStore = memorySecretStore()) {
  const calls = { get: 0, set: 0 };
  const store: SecretStore = {
    get: () => {
      calls.get++;
      return inner.get();
    },
    set: (data) => {
      calls.set++;
      return inner.set(data);
    },
    delete: () => inner.delete(),
  };
  return { store, calls, inner };
}

const client = (store: SecretStore) => new PublicClientApplication({ auth: { clientId: 'roomready-test' }, cache: { cachePlugin: tokenCachePlugin(store) } });

describe('token cache plugin', () => {
  it('gives MSAL the accounts the store holds, reading the store once per client', async () => {
    const { store, calls, inner } = countingStore();
    await inner.set(Buffer.from(serializedCache('admin@contoso.com', 'uid-1.tenant-1')));
    const msal = client(store);
    const first = await msal.getTokenCache().getAllAccounts();
    const second = await msal.getTokenCache().getAllAccounts();
    expect(first.map((account) => account.homeAccountId)).toEqual(['uid-1.tenant-1']);
    expect(second).toHaveLength(1);
    expect(calls.get).toBe(1);
    expect(calls.set).toBe(0); // reading changes nothing, so nothing is written
  });

  it('saves what MSAL changed: a removed account is gone for the next client', async () => {
    const { store, calls, inner } = countingStore();
    await inner.set(Buffer.from(serializedCache('admin@contoso.com', 'uid-2.tenant-2')));
    const msal = client(store);
    const [account] = await msal.getTokenCache().getAllAccounts();
    await msal.getTokenCache().removeAccount(account!);
    expect(calls.set).toBe(1);
    expect(await client(store).getTokenCache().getAllAccounts()).toEqual([]);
  });

  it("keeps the accounts through MSAL's overwrite before each silent lookup (which clears its memory)", async () => {
    const { store, calls, inner } = countingStore();
    await inner.set(Buffer.from(serializedCache('admin@contoso.com', 'uid-4.tenant-4')));
    const msal = client(store);
    // What acquireTokenSilent does first: clear the in-memory cache and ask the plugin for the persisted one.
    await (msal.getTokenCache() as unknown as { overwriteCache(): Promise<void> }).overwriteCache();
    expect((await msal.getTokenCache().getAllAccounts()).map((account) => account.homeAccountId)).toEqual(['uid-4.tenant-4']);
    expect(calls.get).toBe(1);
  });

  it('starts empty with an empty store', async () => {
    expect(await client(memorySecretStore()).getTokenCache().getAllAccounts()).toEqual([]);
  });

  it('passes a store failure through, and tries the store again next time', async () => {
    const inner = memorySecretStore();
    await inner.set(Buffer.from(serializedCache('admin@contoso.com', 'uid-3.tenant-3')));
    let locked = true;
    const store: SecretStore = {
      get: () => (locked ? Promise.reject(new SecretStoreError('encryption-unavailable', 'keyring locked')) : inner.get()),
      set: (data) => inner.set(data),
      delete: () => inner.delete(),
    };
    const msal = client(store);
    await expect(msal.getTokenCache().getAllAccounts()).rejects.toThrow('keyring locked');
    locked = false;
    expect(await msal.getTokenCache().getAllAccounts()).toHaveLength(1);
  });

  it('writes snapshots in the order MSAL produced them, even when a store is slow', async () => {
    const written: string[] = [];
    const delays = [30, 0];
    const store: SecretStore = {
      get: async () => Buffer.from(JSON.stringify({ Account: {}, IdToken: {}, AccessToken: {}, RefreshToken: {}, AppMetadata: {} })),
      set: async (data) => {
        await new Promise((resolve) => setTimeout(resolve, delays.shift() ?? 0));
        written.push(Buffer.from(data).toString('utf8'));
      },
      delete: async () => undefined,
    };
    const plugin = tokenCachePlugin(store);
    const snapshots = ['{"n":1}', '{"n":2}'];
    const context = (snapshot: string) => ({ cacheHasChanged: true, tokenCache: { serialize: () => snapshot, deserialize: () => undefined } }) as never;
    await Promise.all(snapshots.map((snapshot) => plugin.afterCacheAccess(context(snapshot))));
    expect(written).toEqual(snapshots);
  });
});
