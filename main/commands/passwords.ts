// roomready passwords: show what a secrets vault written by `prepare --passwords` holds. Showing a
// password is the point of this command, so it prints only when asked, one room or all.
import path from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { readSecretVault, SecretVaultError } from '../workspace/secret-vault.ts';
import { readPassphrase } from './passphrase.ts';
import type { Command, CommandContext } from './types.ts';
import { UsageError } from './usage-error.ts';

const options = {
  room: { type: 'string' },
  json: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

const help = `Usage: roomready passwords <vault> [--room <upn>] [--json]

Decrypts a vault written by "roomready prepare --passwords" and prints the room passwords (one room
with --room). The passphrase comes from ROOMREADY_PASSPHRASE or is asked for at the terminal.

Exit codes: 0 shown; 1 no such room in the vault; 2 the vault cannot be opened (wrong passphrase,
altered or damaged file).`;

async function run({ io, values, positionals }: CommandContext): Promise<number> {
  if (positionals.length !== 1) throw new UsageError('give exactly one vault file');
  const vault = path.resolve(io.cwd, positionals[0]!);
  const passphrase = await readPassphrase(io, vault);
  if (passphrase === undefined) {
    io.stderr('roomready passwords: a passphrase is needed: set ROOMREADY_PASSPHRASE or run in a terminal');
    return 2;
  }
  let secrets: Record<string, string>;
  try {
    secrets = await readSecretVault(vault, passphrase);
  } catch (error) {
    if (error instanceof SecretVaultError) {
      io.stderr(`roomready passwords: ${error.message}`);
      return 2;
    }
    throw error;
  }
  let shown = Object.entries(secrets);
  if (typeof values.room === 'string') {
    const wanted = values.room.toLowerCase();
    shown = shown.filter(([upn]) => upn.toLowerCase() === wanted);
    if (shown.length === 0) {
      io.stderr(`roomready passwords: ${values.room} is not in ${positionals[0]}`);
      return 1;
    }
  }
  if (values.json) io.stdout(JSON.stringify(Object.fromEntries(shown), null, 2));
  else io.stdout(shown.map(([upn, password]) => `${upn}\t${password}`).join('\n'));
  return 0;
}

export const passwordsCommand: Command = { help, options, run };
