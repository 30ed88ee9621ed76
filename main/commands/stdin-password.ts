// A password given on standard input (`--pfx-password-stdin`), never as an argument, where it would
// land in shell history and the process list. Piped: everything up to EOF, less one final newline.
// At a terminal: typed without echo.
import type { Readable } from 'node:stream';
import type { CliIo } from '../cli.ts';
import { CommandFailure } from './usage-error.ts';

/** A password is short; a larger input is a mistake (a file piped in by accident). */
const MAX_PASSWORD_BYTES = 64 * 1024;

export async function readPipedPassword(input: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_PASSWORD_BYTES) throw new CommandFailure(`standard input holds more than ${MAX_PASSWORD_BYTES / 1024} KB; pipe only the password`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

export async function readPasswordFromStdin(io: CliIo, prompt: string, stdin: Readable & { isTTY?: boolean } = process.stdin): Promise<string | undefined> {
  if (stdin.isTTY) return io.readSecret?.(prompt);
  return readPipedPassword(stdin);
}
