// One way for RoomReady to encrypt bytes with a passphrase, shared by every file that needs it (the
// secrets vault, the CLI's opt-in token cache): AES-256-GCM with a key from scrypt, both from
// node:crypto. The header (format, version, KDF parameters, salt, IV, creation time) is
// authenticated as associated data, so changing any byte of it, of the tag or of the ciphertext
// makes the envelope fail to open.
//
//   {
//     "format": <the kind of file>, "version": <its version>, "createdAt": ISO 8601,
//     "kdf": { "name": "scrypt", "N": 32768, "r": 8, "p": 1, "salt": base64 (16 bytes) },
//     "cipher": { "name": "aes-256-gcm", "iv": base64 (12 bytes) },
//     "tag": base64 (16 bytes),
//     "ciphertext": base64
//   }
//
// Errors carry a problem code and no path: each caller words them for its own file.
import { createCipheriv, createDecipheriv, randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';
import { MIN_PASSPHRASE_LENGTH } from '../../shared/passphrase.ts';

export { MIN_PASSPHRASE_LENGTH };
/** What RoomReady writes: scrypt's interactive-login strength (32 MiB, about 0.1 s). */
export const ENVELOPE_KDF = { N: 2 ** 15, r: 8, p: 1 } as const;
// What RoomReady reads: at least what it writes and at most 256 MiB of scrypt memory, so a crafted
// file cannot make it allocate gigabytes before the authentication check.
const MAX_SCRYPT_MEMORY = 256 * 1024 * 1024;

const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

/** Which kind of file an envelope is; a file of another kind is refused as 'other-format'. */
export interface EnvelopeKind {
  format: string;
  version: number;
}

export type EnvelopeProblem = 'weak-passphrase' | 'other-format' | 'unsupported-version' | 'damaged' | 'wrong-passphrase-or-altered';

export class EnvelopeError extends Error {
  override readonly name = 'EnvelopeError';
  constructor(
    readonly problem: EnvelopeProblem,
    message: string,
    /** For 'unsupported-version': the version the file says it has. */
    readonly foundVersion?: number,
  ) {
    super(message);
  }
}

export function isLongEnoughPassphrase(passphrase: string): boolean {
  return [...passphrase.normalize('NFC')].length >= MIN_PASSPHRASE_LENGTH;
}

// One character class and a length rule, not a pattern of 4-character groups: V8 runs the grouped
// pattern recursively and overflows its stack on megabytes of ciphertext (a 300-room package).
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const isBase64 = (text: string) => text.length % 4 === 0 && BASE64.test(text);
// Kept as text: the associated data covers the base64 exactly as written.
const base64Text = (length?: number) =>
  z
    .string()
    .refine(isBase64, 'must be base64')
    .refine((text) => length === undefined || Buffer.from(text, 'base64').length === length);

const powerOfTwo = (value: number) => (value & (value - 1)) === 0;

const EnvelopeSchema = z.object({
  format: z.string(),
  version: z.number(),
  createdAt: z.string(),
  kdf: z
    .object({
      name: z.literal('scrypt'),
      N: z.number().int().min(ENVELOPE_KDF.N).refine(powerOfTwo),
      r: z.number().int().min(ENVELOPE_KDF.r).max(32),
      p: z.number().int().min(1).max(16),
      salt: base64Text(SALT_BYTES),
    })
    .refine((kdf) => 128 * kdf.N * kdf.r <= MAX_SCRYPT_MEMORY),
  cipher: z.object({ name: z.literal('aes-256-gcm'), iv: base64Text(IV_BYTES) }),
  tag: base64Text(TAG_BYTES),
  ciphertext: base64Text(),
});

/** A sealed envelope as written (JSON): its header, tag and ciphertext. */
export interface SealedEnvelope extends Header {
  tag: string;
  ciphertext: string;
}

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

/** Encrypts `plaintext` under `passphrase`; returns the envelope as the text of a file. Fresh salt and IV every time. */
export async function sealWithPassphrase(kind: EnvelopeKind, plaintext: Uint8Array, passphrase: string, now: Date = new Date()): Promise<string> {
  if (!isLongEnoughPassphrase(passphrase)) {
    throw new EnvelopeError('weak-passphrase', `The passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters.`);
  }
  const header: Header = {
    format: kind.format,
    version: kind.version,
    createdAt: now.toISOString(),
    kdf: { name: 'scrypt', ...ENVELOPE_KDF, salt: randomBytes(SALT_BYTES).toString('base64') },
    cipher: { name: 'aes-256-gcm', iv: randomBytes(IV_BYTES).toString('base64') },
  };
  const key = await deriveKey(passphrase, Buffer.from(header.kdf.salt, 'base64'), header.kdf);
  let ciphertext: Buffer;
  let tag: Buffer;
  try {
    const cipher = createCipheriv('aes-256-gcm', key, Buffer.from(header.cipher.iv, 'base64'), { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedData(header));
    ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    tag = cipher.getAuthTag();
  } finally {
    key.fill(0);
  }
  return `${JSON.stringify({ ...header, tag: tag.toString('base64'), ciphertext: ciphertext.toString('base64') }, null, 2)}\n`;
}

/**
 * Decrypts an envelope of `kind`. The caller should zero the returned buffer once it has parsed it.
 * Every failure is an EnvelopeError; a wrong passphrase and an altered file look the same on purpose.
 */
export async function openWithPassphrase(kind: EnvelopeKind, text: string, passphrase: string): Promise<Buffer> {
  const damaged = () => new EnvelopeError('damaged', 'the file is incomplete or was altered');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw damaged();
  }
  const object = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  if (object.format !== kind.format) throw new EnvelopeError('other-format', `it is not a ${kind.format} file, or it was altered`);
  if (typeof object.version === 'number' && object.version > kind.version) {
    throw new EnvelopeError('unsupported-version', `it has ${kind.format} version ${object.version}; this RoomReady reads up to ${kind.version}`, object.version);
  }
  const parsed = EnvelopeSchema.safeParse(json);
  if (!parsed.success || parsed.data.version !== kind.version) throw damaged();
  const envelope = parsed.data;

  let key: Buffer;
  try {
    key = await deriveKey(passphrase, Buffer.from(envelope.kdf.salt, 'base64'), envelope.kdf);
  } catch {
    throw damaged();
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(envelope.cipher.iv, 'base64'), { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(envelope));
    decipher.setAuthTag(Buffer.from(envelope.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(envelope.ciphertext, 'base64')), decipher.final()]);
  } catch {
    // GCM cannot tell a wrong key from altered data, and saying which would help an attacker.
    throw new EnvelopeError('wrong-passphrase-or-altered', 'wrong passphrase or the file was altered');
  } finally {
    key.fill(0);
  }
}
