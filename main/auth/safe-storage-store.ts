// The app's token cache: encrypted by the operating system through Electron's safeStorage (DPAPI on
// Windows, Keychain on macOS, libsecret/kwallet on Linux) and kept in a file only the user can read.
// The safeStorage object is a parameter: only main/index.ts, window.ts and preload.ts import
// 'electron'. When the OS offers no real protection — no encryption, or Linux's 'basic_text'
// backend, which encrypts with a password hard-coded in Chromium — the store refuses to persist
// rather than write tokens a copy of the file would reveal.
import { readFile, rm } from 'node:fs/promises';
import { writeFileAtomically, type AtomicWriteFs } from '../workspace/atomic-write.ts';
import { describeFsError } from '../workspace/fs-errors.ts';
import { SecretStoreError, type SecretStore } from './secret-store.ts';

/** The part of Electron's safeStorage used here (structural, so this file needs no 'electron' import). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Uint8Array;
  decryptString(encrypted: Buffer): string;
  /** Linux only in Electron: 'basic_text', 'gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6' or 'unknown'. */
  getSelectedStorageBackend?(): string;
}

/** Why safeStorage cannot protect a token cache here, or undefined when it can. */
export function safeStorageProblem(safeStorage: SafeStorageLike): string | undefined {
  const backend = safeStorage.getSelectedStorageBackend?.();
  if (backend === 'basic_text') {
    return 'no system keyring is available (Electron would fall back to basic_text, a password built into the browser engine), so tokens would be only obfuscated. Install and unlock a keyring (GNOME Keyring / KWallet), or sign in for this session only.';
  }
  if (backend === 'unknown') return 'the operating system keyring is not ready yet (the app has not finished starting).';
  if (!safeStorage.isEncryptionAvailable()) return 'the operating system offers no encryption for this user (safeStorage is unavailable), so tokens cannot be stored safely. Sign in for this session only.';
  return undefined;
}

export interface SafeStorageStoreOptions {
  fs?: AtomicWriteFs;
}

export function safeStorageSecretStore(safeStorage: SafeStorageLike, path: string, options: SafeStorageStoreOptions = {}): SecretStore {
  const refuse = (action: string): void => {
    const problem = safeStorageProblem(safeStorage);
    if (problem !== undefined) throw new SecretStoreError('encryption-unavailable', `RoomReady will not ${action} the sign-in cache ${path}: ${problem}`);
  };
  return {
    async get() {
      let encrypted: Buffer;
      try {
        encrypted = await readFile(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw new SecretStoreError('unreadable', `Could not open the sign-in cache ${path}: ${describeFsError(error)}.`);
      }
      refuse('read');
      try {
        // safeStorage encrypts strings; the cache bytes travel as base64 inside it.
        return new Uint8Array(Buffer.from(safeStorage.decryptString(encrypted), 'base64'));
      } catch {
        throw new SecretStoreError(
          'wrong-passphrase-or-altered',
          `Could not decrypt the sign-in cache ${path} (it was written by another user or machine, or altered). Sign out to delete it, then sign in again.`,
        );
      }
    },
    async set(data) {
      refuse('save');
      const encrypted = safeStorage.encryptString(Buffer.from(data).toString('base64'));
      try {
        await writeFileAtomically(path, encrypted, { mode: 0o600, fs: options.fs });
      } catch (error) {
        throw new SecretStoreError('write-failed', `Could not save the sign-in cache ${path}: ${describeFsError(error)}. The previous file, if any, is unchanged.`);
      }
    },
    async delete() {
      try {
        await rm(path, { force: true });
      } catch (error) {
        throw new SecretStoreError('write-failed', `Could not delete the sign-in cache ${path}: ${describeFsError(error)}.`);
      }
    },
  };
}
