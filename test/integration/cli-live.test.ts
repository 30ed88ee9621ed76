// The live commands end to end, in process, against a simulated tenant that keeps its state across
// commands (--simulator <url>), as an admin would use them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../main/cli.ts';
import { startSimulator, type RunningSimulator } from '../../main/simulator/index.ts';

let simulator: RunningSimulator;
let dir: string;
beforeAll(async () => {
  simulator = await startSimulator({ seed: 11 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roomready-live-cli-'));
  fs.writeFileSync(
    path.join(dir, 'rooms.csv'),
    [
      'DisplayName,UserPrincipalName,UsageLocation,License,Capacity,Building,RoomList',
      'Everest,mtr-everest@contoso.com,US,Microsoft_Teams_Rooms_Pro,10,Building 1,Building 1 Rooms',
      'K2,mtr-k2@contoso.com,US,Microsoft_Teams_Rooms_Pro,6,Building 1,Building 1 Rooms',
      'Bad,not-a-upn,US,,,,',
    ].join('\n'),
  );
});
afterAll(async () => {
  await simulator.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += `${t}\n`), stderr: (t) => (stderr += `${t}\n`), env: {}, cwd: dir };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

describe('live commands against a running simulated tenant', () => {
  it('preflight reads only, writes its report as JSON and Markdown, and names the rejected row', async () => {
    const before = simulator.stats().writes;
    const run = await cli(['preflight', 'rooms.csv', '--simulator', simulator.url, '--report', 'preflight']);
    expect(run.code).toBe(1); // the bad row
    expect(run.stderr).toContain('rooms.csv row 4, UserPrincipalName');
    expect(simulator.stats().writes).toBe(before);
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'preflight.json'), 'utf8'));
    expect(report.changePlan.map((room: { upn: string }) => room.upn)).toEqual(['mtr-everest@contoso.com', 'mtr-k2@contoso.com']);
    expect(fs.readFileSync(path.join(dir, 'preflight.md'), 'utf8')).toContain('## Change plan');
  });

  it('provision --dry-run writes nothing; provision creates; a second provision makes zero writes', async () => {
    const dry = await cli(['provision', 'rooms.csv', '--simulator', simulator.url, '--dry-run', '--json']);
    expect(JSON.parse(dry.stdout).requests.writes).toBe(0);
    expect(fs.existsSync(path.join(dir, 'rooms.csv.journal.jsonl'))).toBe(false);

    const first = await cli(['provision', 'rooms.csv', '--simulator', simulator.url, '--json']);
    const result = JSON.parse(first.stdout);
    expect(result.rooms.map((room: { status: string }) => room.status)).toEqual(['passed', 'passed']);
    expect(result.requests.writes).toBeGreaterThan(10);
    expect(first.code).toBe(1); // rooms done, but a row was rejected
    expect(fs.existsSync(path.join(dir, 'rooms.csv.journal.jsonl'))).toBe(true);

    const second = await cli(['provision', 'rooms.csv', '--simulator', simulator.url, '--json']);
    const again = JSON.parse(second.stdout);
    expect(again.requests.writes).toBe(0);
    expect(again.rooms.every((room: { steps: { status: string }[] }) => room.steps.every((step) => step.status === 'passed'))).toBe(true);
  });

  it('validate shows coverage and evidence for the rooms, and audit finds rooms by evidence without writing', async () => {
    const validate = await cli(['validate', 'rooms.csv', '--simulator', simulator.url, '--json']);
    const report = JSON.parse(validate.stdout);
    expect(report.rooms.map((room: { upn: string }) => room.upn).sort()).toEqual(['mtr-everest@contoso.com', 'mtr-k2@contoso.com']);
    const calendar = report.rooms[0].results.find((result: { id: string }) => result.id === 'calendar.keep-comments');
    expect(calendar.status).toBe('passed');

    // --report keeps the same report as files: JSON (the report schema) and Markdown for people.
    const kept = await cli(['validate', 'rooms.csv', '--simulator', simulator.url, '--report', 'reports/validate']);
    expect(kept.stderr).toContain('Report written');
    const file = JSON.parse(fs.readFileSync(path.join(dir, 'reports', 'validate.json'), 'utf8'));
    expect(file.rooms.map((room: { upn: string }) => room.upn).sort()).toEqual(['mtr-everest@contoso.com', 'mtr-k2@contoso.com']);
    expect(file.coverage).toEqual(report.coverage);
    expect(fs.readFileSync(path.join(dir, 'reports', 'validate.md'), 'utf8')).toBe(kept.stdout.replace(/\n$/, ''));

    const before = simulator.stats().writes;
    const audited = await cli(['audit', '--simulator', simulator.url, '--report', 'reports/audit']);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'reports', 'audit.json'), 'utf8')).rooms.length).toBeGreaterThanOrEqual(2);
    expect(audited.code).toBe(1);
    const audit = await cli(['audit', '--simulator', simulator.url, '--json']);
    const found = JSON.parse(audit.stdout).rooms.map((room: { upn: string }) => room.upn);
    expect(found).toEqual(expect.arrayContaining(['mtr-everest@contoso.com', 'mtr-k2@contoso.com']));
    expect(audit.code).toBe(1); // the sample tenant's misconfigured room fails checks
    expect(simulator.stats().writes).toBe(before);
  });

  it('refuses contradictory or unusable connection options with exit code 2', async () => {
    expect((await cli(['audit', '--simulated', '--simulator', simulator.url])).code).toBe(2);
    const nobody = await cli(['audit', '--simulator', 'http://127.0.0.1:9']);
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toContain('no simulated tenant answers');
    const bad = await cli(['audit', '--simulator', simulator.url, '--concurrency', 'lots']);
    expect(bad.code).toBe(2);
  });
});
