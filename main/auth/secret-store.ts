// Where MSAL's token cache rests between runs, behind one small interface so the place can change
// without touching the AuthService: memory (the CLI default), a passphrase-encrypted file (the CLI
// opt-in), Electron's safeStorage (the app). A store holds opaque bytes; it never logs them.

export interface SecretStore {
  /** What was last stored, or undefined when nothing is. */
  get(): Promise<Uint8Array | undefined>;
  set(data: Uint8Array): Promise<void>;
  /** Forgets what is stored; succeeds when nothing is. */
  delete(): Promise<void>;
}

export type SecretStoreProblem =
  | 'encryption-unavailable'
  | 'wrong-passphrase-or-altered'
  | 'weak-passphrase'
  | 'damaged'
  | 'unsupported-version'
  | 'unreadable'
  | 'write-failed';

/** A store that cannot keep or give back its secret; the message says what the user can do. */
export class SecretStoreError extends Error {
  override readonly name = 'SecretStoreError';
  constructor(
    readonly problem: SecretStoreProblem,
    message: string,
  ) {
    super(message);
  }
}

/** Lives as long as the process: nothing reaches the disk. */
export function memorySecretStore(): SecretStore {
  let stored: Uint8Array | undefined;
  return {
    async get() {
      return stored ? Uint8Array.from(stored) : undefined;
    },
    async set(data) {
      // A copy: the caller may zero or reuse its buffer.
      stored = Uint8Array.from(data);
    },
    async delete() {
      stored?.fill(0);
      stored = undefined;
    },
  };
}
