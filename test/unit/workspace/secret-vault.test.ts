import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSecretVault, SecretVaultError, writeSecretVault } from '../../../main/workspace/secret-vault.ts';
import type { SealedEnvelope } from '../../../main/workspace/passphrase-envelope.ts';

const PASSPHRASE = 'correct horse battery staple';
const SECRETS = {
  'room-1@contoso.com': 'Qm7#vK2!pX9=wR4?tZ6@',
  'salle-etoile@contoso.com': 'Hb3%nY8+cJ5-fL2_dG7.',
  'room-3@contoso.com': 'unusual "quoted" ünïcode ✓',
};

let directory: string;
let vaultPath: string;
let original: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'roomready-vault-'));
  vaultPath = join(directory, 'hq.secrets.json');
  await writeSecretVault(vaultPath, SECRETS, PASSPHRASE);
  original = await readFile(vaultPath, 'utf8');
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>): Promise<SecretVaultError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SecretVaultError) return error;
    throw error;
  }
  throw new Error('expected a SecretVaultError');
}

/** Writes a copy of the vault changed by `edit` and tries to open it with the right passphrase. */
async function openTampered(name: string, edit: (json: SealedEnvelope) => void): Promise<SecretVaultError> {
  const json = JSON.parse(original) as SealedEnvelope;
  edit(json);
  const path = join(directory, `${name}.secrets.json`);
  await writeFile(path, JSON.stringify(json));
  return rejection(readSecretVault(path, PASSPHRASE));
}

/** Flips one bit of one byte of a base64 field. */
function flipByte(base64: string, index = 0): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[index] = bytes[index]! ^ 0x01;
  return bytes.toString('base64');
}

describe('round trip', () => {
  it('decrypts what it encrypted', async () => {
    expect(await readSecretVault(vaultPath, PASSPHRASE)).toEqual(SECRETS);
  });

  it('accepts the passphrase whether typed composed or decomposed (NFC)', async () => {
    const path = join(directory, 'nfc.secrets.json');
    await writeSecretVault(path, { a: 'b' }, 'Passphrase für Räume');
    expect(await readSecretVault(path, 'Passphrase fu\u0308r Ra\u0308ume')).toEqual({ a: 'b' });
  });

  it('uses a fresh salt and IV every time', async () => {
    const path = join(directory, 'again.secrets.json');
    await writeSecretVault(path, SECRETS, PASSPHRASE);
    const [first, second] = [JSON.parse(original), JSON.parse(await readFile(path, 'utf8'))];
    expect(second.kdf.salt).not.toBe(first.kdf.salt);
    expect(second.cipher.iv).not.toBe(first.cipher.iv);
    expect(second.ciphertext).not.toBe(first.ciphertext);
  });
});

describe('at rest', () => {
  it('contains no password or UPN in plain text, nor in base64', () => {
    for (const [upn, password] of Object.entries(SECRETS)) {
      for (const secret of [upn, password, 'contoso']) {
        expect(original).not.toContain(secret);
        expect(original).not.toContain(Buffer.from(secret).toString('base64').slice(0, 12));
      }
    }
  });

  it('records the algorithm and parameters in the header', () => {
    const json = JSON.parse(original);
    expect(json).toMatchObject({ format: 'roomready-secrets', version: 1, kdf: { name: 'scrypt', N: 32768, r: 8, p: 1 }, cipher: { name: 'aes-256-gcm' } });
    expect(Buffer.from(json.kdf.salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(json.cipher.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(json.tag, 'base64')).toHaveLength(16);
  });

  it.skipIf(process.platform === 'win32')('is readable by its owner only', async () => {
    expect((await stat(vaultPath)).mode & 0o777).toBe(0o600);
  });

  it('leaves no temporary file behind', async () => {
    expect((await readdir(directory)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('refusals', () => {
  const ALTERED = /wrong passphrase or the file was altered|incomplete or was altered/;

  it('refuses a wrong passphrase with a plain sentence, not a crypto error', async () => {
    const error = await rejection(readSecretVault(vaultPath, 'correct horse battery stapler'));
    expect(error.problem).toBe('wrong-passphrase-or-altered');
    expect(error.message).toBe(`Could not open ${vaultPath}: wrong passphrase or the file was altered.`);
    expect(error.message).not.toMatch(/Unsupported state|auth/i);
  });

  it.each([
    ['ciphertext', (json: SealedEnvelope) => { json.ciphertext = flipByte(json.ciphertext, 5); }],
    ['tag', (json: SealedEnvelope) => { json.tag = flipByte(json.tag); }],
    ['iv', (json: SealedEnvelope) => { json.cipher.iv = flipByte(json.cipher.iv); }],
    ['salt', (json: SealedEnvelope) => { json.kdf.salt = flipByte(json.kdf.salt); }],
    ['header (createdAt, covered only by the associated data)', (json: SealedEnvelope) => { json.createdAt = json.createdAt.replace(/.$/, 'X'); }],
    ['header (scrypt N)', (json: SealedEnvelope) => { json.kdf.N = 65536; }],
  ])('detects one changed byte of the %s', async (_part, edit) => {
    const error = await openTampered(String(_part).split(' ')[0]!, edit);
    expect(error.problem).toBe('wrong-passphrase-or-altered');
    expect(error.message).toMatch(ALTERED);
  });

  it('detects a truncated file', async () => {
    const path = join(directory, 'truncated.secrets.json');
    await writeFile(path, original.slice(0, Math.floor(original.length * 0.8)));
    const error = await rejection(readSecretVault(path, PASSPHRASE));
    expect(error.problem).toBe('damaged');
    expect(error.message).toMatch(ALTERED);
  });

  it('detects a ciphertext cut short but still valid base64', async () => {
    const error = await openTampered('short', (json) => {
      json.ciphertext = Buffer.from(json.ciphertext, 'base64').subarray(0, 8).toString('base64');
    });
    expect(error.problem).toBe('wrong-passphrase-or-altered');
  });

  it('refuses KDF parameters outside what RoomReady writes, before spending memory on them', async () => {
    const weak = await openTampered('weak', (json) => { json.kdf.N = 1024; });
    expect(weak.problem).toBe('damaged');
    const huge = await openTampered('huge', (json) => { json.kdf.N = 2 ** 24; });
    expect(huge.problem).toBe('damaged');
  });

  it('refuses a newer format and a file that is not a vault', async () => {
    expect((await openTampered('newer', (json) => { json.version = 2; })).message).toContain('written by a newer RoomReady (secrets format 2)');
    expect((await openTampered('other', (json) => { json.format = 'something'; })).problem).toBe('not-a-vault');
  });

  it('requires a passphrase of at least 12 characters', async () => {
    const path = join(directory, 'short-passphrase.secrets.json');
    const error = await rejection(writeSecretVault(path, SECRETS, 'short pass'));
    expect(error.problem).toBe('weak-passphrase');
    expect(error.message).toContain('at least 12 characters');
    await expect(stat(path)).rejects.toThrow();
  });

  it('names a file it cannot find', async () => {
    const path = join(directory, 'nowhere.secrets.json');
    expect((await rejection(readSecretVault(path, PASSPHRASE))).message).toBe(`Could not open ${path}: it does not exist.`);
  });
});
