// The app's token cache through Electron's safeStorage, with a stand-in safeStorage that really
// encrypts (AES-GCM under a key of its own, as the OS keyring would) so a wrong decryption fails.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeStorageProblem, safeStorageSecretStore, type SafeStorageLike } from '../../../main/auth/safe-storage-store.ts';
import { SecretStoreError } from '../../../main/auth/secret-store.ts';

function osKeyring(backend: string | undefined, available = true): SafeStorageLike & { encryptions: number } {
  const key = randomBytes(32);
  const keyring = {
    encryptions: 0,
    isEncryptionAvailable: () => available,
    encryptString(plainText: string) {
      keyring.encryptions++;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(encrypted: Buffer) {
      const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
    },
    ...(backend === undefined ? {} : { getSelectedStorageBackend: () => backend }),
  };
  return keyring;
}

const CACHE = Buffer.from(JSON.stringify({ AccessToken: { k: { secret: 'eyJhbGciOi.access-token-body.signature' } } }), 'utf8');

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'roomready-safe-storage-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function refusal(promise: Promise<unknown>): Promise<SecretStoreError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SecretStoreError);
  return error as SecretStoreError;
}

describe('safeStorage store', () => {
  it('refuses to persist with the basic_text backend, and writes nothing', async () => {
    const path = join(directory, 'basic-text.bin');
    const keyring = osKeyring('basic_text');
    const error = await refusal(safeStorageSecretStore(keyring, path).set(CACHE));
    expect(error.problem).toBe('encryption-unavailable');
    expect(error.message).toMatch(/basic_text/);
    expect(error.message).toMatch(/keyring/);
    expect(keyring.encryptions).toBe(0);
    await expect(stat(path)).rejects.toThrow();
  });

  it('refuses when the operating system offers no encryption', async () => {
    const path = join(directory, 'unavailable.bin');
    const error = await refusal(safeStorageSecretStore(osKeyring(undefined, false), path).set(CACHE));
    expect(error.message).toMatch(/no encryption|unavailable/);
    await expect(stat(path)).rejects.toThrow();
    expect(safeStorageProblem(osKeyring('gnome_libsecret'))).toBeUndefined();
    expect(safeStorageProblem(osKeyring(undefined))).toBeUndefined();
  });

  it('round-trips through encryption into a file that holds no token in clear', async () => {
    const path = join(directory, 'round-trip.bin');
    const keyring = osKeyring('gnome_libsecret');
    const store = safeStorageSecretStore(keyring, path);
    expect(await store.get()).toBeUndefined();
    await store.set(CACHE);
    expect(keyring.encryptions).toBe(1);
    const file = await readFile(path);
    expect(file.includes(Buffer.from('access-token-body'))).toBe(false);
    expect(file.includes(Buffer.from(CACHE.toString('base64').slice(0, 16)))).toBe(false);
    expect(Buffer.from((await safeStorageSecretStore(keyring, path).get())!)).toEqual(CACHE);
  });

  it.skipIf(process.platform === 'win32')('writes the file atomically with mode 0600', async () => {
    const path = join(directory, 'mode.bin');
    await safeStorageSecretStore(osKeyring(undefined), path).set(CACHE);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await readdir(directory)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('does not read a cache encrypted by another keyring (another user or machine)', async () => {
    const path = join(directory, 'other-keyring.bin');
    await safeStorageSecretStore(osKeyring(undefined), path).set(CACHE);
    const error = await refusal(safeStorageSecretStore(osKeyring(undefined), path).get());
    expect(error.problem).toBe('wrong-passphrase-or-altered');
    expect(error.message).toContain(path);
  });

  it('does not decrypt an existing file when the keyring became basic_text', async () => {
    const path = join(directory, 'became-basic.bin');
    await writeFile(path, Buffer.from('anything'));
    expect((await refusal(safeStorageSecretStore(osKeyring('basic_text'), path).get())).problem).toBe('encryption-unavailable');
  });

  it('deletes its file', async () => {
    const path = join(directory, 'delete.bin');
    const store = safeStorageSecretStore(osKeyring(undefined), path);
    await store.set(CACHE);
    await store.delete();
    expect(await store.get()).toBeUndefined();
  });
});
