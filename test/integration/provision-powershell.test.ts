// The engine with PowerShell present: the on-premises phases (Exchange Server, Active Directory,
// Skype for Business Server) run as the room's generated script through a fake pwsh
// (test/fixtures/powershell/fake-pwsh-roomready.mjs), which reads the step ids out of the script and
// reports them as the real one does. Proves: one script run per phase, results become step outcomes,
// the password travels on standard input only, a dry run passes -WhatIf, the wrong shell leaves the
// steps manual, and a resumed run does not run a finished phase again. Cloud phases of a hybrid
// topology still go to the simulated tenant in the same run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../main/cli.ts';
import { provisionSite } from '../../main/provision/engine.ts';
import { Journal } from '../../main/provision/journal.ts';
import type { PowerShellSetup } from '../../main/provision/powershell-phase.ts';
import type { ExchangeGateway, GraphGateway } from '../../main/tenant/types.ts';
import { SiteSchema, type Room, type SiteInput } from '../../shared/model.ts';
import { startLiveTenant, type LiveTenant } from '../support/live-tenant.ts';

const FAKE = path.resolve('test/fixtures/powershell/fake-pwsh-roomready.mjs');
const PASSWORD = 'Room-Secret-\u2019Quote-77!';

let dir: string;
let record: string;
let setup: PowerShellSetup;
let pwsh: string;
let live: LiveTenant | undefined;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roomready-engine-pwsh-'));
  fs.mkdirSync(path.join(dir, 'bin'));
  pwsh = path.join(dir, 'bin', 'pwsh');
  fs.writeFileSync(pwsh, `#!/bin/sh\nexec "${process.execPath}" "${FAKE}" "$@"\n`, { mode: 0o755 });
  record = path.join(dir, 'record.jsonl');
  vi.stubEnv('FAKE_PWSH_RECORD', record);
  setup = { executable: { path: pwsh, edition: 'core' }, workDir: path.join(dir, 'work'), generator: { name: 'RoomReady', version: 'test' }, timeoutMs: 20_000 };
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await live?.stop();
  live = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Invocation {
  script: string;
  args: string[];
  passwords: Record<string, string>;
  scriptHasPassword: boolean;
}
const invocations = (): Invocation[] =>
  fs.existsSync(record)
    ? fs
        .readFileSync(record, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Invocation)
    : [];

/** Gateways for a topology with no cloud part: any call is a bug. */
const untouchable = {
  graph: new Proxy({}, { get: (_, name) => () => Promise.reject(new Error(`Graph called: ${String(name)}`)) }) as GraphGateway,
  exchange: new Proxy({}, { get: (_, name) => () => Promise.reject(new Error(`Exchange Online called: ${String(name)}`)) }) as ExchangeGateway,
};

function site(topology: SiteInput['topology'], rooms: Room[]) {
  return SiteSchema.parse({
    name: 'HQ',
    topology,
    tenantDomain: 'contoso.com',
    defaults: { usageLocation: 'US', license: 'Microsoft_Teams_Rooms_Pro', registrarPool: 'pool01.contoso.com' },
    rooms,
  });
}
const rooms: Room[] = [
  { upn: 'onprem-1@contoso.com', displayName: 'On-prem 1' },
  { upn: "o'brien-2@contoso.com", displayName: 'On-prem 2' },
];

describe('provision with PowerShell: on-premises phases run through the generated scripts', () => {
  it('onprem: every phase runs once per room, results become outcomes, the password only on stdin', async () => {
    const result = await provisionSite({ site: site('onprem', rooms), ...untouchable, powershell: setup, passwordFor: async () => PASSWORD });
    for (const room of result.rooms) {
      expect(room.steps.map((step) => `${step.step}: ${step.status}`)).toEqual(room.steps.map((step) => `${step.step}: changed`));
      expect(room.status).toBe('passed');
    }
    const runs = invocations();
    // Three phases (Exchange Server, AD, SfB Server) per room, each one script run.
    expect(runs).toHaveLength(3 * rooms.length);
    const withPassword = runs.filter((run) => run.args.includes('-PasswordsFromInput'));
    expect(withPassword.length).toBeGreaterThanOrEqual(rooms.length);
    for (const run of withPassword) {
      const [upn, secret] = Object.entries(run.passwords)[0]!;
      expect(rooms.map((room) => room.upn)).toContain(upn);
      expect(secret).toBe(PASSWORD);
      expect(run.scriptHasPassword).toBe(false);
    }
    for (const run of runs) expect(run.args).not.toContain('-WhatIf');
    // The scripts were private and are gone.
    expect(fs.readdirSync(setup.workDir)).toEqual([]);
  });

  it('runs at most four scripts at once across rooms (the default), however many rooms are in flight', async () => {
    vi.stubEnv('FAKE_PWSH_SLEEP_MS', '150');
    const many = Array.from({ length: 10 }, (_, i): Room => ({ upn: `onprem-many-${i}@contoso.com`, displayName: `Many ${i}` }));
    const result = await provisionSite({ site: site('onprem', many), ...untouchable, powershell: setup, passwordFor: async () => PASSWORD });
    expect(result.rooms.every((room) => room.status === 'passed')).toBe(true);
    const starts = invocations().map((run) => (run as Invocation & { startedAt: number }).startedAt);
    const ends = fs.readFileSync(`${record}.ends`, 'utf8').trim().split('\n').map(Number);
    expect(starts).toHaveLength(3 * many.length);
    // The most scripts alive at any start: those started no later and not yet ended.
    const alive = (at: number) => starts.filter((start) => start <= at).length - ends.filter((end) => end < at).length;
    const most = Math.max(...starts.map(alive));
    expect(most).toBeLessThanOrEqual(4);
    expect(most).toBeGreaterThanOrEqual(2);
  });

  it('a dry run passes -WhatIf, asks for no password and reports would-change', async () => {
    const passwordFor = vi.fn(async () => PASSWORD);
    const result = await provisionSite({ site: site('onprem', rooms.slice(0, 1)), ...untouchable, powershell: setup, passwordFor, dryRun: true });
    expect(new Set(result.rooms[0]!.steps.map((step) => step.status))).toEqual(new Set(['would-change']));
    expect(passwordFor).not.toHaveBeenCalled();
    for (const run of invocations()) {
      expect(run.args).toContain('-WhatIf');
      expect(run.args).not.toContain('-PasswordsFromInput');
    }
  });

  it('the wrong shell leaves the steps manual with the remediation; a failing step fails the room', async () => {
    vi.stubEnv('FAKE_PWSH_EXIT', '2');
    const wrongShell = await provisionSite({ site: site('onprem', rooms.slice(0, 1)), ...untouchable, powershell: setup, passwordFor: async () => PASSWORD });
    const first = wrongShell.rooms[0]!.steps[0]!;
    expect(first.status).toBe('manual');
    expect(first.message).toMatch(/did not report this step/);
    expect(first.remediation).toBeTruthy();
    // Manual steps do not block (as without PowerShell): each phase was tried once, all manual.
    expect(wrongShell.rooms[0]!.steps.every((step) => step.status === 'manual')).toBe(true);
    expect(invocations()).toHaveLength(3);

    vi.stubEnv('FAKE_PWSH_EXIT', '');
    vi.stubEnv('FAKE_PWSH_STATUS', 'failed');
    const failing = await provisionSite({ site: site('onprem', rooms.slice(0, 1)), ...untouchable, powershell: setup, passwordFor: async () => PASSWORD });
    expect(failing.rooms[0]!.status).toBe('failed');
    // The room stops at its first failed phase: later phases are not run.
    expect(invocations()).toHaveLength(3 + 1);
    expect(failing.rooms[0]!.steps.filter((step) => step.status === 'skipped').length).toBeGreaterThan(0);
  });

  it('a resumed run does not run a finished phase again', async () => {
    const journalPath = path.join(dir, 'hq.journal.jsonl');
    const controller = new AbortController();
    await expect(
      provisionSite({
        site: site('onprem', rooms.slice(0, 1)),
        ...untouchable,
        powershell: setup,
        passwordFor: async () => PASSWORD,
        journal: Journal.open(journalPath),
        signal: controller.signal,
        onEvent: (event) => {
          // Stop as the second phase (Active Directory) starts.
          if (event.type === 'step-started' && event.step.startsWith('ad.')) controller.abort(new Error('killed'));
        },
      }),
    ).rejects.toThrow();
    const before = invocations().length;
    const resumed = await provisionSite({ site: site('onprem', rooms.slice(0, 1)), ...untouchable, powershell: setup, passwordFor: async () => PASSWORD, journal: Journal.open(journalPath) });
    expect(resumed.run?.resumed).toBe(true);
    expect(resumed.rooms[0]!.status).toBe('passed');
    const after = invocations().slice(before);
    // Exchange Server's phase came from the journal; only the phases after it ran.
    expect(after.map((run) => /-([a-z-]+)\.ps1$/.exec(run.script)?.[1])).not.toContain('exchange-server');
    expect(resumed.rooms[0]!.steps.filter((step) => step.fromJournal).length).toBeGreaterThan(0);
  });

  it('hybrid-exo-sfbserver: cloud phases against the tenant, Active Directory and SfB Server through PowerShell', async () => {
    live = await startLiveTenant();
    const result = await provisionSite({
      site: site('hybrid-exo-sfbserver', [{ upn: 'hybrid-1@contoso.com', displayName: 'Hybrid 1' }]),
      graph: live.graph,
      exchange: live.exchange,
      powershell: setup,
      passwordFor: async () => PASSWORD,
      replication: { timeoutMs: 3_000, pollMs: 20 },
    });
    expect(invocations().map((run) => /-([a-z-]+)\.ps1$/.exec(run.script)?.[1])).toEqual(['active-directory', 'sfb-server']);
    const [mailbox] = await live.exchange.invoke('Get-Mailbox', { Identity: 'hybrid-1@contoso.com' });
    expect(mailbox).toMatchObject({ RecipientTypeDetails: 'RoomMailbox' });
    expect(result.rooms[0]!.steps.filter((step) => step.status === 'failed').map((step) => `${step.step}: ${step.message}`)).toEqual([]);
  });
});

describe('roomready provision --powershell', () => {
  async function cli(args: string[], env: Record<string, string> = {}) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, { stdout: (t) => (stdout += `${t}\n`), stderr: (t) => (stderr += `${t}\n`), env, cwd: dir });
    return { code, stdout, stderr };
  }

  it('an on-premises site runs without signing in; the vault keeps the passwords; secrets stay out of the output', async () => {
    fs.writeFileSync(path.join(dir, 'rooms.csv'), 'DisplayName,UserPrincipalName\nOn-prem 1,onprem-1@contoso.com\n');
    const args = ['provision', 'rooms.csv', '--topology', 'onprem', '--tenant-domain', 'contoso.com', '--registrar-pool', 'pool01.contoso.com', '--powershell', pwsh, '--passwords', 'rooms.vault', '--json'];
    const run = await cli(args, { ROOMREADY_PASSPHRASE: 'correct horse battery staple' });
    expect(run.stderr).not.toMatch(/sign|tenant/i);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.rooms[0].status).toBe('passed');
    expect(result.requests).toEqual({ reads: 0, writes: 0 });
    const [secret] = Object.values(invocations().find((one) => one.args.includes('-PasswordsFromInput'))!.passwords);
    expect(secret!.length).toBeGreaterThanOrEqual(16);
    expect(run.stdout + run.stderr).not.toContain(secret);
    expect(fs.readFileSync(path.join(dir, 'rooms.vault'), 'utf8')).not.toContain(secret);
    // The private script folder is gone.
    expect(fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('roomready-scripts-'))).toEqual([]);
  });

  it('a PowerShell that does not exist is a usage error naming the path; a missing input says so plainly', async () => {
    const missing = await cli(['provision', 'rooms.csv', '--topology', 'onprem', '--tenant-domain', 'contoso.com']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/rooms\.csv: it does not exist/);
    expect(missing.stderr).not.toContain('unexpected');
    fs.writeFileSync(path.join(dir, 'rooms.csv'), 'DisplayName,UserPrincipalName\nOn-prem 1,onprem-1@contoso.com\n');
    const run = await cli(['provision', 'rooms.csv', '--topology', 'onprem', '--tenant-domain', 'contoso.com', '--powershell', 'no/such/pwsh'], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--powershell');
    expect(run.stderr).toContain(path.join('no', 'such', 'pwsh'));
  });
});
