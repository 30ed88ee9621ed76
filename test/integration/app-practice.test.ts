// The practice walk through the app's services, as the window makes it: open practice, import a
// CSV with good and bad rows, refuse an invalid room, set a password, preflight, provision (progress
// events, then the finished event), the room's stages, validate, manual marks across a restart,
// exports and files.save. Nothing that crosses to the window may hold a password or a token.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload, SiteView } from '../../shared/ipc.ts';
import { AppHarness, readTree, storedPasswords } from './app-harness.ts';

const TYPED_PASSWORD = 'Zr8!kWq2#nVb7pLs';
const CSV_PASSWORD = 'Qm7#rTp9!vLx2Hd';
const WEAK_CSV_PASSWORD = 'weakpass';
const PASSPHRASE = 'correct horse battery staple';

const CSV = [
  'DisplayName,UserPrincipalName,UsageLocation,License,Capacity,Password',
  `Fuji,mtr-fuji@contoso.com,US,Microsoft_Teams_Rooms_Pro,8,${CSV_PASSWORD}`,
  'K2 North,mtr-k2@contoso.com,US,Microsoft_Teams_Rooms_Pro,10,',
  'Broken,not-a-upn,US,,,',
  `Weak,mtr-weak@contoso.com,US,Microsoft_Teams_Rooms_Pro,4,${WEAK_CSV_PASSWORD}`,
].join('\n');

let app: AppHarness;
let site: SiteView;
let out: string;

beforeAll(async () => {
  app = new AppHarness();
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'roomready-app-out-'));
});
afterAll(async () => {
  await app.dispose();
  fs.rmSync(out, { recursive: true, force: true });
});

async function provision(upns: string[], dryRun = false): Promise<EventPayload<'provision.finished'>> {
  const { runId } = await app.ok('provision.start', { siteId: site.id, upns, dryRun });
  return app.waitFor('provision.finished', (finished) => finished.runId === runId, 60_000);
}

describe('the practice walk', () => {
  it('app.info says no tenant is configured, so practice comes first', async () => {
    expect((await app.ok('app.info', {})).tenantConfigured).toBe(false);
  });

  it('opens the sample site on the simulated tenant, already signed in', async () => {
    site = await app.ok('sites.openPractice', {});
    expect(site.practice).toBe(true);
    expect(site.site.cloud).toBe('simulated');
    expect(site.rooms).toHaveLength(6);
    expect(site.rooms.every((room) => room.upn.endsWith('@contoso.com') && room.findings.every((finding) => finding.severity !== 'error'))).toBe(true);
    const status = await app.ok('tenant.status', { siteId: site.id });
    expect(status).toMatchObject({ state: 'signed-in', practice: true, cloud: 'simulated' });
    expect(status.account?.username).toMatch(/@contoso\.onmicrosoft\.com$/);
  });

  it('imports the good rows of a CSV (replacing a room with the same UPN) and names each bad row', async () => {
    const result = await app.ok('rooms.importCsv', { siteId: site.id, fileName: 'rooms.csv', text: CSV });
    expect(result.added).toBe(1);
    expect(result.replaced).toBe(1);
    site = result.site;
    expect(site.rooms.map((room) => room.upn)).toContain('mtr-fuji@contoso.com');
    expect(site.rooms.find((room) => room.upn === 'mtr-k2@contoso.com')?.displayName).toBe('K2 North');
    expect(site.rooms).toHaveLength(7);
    // One entry per problem: the weak password breaks two rules.
    expect([...new Set(result.rejected.map((row) => `${row.row} ${row.field}`))]).toEqual(['4 UserPrincipalName', '5 Password']);
    expect(result.rejected.filter((row) => row.row === 5).map((row) => row.message).join(' ')).toMatch(/kinds of character/);
    // What was written is shown, except in the Password column.
    expect(result.rejected.find((row) => row.row === 4)?.value).toBe('not-a-upn');
    expect(result.rejected.filter((row) => row.row === 5).every((row) => row.value === undefined)).toBe(true);
    // The file's good password is kept (as a handle would be); the room shows it has one.
    expect(site.rooms.find((room) => room.upn === 'mtr-fuji@contoso.com')?.hasPassword).toBe(true);
    expect(site.dirty).toBe(true);
  });

  it('decodes the file as bytes (UTF-16 from Excel), and lists warnings and unknown columns', async () => {
    const csv = 'UserPrincipalName,DisplayName,Colour\r\nmtr-zurich@contoso.com,Zürich Süd,blue\r\nmtr-oslo@contoso.com,,green\r\n';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]);
    const result = await app.ok('rooms.importCsv', { siteId: site.id, fileName: 'excel-unicode.csv', base64: utf16.toString('base64') });
    expect(result.added).toBe(2);
    expect(result.rejected).toEqual([]);
    expect(result.site.rooms.find((room) => room.upn === 'mtr-zurich@contoso.com')?.displayName).toBe('Zürich Süd');
    expect(result.warnings).toEqual([
      expect.objectContaining({ row: 1, field: 'Colour', message: expect.stringContaining('not a RoomReady column') }),
      expect.objectContaining({ row: 3, field: 'DisplayName', message: expect.stringContaining('from the UPN') }),
    ]);
    expect(result.unknownColumns).toEqual(['Colour']);
    site = (await app.ok('rooms.remove', { siteId: site.id, upns: ['mtr-zurich@contoso.com', 'mtr-oslo@contoso.com'] }));
    // Exactly one of base64 and text.
    expect((await app.fails('rooms.importCsv', { siteId: site.id, fileName: 'x.csv' })).code).toBe('invalid-input');
    expect((await app.fails('rooms.importCsv', { siteId: site.id, fileName: 'x.csv', base64: 'QQ==', text: 'A' })).code).toBe('invalid-input');
  });

  it('a CSV that is not a rooms file at all is a bad-file error naming it', async () => {
    const failure = await app.fails('rooms.importCsv', { siteId: site.id, fileName: 'notes.csv', text: 'Colour,Size\nred,3\n' });
    expect(failure.code).toBe('bad-file');
    expect(failure.message).toContain('notes.csv');
  });

  it('refuses a room the model rejects, naming the fields', async () => {
    const failure = await app.fails('rooms.save', { siteId: site.id, room: { upn: 'no-at-sign', displayName: 'Nowhere', usageLocation: 'XX' } });
    expect(failure.code).toBe('invalid-room');
    expect(failure.issues?.map((issue) => issue.field).sort()).toEqual(['upn', 'usageLocation']);
    const duplicate = await app.fails('rooms.save', { siteId: site.id, room: { upn: 'MTR-FUJI@contoso.com', displayName: 'Fuji again' } });
    expect(duplicate.code).toBe('invalid-room');
    expect(duplicate.issues?.[0]?.message).toMatch(/duplicates room/);
  });

  it('keeps a typed password in main: a handle and rule-worded warnings come back', async () => {
    const weak = await app.ok('passwords.set', { siteId: site.id, upn: 'mtr-everest@contoso.com', password: 'Short1!' });
    expect(weak.warnings.join(' ')).toMatch(/shorter than 8 characters/);
    const good = await app.ok('passwords.set', { siteId: site.id, upn: 'mtr-everest@contoso.com', password: TYPED_PASSWORD });
    expect(good.warnings).toEqual([]);
    expect(good.handle).not.toContain(TYPED_PASSWORD);
    const missing = await app.fails('passwords.set', { siteId: site.id, upn: 'nobody@contoso.com', password: TYPED_PASSWORD });
    expect(missing.code).toBe('not-found');
    expect(await storedPasswords(app.stores.get('passwords-practice'))).toContain(TYPED_PASSWORD);
  });

  it('preflights the rooms against the simulated tenant: ready, with a change plan per room', async () => {
    const report = await app.ok('preflight.run', { siteId: site.id });
    expect(report.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.changePlan).toHaveLength(7);
    expect(report.changePlan.every((room) => room.steps.some((step) => step.status === 'would-change'))).toBe(true);
    expect(report.markdown).toContain('## Change plan');
    expect(report.licences.find((need) => need.skuPartNumber === 'Microsoft_Teams_Rooms_Pro')?.needed).toBe(7);
  });

  it('provisions every room: progress events in order per room, then provision.finished and site.changed', async () => {
    const upns = site.rooms.map((room) => room.upn);
    const finished = await provision(upns);
    expect(finished.cancelled).toBe(false);
    expect(finished.error).toBeUndefined();
    expect(finished.rooms.map((room) => room.status)).toEqual(upns.map(() => 'passed'));
    const progress = app.eventsOf('provision.progress').filter((event) => event.runId === finished.runId);
    for (const upn of upns) {
      const kinds = progress
        .map((event) => event.event)
        .filter((event) => ('room' in event ? event.room : event.type === 'step-finished' ? event.outcome.room : event.outcome.upn) === upn)
        .map((event) => event.type);
      expect(kinds[0]).toBe('room-started');
      expect(kinds.at(-1)).toBe('room-finished');
      // Each step starts before it finishes.
      expect(kinds.filter((kind) => kind === 'step-started')).toHaveLength(kinds.filter((kind) => kind === 'step-finished').length);
      expect(kinds.indexOf('step-started')).toBeLessThan(kinds.indexOf('step-finished'));
    }
    expect(app.eventsOf('site.changed').some((event) => event.siteId === site.id)).toBe(true);
    // Every room that needed one got a password before anything was written.
    site = (await app.ok('sites.update', { siteId: site.id, changes: {} })) as SiteView;
    expect(site.rooms.every((room) => room.hasPassword)).toBe(true);
  });

  it("shows the room's provisioning stages as passed", async () => {
    const progress = await app.ok('rooms.progress', { siteId: site.id, upn: 'mtr-everest@contoso.com' });
    const state = Object.fromEntries(progress.stages.map((stage) => [stage.id, stage.state]));
    for (const stage of ['account', 'exchange', 'calendar', 'license'] as const) expect(state[stage]).toBe('passed');
    const summary = site.rooms.find((room) => room.upn === 'mtr-everest@contoso.com')!.stages;
    expect(summary.account).toBe('passed');
  });

  it('a second run finds everything done and changes nothing', async () => {
    const finished = await provision([]);
    expect(finished.rooms).toHaveLength(7);
    const statuses = new Set(finished.rooms.flatMap((room) => room.steps.map((step) => step.status)));
    expect([...statuses]).toEqual(['passed']);
  });

  it('validates the rooms: the report comes back and the validate stage shows it', async () => {
    const report = await app.ok('validate.run', { siteId: site.id, upns: ['mtr-everest@contoso.com', 'mtr-fuji@contoso.com'] });
    expect(report.rooms.map((room) => room.upn).sort()).toEqual(['mtr-everest@contoso.com', 'mtr-fuji@contoso.com']);
    expect(report.rooms[0]!.results.find((result) => result.id === 'calendar.keep-comments')?.status).toBe('passed');
    // The sample's "Require MFA for all users" excludes the Teams Rooms group, which provisioning added them to.
    for (const room of report.rooms) expect(room.results.find((result) => result.id === 'security.no-mfa-or-device-ca'), room.upn).toMatchObject({ status: 'passed' });
    const progress = await app.ok('rooms.progress', { siteId: site.id, upn: 'mtr-everest@contoso.com' });
    expect(progress.stages.find((stage) => stage.id === 'account')!.items.filter((item) => item.state === 'failed')).toEqual([]);
    const validate = progress.stages.find((stage) => stage.id === 'validate')!;
    expect(validate.items.length).toBeGreaterThan(0);
    expect(validate.state).not.toBe('pending');
  });

  it('marks a manual item done with a note, and the mark survives a restart', async () => {
    const before = await app.ok('rooms.progress', { siteId: site.id, upn: 'mtr-k2@contoso.com' });
    const item = before.stages.flatMap((stage) => stage.items).find((candidate) => candidate.manual && candidate.state === 'manual');
    expect(item).toBeDefined();
    const marked = await app.ok('rooms.markManual', { siteId: site.id, upn: 'mtr-k2@contoso.com', itemId: item!.id, done: true, note: 'Done by Sam at the console' });
    const after = marked.stages.flatMap((stage) => stage.items).find((candidate) => candidate.id === item!.id)!;
    expect(after).toMatchObject({ state: 'passed', note: 'Done by Sam at the console' });
    const unknown = await app.fails('rooms.markManual', { siteId: site.id, upn: 'mtr-k2@contoso.com', itemId: 'no.such.item', done: true });
    expect(unknown.code).toBe('not-found');

    const restarted = new AppHarness({ dataDir: app.dataDir, stores: app.stores });
    try {
      const again = await restarted.ok('sites.openPractice', {});
      const progress = await restarted.ok('rooms.progress', { siteId: again.id, upn: 'mtr-k2@contoso.com' });
      expect(progress.stages.flatMap((stage) => stage.items).find((candidate) => candidate.id === item!.id)).toMatchObject({ state: 'passed', note: 'Done by Sam at the console' });
      // A new simulated tenant: the last one's provisioning results are not carried over.
      expect(progress.stages.find((stage) => stage.id === 'account')!.state).not.toBe('passed');
    } finally {
      await restarted.dispose(false);
    }
  });

  it('exports the scripts and console files of the chosen rooms, listing the rooms left out', async () => {
    const folder = path.join(out, 'scripts');
    app.dialogs.folder.push(folder);
    const result = await app.ok('export.scripts', { siteId: site.id, upns: ['mtr-everest@contoso.com', 'mtr-k2@contoso.com', 'ghost@contoso.com'] });
    expect(result).toMatchObject({ folder, rooms: 2, skipped: [{ upn: 'ghost@contoso.com' }] });
    const files = readTree(folder);
    expect(files.size).toBe(result.files);
    expect(files.has('rooms/mtr-everest@contoso.com/SkypeSettings.xml')).toBe(true);
    expect(files.has('manifest.json')).toBe(true);
    expect([...files.keys()].some((file) => file.includes('mtr-fuji'))).toBe(false);
    app.dialogs.folder.push(null);
    expect((await app.fails('export.scripts', { siteId: site.id })).code).toBe('cancelled');
  });

  it("exports the installer's package as one sealed file, passwords only when asked, and opens it again", async () => {
    const passwords = await storedPasswords(app.stores.get('passwords-practice'));
    expect(passwords.length).toBeGreaterThan(0);
    const without = path.join(out, 'without.roomready-package');
    const sealed = await app.ok('packages.export', { siteId: site.id, includePasswords: false, passphrase: PASSPHRASE, path: without });
    expect(sealed).toMatchObject({ path: without, rooms: 7, includesPasswords: false });
    const withPasswords = path.join(out, 'with.roomready-package');
    expect(await app.ok('packages.export', { siteId: site.id, includePasswords: true, passphrase: PASSPHRASE, path: withPasswords })).toMatchObject({ rooms: 7, includesPasswords: true });
    expect(fs.statSync(without).size).toBe(sealed.bytes);
    for (const file of [without, withPasswords]) {
      const text = fs.readFileSync(file, 'utf8');
      // Sealed: neither a room nor a password can be read from the file.
      expect(text).not.toContain('mtr-everest');
      for (const password of passwords) expect(text.includes(password), `${file} holds a password`).toBe(false);
    }

    expect((await app.fails('packages.open', { path: withPasswords, passphrase: 'not the passphrase at all' })).code).toBe('bad-file');
    const opened = await app.ok('packages.open', { path: withPasswords, passphrase: PASSPHRASE });
    expect(opened.package).toMatchObject({ path: withPasswords, includesPasswords: true });
    expect(opened.rooms.length).toBe(7);
    expect(opened.rooms.find((room) => room.upn === 'mtr-everest@contoso.com')?.hasPassword).toBe(true);
    // The package's password signs the provisioned room in, through the practice site's simulated tenant.
    const signIn = await app.ok('onsite.signInTest', { siteId: opened.id, upn: 'mtr-everest@contoso.com' });
    expect(signIn.outcome).toBe('signed-in');
    const bare = await app.ok('packages.open', { path: without, passphrase: PASSPHRASE });
    expect(bare.package?.includesPasswords).toBe(false);
    expect(bare.rooms.every((room) => !room.hasPassword)).toBe(true);
    app.dialogs.packageToOpen.push(null);
    expect((await app.fails('packages.open', { passphrase: PASSPHRASE })).code).toBe('cancelled');
  });

  it('files.save writes the text atomically where asked, or where the dialog says; a cancelled dialog saves nothing', async () => {
    const given = path.join(out, 'SkypeSettings.xml');
    expect(await app.ok('files.save', { suggestedName: 'SkypeSettings.xml', text: '<SkypeSettings/>', path: given })).toEqual({ path: given });
    expect(fs.readFileSync(given, 'utf8')).toBe('<SkypeSettings/>');
    const chosen = path.join(out, 'chosen.xml');
    app.dialogs.savePath.push(chosen);
    expect(await app.ok('files.save', { suggestedName: 'SkypeSettings.xml', text: '<a/>' })).toEqual({ path: chosen });
    app.dialogs.savePath.push(null);
    expect(await app.ok('files.save', { suggestedName: 'SkypeSettings.xml', text: '<b/>' })).toEqual({ path: null });
    const failure = await app.fails('files.save', { suggestedName: 'x.xml', text: '<c/>', path: path.join(out, 'missing-folder', 'x.xml') });
    expect(failure.code).toBe('bad-file');
    expect(failure.message).toContain('missing-folder');
  });

  it('no answer and no event held a password or a token', async () => {
    const traffic = app.traffic();
    const passwords = [...(await storedPasswords(app.stores.get('passwords-practice'))), TYPED_PASSWORD, CSV_PASSWORD, WEAK_CSV_PASSWORD, 'Short1!'];
    for (const password of passwords) expect(traffic.includes(password)).toBe(false);
    expect(traffic).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
    expect(app.logs.join('\n')).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
    for (const password of passwords) expect(app.logs.join('\n').includes(password)).toBe(false);
  });
});
