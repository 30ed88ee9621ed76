// `roomready report`, end to end in process: a site file (or a rooms CSV), the desktop app's progress
// for it in a data folder, a saved validation report -> a report file on disk in each format.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SiteProgress } from '../../main/app/progress-store.ts';
import { siteKeyForPath } from '../../main/app/open-sites.ts';
import { findMachineChromium } from '../../main/browser/find-chromium.ts';
import { fingerprintMatches } from '../../main/reports/fingerprint.ts';
import { saveSiteFile } from '../../main/workspace/site-file.ts';
import { REPORT_SCHEMA_VERSION } from '../../shared/checks/report.ts';
import { FingerprintedReportSchema } from '../../shared/report/schema.ts';
import { CUSTOMER_SIGN_OFF, INSTALLER_SIGN_OFF, photo, result, SAMPLE_SITE_INPUT } from '../unit/report/sample-input.ts';
import { parseCsv } from '../unit/report/csv-parse.ts';
import { pdfPageTexts } from './report-pdf-text.ts';
import { runCliIn, type CliRun } from '../support/cli-run.ts';

let dir: string;
let dataDir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roomready-report-cli-'));
  dataDir = path.join(dir, 'app-data');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> => runCliIn(dir, args, env);

const SITE = 'b7.roomready.json';
const read = (name: string) => fs.readFileSync(path.join(dir, name));
const exists = (name: string) => fs.existsSync(path.join(dir, name));

/** The site file, and what the app recorded for it, as the app would have. */
async function siteWithProgress(): Promise<void> {
  const file = path.join(dir, SITE);
  await saveSiteFile(file, SAMPLE_SITE_INPUT);
  const progress = await SiteProgress.load(dataDir, siteKeyForPath(file), () => undefined);
  await progress.setProvision({ upn: 'mtr-rainier@contoso.com', status: 'passed', steps: [{ room: 'mtr-rainier@contoso.com', step: 'exchange.room-mailbox', status: 'changed', changes: [], message: 'Room mailbox created.' }] }, new Date('2025-03-12T10:00:00Z'));
  await progress.setManual('mtr-rainier@contoso.com', 'report:console-signed-off', { done: true, note: 'Signed off on site; HDMI replaced.', doneAt: '2025-03-13T15:00:00.000Z' });
  await progress.addPhoto('mtr-rainier@contoso.com', photo('p1', 'Front of room'));
  await progress.setSignOff('mtr-rainier@contoso.com', INSTALLER_SIGN_OFF);
  await progress.setSignOff('mtr-rainier@contoso.com', CUSTOMER_SIGN_OFF);
  await progress.flush();
}

function validationFile(name: string, options: { title?: string; topology?: string; upns?: string[] } = {}): string {
  const upns = options.upns ?? ['MTR-Rainier@contoso.com', 'mtr-baker@contoso.com'];
  const report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    kind: 'validation',
    title: options.title ?? SAMPLE_SITE_INPUT.name,
    topology: options.topology ?? 'teams-online',
    generatedAt: '2025-03-13T14:00:00.000Z',
    coverage: { rooms: upns.length, results: upns.length, passed: 1, failed: upns.length - 1, warning: 0, unknown: 0, checks: [] },
    tenant: [],
    rooms: upns.map((upn, index) => ({
      upn,
      status: index === 0 ? 'passed' : 'failed',
      results: [index === 0 ? result('mailbox.is-room', 'passed', 'A room mailbox.', 'RoomMailbox', 'RoomMailbox') : result('license.teams-rooms', 'failed', 'No Teams Rooms licence.', [], ['Microsoft_Teams_Rooms_Pro'])],
    })),
  };
  fs.writeFileSync(path.join(dir, name), JSON.stringify(report, null, 2));
  return name;
}

describe('roomready report', () => {
  it('writes the JSON report of the site from the app\'s progress and a validation file', async () => {
    await siteWithProgress();
    const run = await cli(['report', SITE, '--format', 'json', '--out', 'out/b7.report.json', '--validation', validationFile('v.json'), '--data-dir', dataDir]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(path.join(dir, 'out/b7.report.json'));
    const report = FingerprintedReportSchema.parse(JSON.parse(read('out/b7.report.json').toString('utf8')));
    expect(fingerprintMatches(report)).toBe(true);
    expect(run.stdout).toContain(report.fingerprint.value);
    expect(report.kind).toBe('site');
    expect(report.rooms.map((room) => room.upn)).toEqual(SAMPLE_SITE_INPUT.rooms!.map((room) => room.upn));
    const [rainier, baker, olympus] = report.rooms;
    // The validation file's results, matched by UPN whatever its case.
    expect(rainier!.sources).toEqual({ provisioning: { present: true, at: '2025-03-12T10:00:00.000Z' }, validation: { present: true, at: '2025-03-13T14:00:00.000Z' } });
    expect(baker!.stages.find((stage) => stage.id === 'validate')!.items.map((item) => item.state)).toEqual(['failed']);
    expect(olympus!.sources.validation.present).toBe(false);
    expect(report.coverage).toMatchObject({ roomsNotValidated: 1, roomsNotProvisioned: 2, checks: { passed: 1, failed: 1, warning: 0, unknown: 0 }, signedOff: { installer: 1, customer: 1 } });
    // What the app recorded: the mark and its note, the photo, the sign-offs.
    const signedOff = rainier!.stages.find((stage) => stage.id === 'report')!.items.find((item) => item.id === 'report:console-signed-off')!;
    expect(signedOff).toMatchObject({ state: 'passed', note: 'Signed off on site; HDMI replaced.' });
    expect(rainier!.photos.map((entry) => entry.caption)).toEqual(['Front of room']);
    expect(rainier!.signOffs.map((entry) => entry.party)).toEqual(['installer', 'customer']);
    expect(fs.readdirSync(path.join(dir, 'out'))).toEqual(['b7.report.json']);
  });

  it('writes CSV (one row per room, BOM) and HTML, and one room with --room; --json describes the result', async () => {
    await siteWithProgress();
    const csv = await cli(['report', SITE, '--format', 'csv', '--out', 'r.csv', '--data-dir', dataDir]);
    expect(csv.code).toBe(0);
    const bytes = read('r.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.subarray(3).toString('utf8'));
    expect(rows).toHaveLength(4);
    expect(rows.slice(1).map((row) => row[rows[0]!.indexOf('UPN')])).toEqual(SAMPLE_SITE_INPUT.rooms!.map((room) => room.upn));
    expect(rows[1]![rows[0]!.indexOf('Installer sign-off')]).toBe('Ana Installer');

    const html = await cli(['report', SITE, '--format', 'HTML', '--out', 'r.html', '--room', 'MTR-BAKER@contoso.com', '--data-dir', dataDir, '--json']);
    expect(html.code).toBe(0);
    const result = JSON.parse(html.stdout);
    expect(result).toMatchObject({ ok: true, exitCode: 0, format: 'html', kind: 'room', rooms: 1, out: path.join(dir, 'r.html') });
    const page = read('r.html').toString('utf8');
    expect(page).toContain('mtr-baker@contoso.com');
    expect(page).not.toContain('mtr-rainier@contoso.com');
    expect(page).toContain(result.fingerprint);
  });

  it('reads a rooms CSV with passwords and never writes them', async () => {
    const password = 'Csv-Pa55word-7f3c1e9b!';
    fs.writeFileSync(path.join(dir, 'rooms.csv'), `DisplayName,UserPrincipalName,UsageLocation,License,Password\r\nRainier,mtr-rainier@contoso.com,US,Microsoft_Teams_Rooms_Pro,${password}\r\n`);
    for (const format of ['json', 'csv', 'html'] as const) {
      const run = await cli(['report', 'rooms.csv', '--tenant-domain', 'contoso.com', '--format', format, '--out', `r.${format}`, '--data-dir', dataDir]);
      expect(run.code, run.stderr).toBe(0);
      const text = read(`r.${format}`).toString('utf8');
      expect(text).toContain('mtr-rainier@contoso.com');
      expect(text.includes(password), format).toBe(false);
      expect(run.stdout + run.stderr).not.toContain(password);
    }
    const report = FingerprintedReportSchema.parse(JSON.parse(read('r.json').toString('utf8')));
    const passwordItem = report.rooms[0]!.stages[0]!.items.find((item) => item.id === 'topology:password')!;
    expect(passwordItem.state).toBe('passed');
  });

  it('prints a PDF through Chromium when there is one', async (context) => {
    const chromium = await findMachineChromium(process.env);
    if (!chromium.found) context.skip(`no Chromium: ${chromium.message}`);
    await siteWithProgress();
    const run = await cli(['report', SITE, '--format', 'pdf', '--out', 'r.pdf', '--data-dir', dataDir], process.env);
    expect(run.code, run.stderr).toBe(0);
    const bytes = read('r.pdf');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await pdfPageTexts(bytes)).join('\n')).toContain('Rainier');
  }, 60_000);

  it('refuses unusable command lines and inputs with exit code 2 and one line naming the file or flag, writing nothing', async () => {
    await siteWithProgress();
    const badFormat = await cli(['report', SITE, '--format', 'docx', '--out', 'r.docx']);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('--format must be one of html, pdf, json, csv');
    const noOut = await cli(['report', SITE, '--format', 'json']);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out <path> is required');
    const missing = await cli(['report', 'nowhere.roomready.json', '--format', 'json', '--out', 'r.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nowhere.roomready.json');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    const unknownRoom = await cli(['report', SITE, '--room', 'mtr-nowhere@contoso.com', '--format', 'json', '--out', 'r.json', '--data-dir', dataDir]);
    expect(unknownRoom.code).toBe(2);
    expect(unknownRoom.stderr).toContain('--room mtr-nowhere@contoso.com');
    const otherSite = await cli(['report', SITE, '--format', 'json', '--out', 'r.json', '--data-dir', dataDir, '--validation', validationFile('other.json', { title: 'Fabrikam HQ', upns: ['mtr-a@fabrikam.com'] })]);
    expect(otherSite.code).toBe(2);
    expect(otherSite.stderr).toContain('other.json is the validation of another site ("Fabrikam HQ")');
    const otherTopology = await cli(['report', SITE, '--format', 'json', '--out', 'r.json', '--data-dir', dataDir, '--validation', validationFile('onprem.json', { topology: 'onprem' })]);
    expect(otherTopology.code).toBe(2);
    expect(otherTopology.stderr).toContain("its topology is onprem, the site's is teams-online");
    const asJson = await cli(['report', SITE, '--room', 'mtr-nowhere@contoso.com', '--format', 'json', '--out', 'r.json', '--data-dir', dataDir, '--json']);
    expect(asJson.code).toBe(2);
    expect(JSON.parse(asJson.stdout)).toEqual({ ok: false, exitCode: 2, error: expect.stringContaining('--room mtr-nowhere@contoso.com') });
    fs.writeFileSync(path.join(dir, 'junk.json'), '{"not":"a report"}');
    const junk = await cli(['report', SITE, '--format', 'json', '--out', 'r.json', '--data-dir', dataDir, '--validation', 'junk.json']);
    expect(junk.code).toBe(2);
    expect(junk.stderr).toContain('junk.json is not a validation report');
    for (const run of [badFormat, noOut, missing, unknownRoom, otherSite, otherTopology, junk]) expect(run.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    expect(exists('r.json') || exists('r.docx')).toBe(false);
  });

  it('is in the general help and has its own', async () => {
    expect((await cli(['--help'])).stdout).toContain('report <site.roomready.json | rooms.csv>');
    const help = await cli(['help', 'report']);
    for (const flag of ['--format', '--out', '--room', '--validation', '--data-dir', '--json']) expect(help.stdout).toContain(flag);
  });
});
