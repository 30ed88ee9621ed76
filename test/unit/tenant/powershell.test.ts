// The PowerShell runner against a fake pwsh (test/fixtures/powershell/fake-pwsh.mjs) that insists
// on the arguments real pwsh gets, prints result lines, sleeps, ignores SIGTERM and starts children
// when its "script" says so: results arrive while the script still runs, -WhatIf reaches the script,
// timeout and cancel end the whole process tree, and exit codes are explained.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPowerShell, runPowerShellScript, type ScriptEvent } from '../../../main/tenant/powershell.ts';
import type { ScriptResult } from '../../../shared/powershell.ts';

const FAKE = path.resolve('test/fixtures/powershell/fake-pwsh.mjs');
const posix = process.platform !== 'win32';

let dir: string;
let pwsh: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roomready-pwsh-'));
  fs.mkdirSync(path.join(dir, 'bin'));
  pwsh = path.join(dir, 'bin', 'pwsh');
  // A launcher named like the real thing, so the PATH search can find it.
  fs.writeFileSync(pwsh, `#!/bin/sh\nexec "${process.execPath}" "${FAKE}" "$@"\n`, { mode: 0o755 });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let scripts = 0;
function script(steps: unknown[]): string {
  const file = path.join(dir, `script-${++scripts}.ps1`);
  fs.writeFileSync(file, JSON.stringify({ steps }));
  return file;
}

const result = (step: ScriptResult['step'], status: ScriptResult['status'], message = ''): ScriptResult => ({
  schemaVersion: 1,
  runtime: 'active-directory',
  room: 'room1@contoso.com',
  step,
  status,
  changes: status === 'changed' ? [{ property: 'Enabled', before: false, after: true }] : [],
  message,
  remediation: status === 'failed' ? 'Enable the account in Active Directory Users and Computers.' : '',
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // A zombie is dead, only not yet reaped by whoever inherited it.
    return !/^\d+ \(.*\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

async function eventually(check: () => boolean, ms = 3000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return check();
}

describe.skipIf(!posix)('findPowerShell', () => {
  it('finds pwsh on PATH, and nothing where there is none', async () => {
    expect(await findPowerShell({ env: { PATH: `/nonexistent:${path.join(dir, 'bin')}` }, platform: 'linux' })).toEqual({ path: pwsh, edition: 'core' });
    expect(await findPowerShell({ env: { PATH: '/nonexistent' }, platform: 'linux' })).toBeUndefined();
  });

  it('skips a file that cannot be run', async () => {
    const notRunnable = fs.mkdtempSync(path.join(dir, 'plain-'));
    fs.writeFileSync(path.join(notRunnable, 'pwsh'), 'not a program', { mode: 0o644 });
    expect(await findPowerShell({ env: { PATH: notRunnable }, platform: 'linux' })).toBeUndefined();
  });

  it('uses the configured path, and says so when it does not work', async () => {
    expect(await findPowerShell({ configured: pwsh, env: { PATH: '' } })).toEqual({ path: pwsh, edition: 'core' });
    await expect(findPowerShell({ configured: path.join(dir, 'missing', 'pwsh.exe') })).rejects.toThrow(/does not exist or cannot be run/);
  });

  it('on Windows prefers pwsh.exe and falls back to powershell.exe', async () => {
    const windows = fs.mkdtempSync(path.join(dir, 'win-'));
    fs.writeFileSync(path.join(windows, 'powershell.exe'), '');
    expect(await findPowerShell({ env: { PATH: windows }, platform: 'win32' })).toMatchObject({ edition: 'desktop' });
    fs.writeFileSync(path.join(windows, 'pwsh.exe'), '');
    expect(await findPowerShell({ env: { PATH: windows }, platform: 'win32' })).toMatchObject({ edition: 'core' });
  });
});

describe.skipIf(!posix)('runPowerShellScript', () => {
  it('streams step results while the script runs, and reports success', async () => {
    const file = script([{ print: 'Room 1 of 1' }, { result: result('ad.user', 'passed') }, { sleep: 400 }, { result: result('ad.account-enabled', 'changed') }]);
    const run = runPowerShellScript({ executable: pwsh, script: file });
    let exited = false;
    void run.finished.then(() => {
      exited = true;
    });
    const seen: { event: ScriptEvent; whileRunning: boolean }[] = [];
    for await (const event of run) seen.push({ event, whileRunning: !exited });
    const results = seen.filter((item) => item.event.type === 'result');
    expect(results.map((item) => (item.event as { result: ScriptResult }).result.step)).toEqual(['ad.user', 'ad.account-enabled']);
    expect(results[0]!.whileRunning).toBe(true);
    expect(seen[0]!.event).toEqual({ type: 'output', stream: 'stdout', line: 'Room 1 of 1' });
    const outcome = await run.finished;
    expect(outcome).toMatchObject({ ending: 'ok', exitCode: 0 });
    expect(outcome.results).toHaveLength(2);
    expect(outcome.summary).toBe('Finished (2 step result(s)): no step failed.');
  });

  it('passes the script’s arguments and -WhatIf, which the script honours', async () => {
    const file = script([{ printArgs: true }, { result: result('ad.account-enabled', 'changed'), whatIf: 'would-change' }]);
    const lines: string[] = [];
    const outcome = await runPowerShellScript({
      executable: { path: pwsh, edition: 'core' },
      script: file,
      args: ['-Room', 'room1@contoso.com', '-SkipConnect'],
      whatIf: true,
      onEvent: (event) => {
        if (event.type === 'output') lines.push(event.line);
      },
    }).finished;
    expect(lines).toEqual([`ARGS ${JSON.stringify(['-Room', 'room1@contoso.com', '-SkipConnect', '-WhatIf'])}`]);
    expect(outcome.results[0]!.status).toBe('would-change');
    expect(outcome.summary).toContain('-WhatIf run');
    expect(outcome.summary).toContain('nothing was changed');

    const real = await runPowerShellScript({ executable: pwsh, script: file }).finished;
    expect(real.results[0]!.status).toBe('changed');
  });

  it('explains exit code 1 (failed steps), 2 (wrong shell) and anything else', async () => {
    const failed = await runPowerShellScript({
      executable: pwsh,
      script: script([{ result: result('ad.user', 'passed') }, { result: result('ad.account-enabled', 'failed', 'Access is denied.') }, { exit: 1 }]),
    }).finished;
    expect(failed).toMatchObject({ ending: 'step-failures', exitCode: 1 });
    expect(failed.summary).toContain('1 step(s) failed');

    const wrongShell = await runPowerShellScript({
      executable: pwsh,
      script: script([{ print: 'Run this script in the Exchange Management Shell. The module ActiveDirectory could not be loaded.' }, { exit: 2 }]),
    }).finished;
    expect(wrongShell).toMatchObject({ ending: 'wrong-shell', exitCode: 2 });
    expect(wrongShell.summary).toContain('Stopped before changing anything');

    const odd = await runPowerShellScript({ executable: pwsh, script: script([{ stderr: 'Unhandled exception: out of memory' }, { exit: 7 }]) }).finished;
    expect(odd).toMatchObject({ ending: 'unexpected-exit', exitCode: 7 });
    expect(odd.summary).toContain('exited with code 7');
    expect(odd.summary).toContain('Unhandled exception: out of memory');
  });

  it('reports a result line that does not parse', async () => {
    const events: ScriptEvent[] = [];
    await runPowerShellScript({ executable: pwsh, script: script([{ print: 'ROOMREADY-RESULT {"schemaVersion":1,"truncat' }]), onEvent: (event) => events.push(event) }).finished;
    expect(events).toEqual([{ type: 'malformed', line: 'ROOMREADY-RESULT {"schemaVersion":1,"truncat' }]);
  });

  it('a timeout ends the whole process tree, even a script that ignores SIGTERM', async () => {
    const childPidFile = path.join(dir, 'timeout-child.pid');
    const file = script([{ ignoreTerm: true }, { spawnChild: childPidFile }, { result: result('ad.user', 'passed') }, { sleep: 60_000 }]);
    const started = Date.now();
    const run = runPowerShellScript({ executable: pwsh, script: file, timeoutMs: 500, killGraceMs: 300 });
    const outcome = await run.finished;
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(outcome).toMatchObject({ ending: 'timed-out', signal: 'SIGKILL' });
    expect(outcome.results).toHaveLength(1);
    expect(outcome.summary).toContain('Stopped after 500 ms');
    expect(await eventually(() => !isAlive(run.pid!))).toBe(true);
    expect(await eventually(() => !isAlive(Number(fs.readFileSync(childPidFile, 'utf8'))))).toBe(true);
  });

  it('cancel ends the process tree and keeps the results so far', async () => {
    const childPidFile = path.join(dir, 'cancel-child.pid');
    const file = script([{ spawnChild: childPidFile }, { result: result('ad.user', 'passed') }, { sleep: 60_000 }, { result: result('ad.account-enabled', 'passed') }]);
    const controller = new AbortController();
    const run = runPowerShellScript({ executable: pwsh, script: file, signal: controller.signal, killGraceMs: 300 });
    for await (const event of run) if (event.type === 'result') controller.abort();
    const outcome = await run.finished;
    expect(outcome).toMatchObject({ ending: 'cancelled', exitCode: null });
    expect(outcome.results.map((item) => item.step)).toEqual(['ad.user']);
    expect(outcome.summary).toContain('Cancelled');
    expect(await eventually(() => !isAlive(Number(fs.readFileSync(childPidFile, 'utf8'))))).toBe(true);
  });

  it('says so when PowerShell cannot be started', async () => {
    const outcome = await runPowerShellScript({ executable: path.join(dir, 'nowhere', 'pwsh'), script: script([]) }).finished;
    expect(outcome.ending).toBe('not-started');
    expect(outcome.summary).toMatch(/^PowerShell could not be started: .*ENOENT/);
  });
});
