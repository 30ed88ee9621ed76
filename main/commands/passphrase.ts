// The passphrase of a secrets vault: from ROOMREADY_PASSPHRASE (for automation) or typed at the
// terminal without echo. Never from a command-line argument, where it would land in shell history.
import type { CliIo } from '../cli.ts';

export const PASSPHRASE_ENV = 'ROOMREADY_PASSPHRASE';

export async function readPassphrase(io: CliIo, vaultPath: string): Promise<string | undefined> {
  const fromEnv = io.env[PASSPHRASE_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return io.readSecret?.(`Passphrase for ${vaultPath}: `);
}
