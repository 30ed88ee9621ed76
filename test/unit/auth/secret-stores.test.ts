// The token cache's resting places: memory, and a file sealed with a passphrase by the same
// envelope as the secrets vault.
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passphraseFileSecretStore, TOKEN_CACHE_FORMAT } from '../../../main/auth/passphrase-file-store.ts';
import { memorySecretStore, SecretStoreError } from '../../../main/auth/secret-store.ts';
import { writeSecretVault } from '../../../main/workspace/secret-vault.ts';

const PASSPHRASE = 'a long enough cache passphrase';
const CACHE = JSON.stringify({ RefreshToken: { key: { secret: '1.SIMRT-refresh-token-value-0123456789' } } });
const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const text = (data: Uint8Array | undefined) => (data ? Buffer.from(data).toString('utf8') : undefined);

async function storeError(promise: Promise<unknown>): Promise<SecretStoreError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SecretStoreError);
  return error as SecretStoreError;
}

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'roomready-auth-store-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('memory store', () => {
  it('gives back what was stored until it is deleted, and keeps its own copy', async () => {
    const store = memorySecretStore();
    expect(await store.get()).toBeUndefined();
    const data = bytes(CACHE);
    await store.set(data);
    data.fill(0);
    expect(text(await store.get())).toBe(CACHE);
    await store.delete();
    expect(await store.get()).toBeUndefined();
  });
});

describe('passphrase-encrypted file store', () => {
  it('round-trips the cache through a file that holds none of it in clear', async () => {
    const path = join(directory, 'round-trip.cache');
    const store = passphraseFileSecretStore(path, PASSPHRASE);
    expect(await store.get()).toBeUndefined();
    await store.set(bytes(CACHE));
    const file = await readFile(path, 'utf8');
    expect(file).not.toContain('refresh-token-value');
    expect(file).not.toContain(Buffer.from(CACHE).toString('base64').slice(0, 16));
    expect(JSON.parse(file)).toMatchObject({ format: 'roomready-token-cache', version: 1, kdf: { name: 'scrypt' }, cipher: { name: 'aes-256-gcm' } });
    // A second store over the same file (a later run) reads it back.
    expect(text(await passphraseFileSecretStore(path, PASSPHRASE).get())).toBe(CACHE);
  });

  it.skipIf(process.platform === 'win32')('writes a file only its owner can read, and no temporary file stays behind', async () => {
    const path = join(directory, 'mode.cache');
    await passphraseFileSecretStore(path, PASSPHRASE).set(bytes(CACHE));
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await readdir(directory)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a wrong passphrase instead of starting an empty cache', async () => {
    const path = join(directory, 'wrong.cache');
    await passphraseFileSecretStore(path, PASSPHRASE).set(bytes(CACHE));
    const error = await storeError(passphraseFileSecretStore(path, 'another long passphrase').get());
    expect(error.problem).toBe('wrong-passphrase-or-altered');
    expect(error.message).toContain(path);
    expect(error.message).toContain('wrong passphrase');
    expect(error.message).not.toContain('refresh-token-value');
  });

  it('refuses an altered file', async () => {
    const path = join(directory, 'altered.cache');
    await passphraseFileSecretStore(path, PASSPHRASE).set(bytes(CACHE));
    const json = JSON.parse(await readFile(path, 'utf8'));
    const ciphertext = Buffer.from(json.ciphertext, 'base64');
    ciphertext[3] = ciphertext[3]! ^ 0x01;
    json.ciphertext = ciphertext.toString('base64');
    await writeFile(path, JSON.stringify(json));
    expect((await storeError(passphraseFileSecretStore(path, PASSPHRASE).get())).problem).toBe('wrong-passphrase-or-altered');
  });

  it('does not open a secrets vault as a token cache, though both use the same envelope', async () => {
    const path = join(directory, 'vault-as-cache.json');
    await writeSecretVault(path, { 'room@contoso.com': 'password' }, PASSPHRASE);
    expect((await storeError(passphraseFileSecretStore(path, PASSPHRASE).get())).problem).toBe('damaged');
  });

  it('refuses a short passphrase before anything is signed in or written', () => {
    const path = join(directory, 'weak.cache');
    expect(() => passphraseFileSecretStore(path, 'too short')).toThrow(/at least 12 characters/);
  });

  it('refuses a cache written by a newer RoomReady', async () => {
    const path = join(directory, 'newer.cache');
    await passphraseFileSecretStore(path, PASSPHRASE).set(bytes(CACHE));
    const json = JSON.parse(await readFile(path, 'utf8'));
    await writeFile(path, JSON.stringify({ ...json, version: TOKEN_CACHE_FORMAT.version + 1 }));
    expect((await storeError(passphraseFileSecretStore(path, PASSPHRASE).get())).problem).toBe('unsupported-version');
  });

  it('deletes its file, and deleting twice is fine', async () => {
    const path = join(directory, 'delete.cache');
    const store = passphraseFileSecretStore(path, PASSPHRASE);
    await store.set(bytes(CACHE));
    await store.delete();
    await store.delete();
    await expect(stat(path)).rejects.toThrow();
    expect(await store.get()).toBeUndefined();
  });
});
