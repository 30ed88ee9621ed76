// `roomready certs` as a user runs it: files from disk, the PFX password from standard input only,
// text or JSON, exit codes, and the .cer files for the console written with --out.
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../main/cli.ts';
import { makeCertsCommand } from '../../main/commands/certs.ts';
import { readPipedPassword } from '../../main/commands/stdin-password.ts';
import { CertificateInspectionSchema } from '../../shared/onsite/results.ts';
import { CORPUS_DIR, CORPUS_FILES, CORPUS_NAMES, CORPUS_NOW, CORPUS_PFX_PASSWORD } from '../fixtures/certs/corpus.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'roomready-certs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Parses and runs like runCli does, with the password "piped" and the clock fixed. */
async function certs(args: string[], stdin?: string) {
  let stdout = '';
  let stderr = '';
  let passwordReads = 0;
  const io: CliIo = { stdout: (text) => (stdout += `${text}\n`), stderr: (text) => (stderr += `${text}\n`), env: {}, cwd: CORPUS_DIR };
  const command = makeCertsCommand({
    readPassword: async () => {
      passwordReads += 1;
      return stdin === undefined ? undefined : readPipedPassword(Readable.from([Buffer.from(stdin)]));
    },
    now: () => CORPUS_NOW,
  });
  const parsed = parseArgs({ args, options: command.options, allowPositionals: true, strict: true });
  const code = await command.run({ io, values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals });
  return { code, stdout, stderr, passwordReads };
}

describe('roomready certs', () => {
  it('shows a chain, its checks and the install commands; exit 0 with warnings only', async () => {
    const run = await certs([CORPUS_FILES.chainPem]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${CORPUS_FILES.chainPem}: PEM, 3 certificates`);
    expect(run.stdout).toContain(`${CORPUS_NAMES.leaf} -> ${CORPUS_NAMES.intermediate} -> ${CORPUS_NAMES.root}: complete, private root`);
    expect(run.stdout).toContain(`  certutil -addstore -f -enterprise root "C:\\Skype Room Systems\\x64\\Scripts\\Provisioning\\${CORPUS_NAMES.root}.cer"`);
    expect(run.stdout).toContain('Checks: 1 passed, 2 warnings, 0 failed');
    expect(run.passwordReads).toBe(0);
  });

  it('exit 1 when a certificate fails (expired)', async () => {
    const run = await certs([CORPUS_FILES.expired, CORPUS_FILES.intermediatePem, CORPUS_FILES.rootPem]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('FAIL  expired.contoso.example: expired on 2026-06-01');
  });

  it('reads the PFX password from standard input (one final newline dropped) and prints JSON that passes the schema', async () => {
    const run = await certs([CORPUS_FILES.pfx, '--pfx-password-stdin', '--json'], `${CORPUS_PFX_PASSWORD}\n`);
    expect(run.code).toBe(0);
    const { ok, exitCode, written, ...inspection } = JSON.parse(run.stdout) as Record<string, unknown>;
    expect({ ok, exitCode, written }).toEqual({ ok: true, exitCode: 0, written: [] });
    const parsed = CertificateInspectionSchema.parse(inspection);
    expect(parsed.certificates.map((c) => c.hasPrivateKey)).toEqual([true, false, false]);
    expect(run.stdout).not.toContain(CORPUS_PFX_PASSWORD);
  });

  it('a wrong password: exit 2, a plain message, the password nowhere', async () => {
    const password = 'not-the-Password-42';
    for (const json of [false, true]) {
      const run = await certs([CORPUS_FILES.pfx, '--pfx-password-stdin', ...(json ? ['--json'] : [])], password);
      expect(run.code).toBe(2);
      expect(run.stdout + run.stderr).toContain(`${CORPUS_FILES.pfx}: the PFX password is wrong or the file is damaged`);
      expect(run.stdout + run.stderr).not.toContain(password);
    }
  });

  it('a PFX without --pfx-password-stdin: says how to give the password', async () => {
    const run = await certs([CORPUS_FILES.pfx]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`roomready certs: ${CORPUS_FILES.pfx}: the PFX is protected by a password; give the PFX password (pipe it in with --pfx-password-stdin)\n`);
  });

  it('never takes the password as an option value', async () => {
    await expect(certs([CORPUS_FILES.pfx, '--pfx-password', CORPUS_PFX_PASSWORD])).rejects.toMatchObject({ code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' });
    await expect(certs([CORPUS_FILES.pfx, `--pfx-password-stdin=${CORPUS_PFX_PASSWORD}`])).rejects.toMatchObject({ code: 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' });
  });

  it('--out writes the root and intermediate as DER .cer files named as in the commands', async () => {
    const out = path.join(scratch, 'for-the-console');
    const run = await certs([CORPUS_FILES.chainPem, '--out', out]);
    expect(run.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([`${CORPUS_NAMES.intermediate}.cer`, `${CORPUS_NAMES.root}.cer`]);
    const root = new X509Certificate(readFileSync(path.join(out, `${CORPUS_NAMES.root}.cer`)));
    expect(root.raw.equals(readFileSync(path.join(CORPUS_DIR, CORPUS_FILES.rootDer)))).toBe(true);
  });

  it('unreadable input: exit 2 naming the file', async () => {
    const junk = await certs([CORPUS_FILES.junk]);
    expect(junk).toMatchObject({ code: 2, stderr: `roomready certs: ${CORPUS_FILES.junk} is not a PEM, DER or PFX certificate file\n` });
    const missing = await certs(['nowhere.pem', '--json']);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout)).toEqual({ ok: false, exitCode: 2, error: 'cannot read nowhere.pem: it does not exist' });
    await expect(certs([])).rejects.toThrow('give one or more certificate files');
  });

  it('refuses a huge standard input instead of taking it as a password', async () => {
    await expect(readPipedPassword(Readable.from([Buffer.alloc(70 * 1024, 0x61)]))).rejects.toThrow('pipe only the password');
    expect(await readPipedPassword(Readable.from([Buffer.from('pa'), Buffer.from('ss\r\n')]))).toBe('pass');
    expect(await readPipedPassword(Readable.from([Buffer.from('two\n\n')]))).toBe('two\n');
  });
});
