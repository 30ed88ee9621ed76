// The passwords RoomReady generates reach the admin (and the installer) only inside a file
// encrypted with a passphrase. The encryption (AES-256-GCM, key from scrypt, authenticated header)
// is the shared passphrase envelope (passphrase-envelope.ts); this module gives it the vault's
// format name, its plaintext ({ "secrets": { upn: password } }) and messages about the vault file.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomically, type AtomicWriteFs } from './atomic-write.ts';
import { describeFsError } from './fs-errors.ts';
import { EnvelopeError, ENVELOPE_KDF, isLongEnoughPassphrase, MIN_PASSPHRASE_LENGTH, openWithPassphrase, sealWithPassphrase } from './passphrase-envelope.ts';

export const VAULT_FORMAT = 'roomready-secrets';
export const VAULT_VERSION = 1;
export { MIN_PASSPHRASE_LENGTH };
/** What RoomReady writes: scrypt's interactive-login strength (32 MiB, about 0.1 s). */
export const VAULT_KDF = ENVELOPE_KDF;

const VAULT = { format: VAULT_FORMAT, version: VAULT_VERSION } as const;

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

const PlaintextSchema = z.object({ secrets: z.record(z.string().min(1), z.string()) });

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
  if (!isLongEnoughPassphrase(passphrase)) {
    throw new SecretVaultError(path, 'weak-passphrase', `The passphrase for ${path} must have at least ${MIN_PASSPHRASE_LENGTH} characters.`);
  }
  const plaintext = Buffer.from(JSON.stringify({ secrets }), 'utf8');
  let text: string;
  try {
    text = await sealWithPassphrase(VAULT, plaintext, passphrase, options.now);
  } finally {
    plaintext.fill(0);
  }
  try {
    await writeFileAtomically(path, text, { mode: 0o600, fs: options.fs });
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

  let plaintext: Buffer;
  try {
    plaintext = await openWithPassphrase(VAULT, text, passphrase);
  } catch (error) {
    if (!(error instanceof EnvelopeError)) throw error;
    switch (error.problem) {
      case 'other-format':
        throw new SecretVaultError(path, 'not-a-vault', `${path} is not a RoomReady secrets file, or it was altered.`);
      case 'unsupported-version':
        throw new SecretVaultError(
          path,
          'unsupported-version',
          `${path} was written by a newer RoomReady (secrets format ${error.foundVersion}); this version reads up to ${VAULT_VERSION} — update RoomReady.`,
        );
      case 'wrong-passphrase-or-altered':
        throw new SecretVaultError(path, 'wrong-passphrase-or-altered', `Could not open ${path}: wrong passphrase or the file was altered.`);
      default:
        throw damaged();
    }
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
