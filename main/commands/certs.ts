// roomready certs: inspect certificate files (PEM, DER, PFX) before or at the console: what each
// certificate is, its chain, what is wrong, and the command that installs a private CA.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { analyseCertificates, CertificateFileError, type CertificateFileInput } from '../onsite/certificates/inspect.ts';
import { MAX_FILE_BYTES } from '../onsite/certificates/limits.ts';
import { describeFsError } from '../workspace/fs-errors.ts';
import type { CliIo } from '../cli.ts';
import { inspectionText } from './certs-text.ts';
import { readPasswordFromStdin } from './stdin-password.ts';
import type { Command, CommandContext } from './types.ts';
import { CommandFailure, UsageError } from './usage-error.ts';

const options = {
  'pfx-password-stdin': { type: 'boolean' },
  out: { type: 'string' },
  json: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

const help = `Usage: roomready certs <file...> [--pfx-password-stdin] [--out <folder>] [--json]

Inspects certificate files: PEM (one or many certificates; private keys in it are ignored), DER
(.cer/.crt) and PFX/PKCS#12 (.pfx/.p12). For each certificate: subject, issuer, serial, validity,
key, signature algorithm, key usage, names; the chains among the files, leaf first; and checks:
expired, expiring within 30 days, not yet valid, a missing issuer, weak keys (RSA below 2048 bits,
EC below 256) and weak signatures (SHA-1, MD5). A private CA gets the exact command that installs
it on the console (certutil, elevated, in Admin mode).

Options:
  --pfx-password-stdin  Read the PFX password from standard input (piped, or typed without echo at a
                        terminal). It is never taken from the command line.
  --out <folder>        Write the certificates to install on the console as .cer files, named as in
                        the commands.
  --json                Print the inspection as JSON.

Exit codes: 0 nothing failed (warnings allowed); 1 a certificate failed a check (expired or not yet
valid); 2 a file cannot be read or the command line is unusable.`;

export interface CertsCommandDependencies {
  readPassword(io: CliIo): Promise<string | undefined>;
  /** The clock expiry is measured against (tests fix it). */
  now(): Date;
}

const processDependencies: CertsCommandDependencies = {
  readPassword: (io) => readPasswordFromStdin(io, 'PFX password: '),
  now: () => new Date(),
};

async function readInputs(io: CliIo, names: readonly string[]): Promise<CertificateFileInput[]> {
  const inputs: CertificateFileInput[] = [];
  for (const name of names) {
    const file = path.resolve(io.cwd, name);
    try {
      // Refuse a huge file before reading it, not after.
      if ((await stat(file)).size > MAX_FILE_BYTES) throw new CertificateFileError(name, 'too-large', `${name} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB; a certificate file is a few kilobytes`);
      inputs.push({ fileName: name, bytes: await readFile(file) });
    } catch (error) {
      if (error instanceof CertificateFileError) throw error;
      throw new CommandFailure(`cannot read ${name}: ${describeFsError(error)}`);
    }
  }
  return inputs;
}

function failure(io: CliIo, json: boolean, message: string): number {
  if (json) io.stdout(JSON.stringify({ ok: false, exitCode: 2, error: message }, null, 2));
  else io.stderr(`roomready certs: ${message}`);
  return 2;
}

export function makeCertsCommand(dependencies: CertsCommandDependencies = processDependencies): Command {
  async function run({ io, values, positionals }: CommandContext): Promise<number> {
    if (positionals.length === 0) throw new UsageError('give one or more certificate files (PEM, DER or PFX)');
    const json = values.json === true;
    let pfxPassword: string | undefined;
    try {
      const inputs = await readInputs(io, positionals);
      if (values['pfx-password-stdin']) {
        pfxPassword = await dependencies.readPassword(io);
        if (pfxPassword === undefined) return failure(io, json, 'no PFX password was given on standard input');
      }
      const { inspection, installFiles } = analyseCertificates(inputs, { now: dependencies.now(), ...(pfxPassword === undefined ? {} : { pfxPassword }) });
      pfxPassword = undefined;
      const written: string[] = [];
      if (typeof values.out === 'string') {
        const folder = path.resolve(io.cwd, values.out);
        await mkdir(folder, { recursive: true });
        for (const install of installFiles) {
          await writeFile(path.join(folder, install.name), install.bytes);
          written.push(path.join(folder, install.name));
        }
      }
      const exitCode = inspection.counts.failed > 0 ? 1 : 0;
      if (json) io.stdout(JSON.stringify({ ok: exitCode === 0, exitCode, ...inspection, written }, null, 2));
      else {
        io.stdout(inspectionText(inspection));
        if (typeof values.out === 'string') {
          io.stdout(written.length > 0 ? `\nWrote ${written.map((file) => `"${file}"`).join(', ')}.` : '\nNo certificate needs installing on the console; nothing written.');
        }
      }
      return exitCode;
    } catch (error) {
      if (error instanceof CertificateFileError) {
        const hint = error.problem === 'pfx-password-needed' ? ' (pipe it in with --pfx-password-stdin)' : '';
        return failure(io, json, `${error.message}${hint}`);
      }
      if (error instanceof CommandFailure) return failure(io, json, error.message);
      throw error;
    }
  }
  return { help, options, run };
}

export const certsCommand: Command = makeCertsCommand();
