// The passwords RoomReady generates reach the admin (and the installer) only inside a file
// encrypted with a passphrase: AES-256-GCM with a key from scrypt, both from node:crypto. The
// header (format, version, KDF parameters, salt, IV, creation time) is authenticated as associated
// data, so changing any byte of it, of the tag or of the ciphertext makes the file fail to open.
//
//   {
//     "format": "roomready-secrets", "version": 1, "createdAt": ISO 8601,
//     "kdf": { "name": "scrypt", "N": 32768, "r": 8, "p": 1, "salt": base64 (16 bytes) },
//     "cipher": { "name": "aes-256-gcm", "iv": base64 (12 bytes) },
//     "tag": base64 (16 bytes),
//     "ciphertext": base64 of the encrypted JSON { "secrets": { upn: password } }
//   }
import { createCipheriv, createDecipheriv, randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomically, type AtomicWriteFs } from './atomic-write.ts';
import { describeFsError } from './fs-errors.ts';

export const VAULT_FORMAT = 'roomready-secrets';
export const VAULT_VERSION = 1;
export const MIN_PASSPHRASE_LENGTH = 12;
/** What RoomReady writes: scrypt's interactive-login strength (32 MiB, about 0.1 s). */
export const VAULT_KDF = { N: 2 ** 15, r: 8, p: 1 } as const;
// What RoomReady reads: at least what it writes and at most 256 MiB of scrypt memory, so a crafted
// file cannot make it allocate gigabytes before the authentication check.
const MAX_SCRYPT_MEMORY = 256 * 1024 * 1024;

const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

export type SecretVaultProblem = 'unreadable' | 'not-a-vault' | 'unsupported-version' | 'damaged' | 'wrong-passphrase-or-altered' | 'weak-passphrase' | 'write-failed';

export class SecretVaultError extends Error {
  override readonly name = 'SecretVaultError';
  constructor(
    readonly path: string,
    readonly problem: SecretVaultProblem,
    message: string,
  ) {
    super(message);
  }
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
// Kept as text: the associated data covers the base64 exactly as written.
const base64Text = (length?: number) =>
  z
    .string()
    .regex(BASE64)
    .refine((text) => length === undefined || Buffer.from(text, 'base64').length === length);

const powerOfTwo = (value: number) => (value & (value - 1)) === 0;

const VaultFileSchema = z.object({
  format: z.literal(VAULT_FORMAT),
  version: z.literal(VAULT_VERSION),
  createdAt: z.string(),
  kdf: z
    .object({
      name: z.literal('scrypt'),
      N: z.number().int().min(VAULT_KDF.N).refine(powerOfTwo),
      r: z.number().int().min(VAULT_KDF.r).max(32),
      p: z.number().int().min(1).max(16),
      salt: base64Text(SALT_BYTES),
    })
    .refine((kdf) => 128 * kdf.N * kdf.r <= MAX_SCRYPT_MEMORY),
  cipher: z.object({ name: z.literal('aes-256-gcm'), iv: base64Text(IV_BYTES) }),
  tag: base64Text(TAG_BYTES),
  ciphertext: base64Text(),
});

const PlaintextSchema = z.object({ secrets: z.record(z.string().min(1), z.string()) });

interface Header {
  format: string;
  version: number;
  createdAt: string;
  kdf: { name: string; N: number; r: number; p: number; salt: string };
  cipher: { name: string; iv: string };
}

/** The associated data: every header field, in a fixed order, so JSON key order does not matter. */
function associatedData(header: Header): Buffer {
  const { format, version, createdAt, kdf, cipher } = header;
  return Buffer.from(
    JSON.stringify([format, version, createdAt, kdf.name, kdf.N, kdf.r, kdf.p, kdf.salt, cipher.name, cipher.iv]),
    'utf8',
  );
}

function deriveKey(passphrase: string, salt: Buffer, kdf: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 128 * kdf.N * kdf.r + 1024 * 1024 };
  // NFC: the same passphrase typed on different keyboards may arrive composed or decomposed.
  const secret = Buffer.from(passphrase.normalize('NFC'), 'utf8');
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, KEY_BYTES, options, (error, key) => {
      secret.fill(0);
      if (error) reject(error);
      else resolve(key);
    });
  });
}

export interface WriteVaultOptions {
  now?: Date;
  fs?: AtomicWriteFs;
}

/** Encrypts { upn: password } into `path` (atomically, readable by the owner only). */
export async function writeSecretVault(
  path: string,
  secrets: Readonly<Record<string, string>>,
  passphrase: string,
  options: WriteVaultOptions = {},
): Promise<void> {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH) {
    throw new SecretVaultError(path, 'weak-passphrase', `The passphrase for ${path} must have at least ${MIN_PASSPHRASE_LENGTH} characters.`);
  }
  const header: Header = {
    format: VAULT_FORMAT,
    version: VAULT_VERSION,
    createdAt: (options.now ?? new Date()).toISOString(),
    kdf: { name: 'scrypt', ...VAULT_KDF, salt: randomBytes(SALT_BYTES).toString('base64') },
    cipher: { name: 'aes-256-gcm', iv: randomBytes(IV_BYTES).toString('base64') },
  };
  const key = await deriveKey(passphrase, Buffer.from(header.kdf.salt, 'base64'), header.kdf);
  const plaintext = Buffer.from(JSON.stringify({ secrets }), 'utf8');
  let ciphertext: Buffer;
  let tag: Buffer;
  try {
    const cipher = createCipheriv('aes-256-gcm', key, Buffer.from(header.cipher.iv, 'base64'), { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedData(header));
    ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    tag = cipher.getAuthTag();
  } finally {
    key.fill(0);
    plaintext.fill(0);
  }
  const file = {
    ...header,
    tag: tag.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
  try {
    await writeFileAtomically(path, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600, fs: options.fs });
  } catch (error) {
    throw new SecretVaultError(path, 'write-failed', `Could not save ${path}: ${describeFsError(error)}. The previous file, if any, is unchanged.`);
  }
}

/** Decrypts a vault. Every failure is a SecretVaultError whose message a person can act on. */
export async function readSecretVault(path: string, passphrase: string): Promise<Record<string, string>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new SecretVaultError(path, 'unreadable', `Could not open ${path}: ${describeFsError(error)}.`);
  }
  const damaged = () =>
    new SecretVaultError(path, 'damaged', `Could not open ${path}: the file is incomplete or was altered (it is not a whole RoomReady secrets file).`);

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw damaged();
  }
  const object = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  if (object.format !== VAULT_FORMAT) {
    throw new SecretVaultError(path, 'not-a-vault', `${path} is not a RoomReady secrets file, or it was altered.`);
  }
  if (typeof object.version === 'number' && object.version > VAULT_VERSION) {
    throw new SecretVaultError(
      path,
      'unsupported-version',
      `${path} was written by a newer RoomReady (secrets format ${object.version}); this version reads up to ${VAULT_VERSION} — update RoomReady.`,
    );
  }
  const parsed = VaultFileSchema.safeParse(json);
  if (!parsed.success) throw damaged();
  const vault = parsed.data;

  let key: Buffer;
  try {
    key = await deriveKey(passphrase, Buffer.from(vault.kdf.salt, 'base64'), vault.kdf);
  } catch {
    throw damaged();
  }
  let plaintext: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(vault.cipher.iv, 'base64'), { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(vault));
    decipher.setAuthTag(Buffer.from(vault.tag, 'base64'));
    plaintext = Buffer.concat([decipher.update(Buffer.from(vault.ciphertext, 'base64')), decipher.final()]);
  } catch {
    // GCM cannot tell a wrong key from altered data, and saying which would help an attacker.
    throw new SecretVaultError(path, 'wrong-passphrase-or-altered', `Could not open ${path}: wrong passphrase or the file was altered.`);
  } finally {
    key.fill(0);
  }
  try {
    const content = PlaintextSchema.safeParse(JSON.parse(plaintext.toString('utf8')));
    if (!content.success) throw damaged();
    return content.data.secrets;
  } catch {
    throw damaged();
  } finally {
    plaintext.fill(0);
  }
}
