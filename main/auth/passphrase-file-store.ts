// The CLI's opt-in token cache on disk: the bytes sealed with a passphrase by the same envelope as
// the secrets vault (workspace/passphrase-envelope.ts), written atomically, readable by the owner
// only. A wrong passphrase is refused, never treated as "no cache" — silently starting over would
// overwrite the user's cache on the next sign-in.
import { readFile, rm } from 'node:fs/promises';
import { writeFileAtomically, type AtomicWriteFs } from '../workspace/atomic-write.ts';
import { describeFsError } from '../workspace/fs-errors.ts';
import { EnvelopeError, MIN_PASSPHRASE_LENGTH, isLongEnoughPassphrase, openWithPassphrase, sealWithPassphrase } from '../workspace/passphrase-envelope.ts';
import { SecretStoreError, type SecretStore } from './secret-store.ts';

export const TOKEN_CACHE_FORMAT = { format: 'roomready-token-cache', version: 1 } as const;

export interface PassphraseFileStoreOptions {
  fs?: AtomicWriteFs;
}

export function passphraseFileSecretStore(path: string, passphrase: string, options: PassphraseFileStoreOptions = {}): SecretStore {
  // Checked up front: a weak passphrase should stop the command before any sign-in, not after it.
  if (!isLongEnoughPassphrase(passphrase)) {
    throw new SecretStoreError('weak-passphrase', `The passphrase for the token cache ${path} must have at least ${MIN_PASSPHRASE_LENGTH} characters.`);
  }
  return {
    async get() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw new SecretStoreError('unreadable', `Could not open the token cache ${path}: ${describeFsError(error)}.`);
      }
      try {
        return new Uint8Array(await openWithPassphrase(TOKEN_CACHE_FORMAT, text, passphrase));
      } catch (error) {
        if (!(error instanceof EnvelopeError)) throw error;
        throw explainOpenFailure(path, error);
      }
    },
    async set(data) {
      const text = await sealWithPassphrase(TOKEN_CACHE_FORMAT, data, passphrase);
      try {
        await writeFileAtomically(path, text, { mode: 0o600, fs: options.fs });
      } catch (error) {
        throw new SecretStoreError('write-failed', `Could not save the token cache ${path}: ${describeFsError(error)}. The previous file, if any, is unchanged.`);
      }
    },
    async delete() {
      try {
        await rm(path, { force: true });
      } catch (error) {
        throw new SecretStoreError('write-failed', `Could not delete the token cache ${path}: ${describeFsError(error)}.`);
      }
    },
  };
}

const START_OVER = 'Use the passphrase it was saved with, or delete the file to sign in afresh.';

function explainOpenFailure(path: string, error: EnvelopeError): SecretStoreError {
  switch (error.problem) {
    case 'wrong-passphrase-or-altered':
      return new SecretStoreError('wrong-passphrase-or-altered', `Could not open the token cache ${path}: wrong passphrase or the file was altered. ${START_OVER}`);
    case 'unsupported-version':
      return new SecretStoreError('unsupported-version', `The token cache ${path} was written by a newer RoomReady; update RoomReady or delete the file.`);
    default:
      return new SecretStoreError('damaged', `The token cache ${path} is not a whole RoomReady token cache (${error.message}). Delete it to sign in afresh.`);
  }
}
