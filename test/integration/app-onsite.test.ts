// The on-site toolkit through the app's services, as the window asks for it: network probes aimed
// at loopback stand-ins (a trusted TLS endpoint, a TLS-inspecting one, a STUN relay, a clock), the
// practice room's own sign-in after it was provisioned, certificate files from the corpus, the
// console configuration exported for a USB stick off a console and written into a stand-in
// LocalState on one (confirmed after a simulated app restart, across a RoomReady restart), and the
// room's report carrying every finding. No password crosses to the window or into the store.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../main/app/deps.ts';
import type { ChannelInput, SiteView } from '../../shared/ipc.ts';
import type { NetworkEndpoint } from '../../shared/onsite/network-endpoints.ts';
import { FingerprintedReportSchema } from '../../shared/report/schema.ts';
import { CORPUS_DIR, CORPUS_FILES } from '../fixtures/certs/corpus.ts';
import { mintStandInCertificates, startClockStandIn, startStunStandIn, startTlsStandIn, type ClockStandIn, type StunStandIn, type TlsStandIn } from '../support/onsite-stand-ins.ts';
import { AppHarness } from './app-harness.ts';

const PASSWORD = 'Room-Pa55word!onsite';

/** A SkypeSettings.xml an admin made for a room: a custom theme naming its main display image. */
const themedXml = (upn: string) => `<?xml version="1.0" encoding="utf-8"?>
<SkypeSettings>
  <UserAccount>
    <SkypeSignInAddress>${upn}</SkypeSignInAddress>
    <ExchangeAddress>${upn}</ExchangeAddress>
  </UserAccount>
  <Theming>
    <ThemeName>Custom</ThemeName>
    <CustomBackgroundMainFoRDisplay>Lobby theme.png</CustomBackgroundMainFoRDisplay>
  </Theming>
</SkypeSettings>
`;
const WRONG_PASSWORD = 'Not-the-r00m-password';

let trusted: TlsStandIn;
let inspected: TlsStandIn;
let stun: StunStandIn;
let clock: ClockStandIn;
let network: NonNullable<AppDeps['onsite']>['network'];
let out: string;

function endpoint(id: string, port: number, ask: string): NetworkEndpoint {
  return { id, service: 'identity', host: '127.0.0.1', port, tls: true, why: `The room signs in through ${id}.`, ask, expectedIssuerOrganizations: ['Microsoft Corporation'] };
}

beforeAll(async () => {
  const certificates = mintStandInCertificates();
  [trusted, inspected, stun, clock] = await Promise.all([
    startTlsStandIn(certificates.microsoftLeaf),
    startTlsStandIn(certificates.inspectionLeaf),
    startStunStandIn(),
    startClockStandIn(),
  ]);
  network = {
    endpoints: [endpoint('login', trusted.port, 'allow TCP 443 to the sign-in endpoint'), endpoint('outlook', inspected.port, 'allow TCP 443 to Exchange')],
    stun: [{ id: 'relay', host: '127.0.0.1', port: stun.port }],
    extraCaPem: [certificates.microsoftRoot.certPem],
    clockUrl: clock.url,
    timeoutMs: 3000,
  };
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'roomready-onsite-out-'));
});

afterAll(async () => {
  await Promise.all([trusted?.close(), inspected?.close(), stun?.close(), clock?.close()]);
  fs.rmSync(out, { recursive: true, force: true });
});

describe('off a console (an installer laptop)', () => {
  let app: AppHarness;
  let site: SiteView;
  let upn: string;

  beforeAll(async () => {
    app = new AppHarness({ onsite: { consoleTarget: null, network } });
    site = await app.ok('sites.openPractice', {});
    upn = site.rooms[0]!.upn;
  });
  afterAll(async () => app.dispose());

  it('network: the trusted endpoint passes, TLS inspection is named by its issuer, STUN answers; the room keeps the findings', async () => {
    const report = await app.ok('onsite.network', { siteId: site.id, upn });
    const byId = new Map(report.checks.map((check) => [check.id, check]));
    expect(byId.get('network.tls.login')?.status).toBe('passed');
    const inspection = byId.get('network.tls.outlook')!;
    expect(inspection.status).toBe('failed');
    expect(`${inspection.detail} ${inspection.remedy}`).toContain('Contoso Web Filter');
    expect(byId.get('network.stun.relay')?.status).toBe('passed');
    expect(stun.answered()).toBeGreaterThan(0);
    expect(byId.get('network.clock')?.status).toBe('passed');
    const recorded = (await app.ok('onsite.checks', { siteId: site.id, upn })).checks.map((check) => check.id);
    expect(recorded).toEqual(expect.arrayContaining(['network.tls.login', 'network.tls.outlook', 'network.stun.relay', 'network.clock', 'network.proxy']));
    // Run without the room: nothing recorded for it.
    const other = site.rooms[1]!.upn;
    await app.ok('onsite.network', { siteId: site.id });
    expect((await app.ok('onsite.checks', { siteId: site.id, upn: other })).checks).toEqual([]);
  });

  it('network: a new run replaces the last run\'s probes, endpoints no longer checked included', async () => {
    const narrowed = new AppHarness({ dataDir: app.dataDir, onsite: { consoleTarget: null, network: { ...network, endpoints: network!.endpoints!.slice(0, 1) } } });
    try {
      const reopened = await narrowed.ok('sites.openPractice', {});
      await narrowed.ok('onsite.network', { siteId: reopened.id, upn });
      const ids = (await narrowed.ok('onsite.checks', { siteId: reopened.id, upn })).checks.map((check) => check.id);
      expect(ids).toContain('network.tls.login');
      expect(ids).not.toContain('network.tls.outlook');
    } finally {
      await narrowed.dispose(false);
    }
  });

  it('room sign-in: refused before the room exists, signed in with its licence once provisioned; a wrong typed password is explained', async () => {
    await app.ok('passwords.set', { siteId: site.id, upn, password: PASSWORD });
    const before = await app.ok('onsite.signInTest', { siteId: site.id, upn });
    expect(before.outcome).toBe('account-not-found');
    expect(before.aadsts).toBe('AADSTS50034');

    const { runId } = await app.ok('provision.start', { siteId: site.id, upns: [upn] });
    const finished = await app.waitFor('provision.finished', (event) => event.runId === runId, 60_000);
    expect(finished.error).toBeUndefined();

    const after = await app.ok('onsite.signInTest', { siteId: site.id, upn });
    expect(after.outcome).toBe('signed-in');
    expect(after.check).toMatchObject({ id: 'sign-in.room', status: 'passed' });
    expect(after.licences?.length).toBeGreaterThan(0);

    const wrong = await app.ok('onsite.signInTest', { siteId: site.id, upn, password: WRONG_PASSWORD });
    expect(wrong).toMatchObject({ outcome: 'wrong-password', aadsts: 'AADSTS50126' });
    expect(wrong.remedy.length).toBeGreaterThan(0);
    // The newest result is the one kept.
    const signIn = (await app.ok('onsite.checks', { siteId: site.id, upn })).checks.filter((check) => check.id.startsWith('sign-in.'));
    expect(signIn.map((check) => check.status)).toEqual(['failed']);
  });

  it('room sign-in without a kept or typed password is refused, naming the room', async () => {
    const bare = site.rooms.find((room) => !room.hasPassword && room.upn !== upn)!;
    const failure = await app.fails('onsite.signInTest', { siteId: site.id, upn: bare.upn });
    expect(failure.code).toBe('invalid-room');
    expect(failure.message).toContain(bare.upn);
  });

  it('certificates: a chain from the corpus with its install commands; a junk file is refused by name', async () => {
    const files = [CORPUS_FILES.chainPem, CORPUS_FILES.weakKey].map((name) => ({ fileName: name, base64: fs.readFileSync(path.join(CORPUS_DIR, name)).toString('base64') }));
    const inspection = await app.ok('onsite.certificates', { siteId: site.id, upn, files });
    expect(inspection.certificates.length).toBeGreaterThanOrEqual(4);
    expect(inspection.installCommands.some((command) => command.store === 'Root' && command.command.startsWith('certutil -addstore -f -enterprise root "C:\\Skype Room Systems\\x64\\Scripts\\Provisioning\\'))).toBe(true);
    expect(inspection.checks.some((check) => check.id.endsWith('.weak-key'))).toBe(true);
    const recorded = (await app.ok('onsite.checks', { siteId: site.id, upn })).checks;
    expect(recorded.filter((check) => check.id.startsWith('certificate.')).length).toBe(inspection.checks.length);

    // The CA files the commands name, saved for the console (a folder the dialog gives, then one given).
    const caFolder = path.join(out, 'ca');
    fs.mkdirSync(caFolder);
    app.dialogs.folder.push(caFolder);
    const saved = await app.ok('onsite.saveCertificates', { siteId: site.id });
    expect(saved.folder).toBe(caFolder);
    expect(saved.files.map((file) => file.name).sort()).toEqual(inspection.installCommands.map((command) => command.file.slice(command.file.lastIndexOf('\\') + 1)).sort());
    const rootDer = fs.readFileSync(path.join(CORPUS_DIR, CORPUS_FILES.rootDer));
    const rootFile = saved.files.find((file) => file.store === 'Root')!;
    expect(fs.readFileSync(path.join(caFolder, rootFile.name)).equals(rootDer)).toBe(true);
    const missing = await app.fails('onsite.saveCertificates', { siteId: site.id, folder: path.join(out, 'no-such-folder') });
    expect(missing.code).toBe('bad-file');

    const junk = await app.fails('onsite.certificates', { siteId: site.id, upn, files: [{ fileName: 'notes.txt', base64: Buffer.from('hello').toString('base64') }] });
    expect(junk.code).toBe('bad-file');
    expect(junk.message).toContain('notes.txt');
  });

  it('console configuration: exported for a USB stick with its steps; confirming needs a console', async () => {
    app.dialogs.folder.push(out);
    const result = await app.ok('onsite.applyConsole', { siteId: site.id, upn });
    expect(result.mode).toBe('usb');
    expect(result.folder.startsWith(out)).toBe(true);
    const written = fs.readdirSync(result.folder).sort();
    expect(written).toEqual(['README-USB.txt', 'SkypeSettings.xml']);
    expect(result.files.map((file) => file.name).sort()).toEqual(written);
    const xml = fs.readFileSync(path.join(result.folder, 'SkypeSettings.xml'), 'utf8');
    expect(xml).toContain(upn);
    expect(xml).not.toContain(PASSWORD);
    expect(fs.readFileSync(path.join(result.folder, 'README-USB.txt'), 'utf8')).toContain('/grant Skype:(F)');
    expect(result.check).toMatchObject({ id: 'console-config.exported', status: 'passed' });

    const confirm = await app.fails('onsite.confirmConsole', { siteId: site.id, upn });
    expect(confirm.code).toBe('not-found');
    app.dialogs.folder.push(null);
    expect((await app.fails('onsite.applyConsole', { siteId: site.id, upn })).code).toBe('cancelled');
    // A folder that is not there: a plain answer naming it, not an internal error.
    const missing = await app.fails('onsite.applyConsole', { siteId: site.id, upn, folder: path.join(out, 'no-such-stick') });
    expect(missing.code).toBe('bad-file');
    expect(missing.message).toContain('no-such-stick');
  });

  it("the room's console stage and its chip show the tools' outcomes", async () => {
    const progress = await app.ok('rooms.progress', { siteId: site.id, upn });
    const items = new Map(progress.stages.find((stage) => stage.id === 'console')!.items.map((item) => [item.id, item]));
    expect(items.get('onsite:network')?.state).toBe('failed');
    expect(items.get('onsite:network')?.detail).toContain('TLS');
    expect(items.get('onsite:sign-in')?.state).toBe('failed');
    expect(items.get('onsite:console-config')?.state).toBe('passed');
    const view = await app.ok('sites.get', { siteId: site.id });
    expect(view.rooms.find((room) => room.upn === upn)?.stages.console).toBe('failed');
  });

  it("the room's report carries every tool's findings, with what to do", async () => {
    const file = path.join(out, 'room.json');
    await app.ok('reports.export', { siteId: site.id, upn, format: 'json', path: file });
    const report = FingerprintedReportSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
    const checks = report.rooms[0]!.onSiteChecks;
    const tools = new Set(checks.map((check) => check.id.split('.')[0]));
    expect([...tools].sort()).toEqual(['certificate', 'console-config', 'network', 'sign-in']);
    expect(checks.find((check) => check.id === 'network.tls.outlook')?.remedy).toBeTruthy();
    const html = path.join(out, 'room.html');
    await app.ok('reports.export', { siteId: site.id, upn, format: 'html', path: html });
    expect(fs.readFileSync(html, 'utf8')).toContain('Contoso Web Filter');
  });

  it('no answer, event, log or stored file holds a password', async () => {
    const traffic = app.traffic();
    const logs = app.logs.join('\n');
    const progress = fs
      .readdirSync(path.join(app.dataDir, 'progress'))
      .map((name) => fs.readFileSync(path.join(app.dataDir, 'progress', name), 'utf8'))
      .join('\n');
    for (const secret of [PASSWORD, WRONG_PASSWORD]) {
      // The typed passwords crossed once, as requests; no answer or event carries them back.
      expect(traffic.includes(secret)).toBe(false);
      expect(logs.includes(secret)).toBe(false);
      expect(progress.includes(secret)).toBe(false);
    }
    expect(traffic).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
  });
});

describe('on a console (a stand-in LocalState and permissions tool)', () => {
  let localState: string;
  const granted: string[] = [];
  const consoleTarget = () => ({
    localStateDir: localState,
    async grantAccess(file: string) {
      granted.push(path.basename(file));
    },
  });

  beforeAll(() => {
    localState = fs.mkdtempSync(path.join(os.tmpdir(), 'roomready-localstate-'));
  });
  afterAll(() => fs.rmSync(localState, { recursive: true, force: true }));

  it('writes SkypeSettings.xml and a theme image into LocalState with access granted, and confirms once the app took them, across a restart', async () => {
    const app = new AppHarness({ onsite: { consoleTarget: consoleTarget(), network } });
    const site = await app.ok('sites.openPractice', {});
    const upn = site.rooms[0]!.upn;
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const images = [{ fileName: 'Lobby theme.png', base64: png.toString('base64') }];
    const settingsXml = { fileName: 'Everest with theme.xml', text: themedXml(upn) };
    const applied = await app.ok('onsite.applyConsole', { siteId: site.id, upn, settingsXml, images });
    expect(applied.mode).toBe('console');
    expect(fs.readdirSync(localState).sort()).toEqual(['Lobby theme.png', 'SkypeSettings.xml']);
    // The file brought for the room is the one written, as it was.
    expect(fs.readFileSync(path.join(localState, 'SkypeSettings.xml'), 'utf8')).toBe(settingsXml.text);
    expect(granted.length).toBe(2);
    expect(applied.check).toMatchObject({ id: 'console-config.applied', status: 'unknown' });

    const waiting = await app.ok('onsite.confirmConsole', { siteId: site.id, upn });
    expect(waiting.consumed).toBe(false);
    expect(waiting.remaining.sort()).toEqual(['Lobby theme.png', 'SkypeSettings.xml']);
    await app.dispose(false);

    // The console restarts (RoomReady with it): the app applies and deletes the files.
    for (const name of fs.readdirSync(localState)) fs.rmSync(path.join(localState, name));
    const restarted = new AppHarness({ dataDir: app.dataDir, onsite: { consoleTarget: consoleTarget(), network } });
    try {
      const reopened = await restarted.ok('sites.openPractice', {});
      const confirmed = await restarted.ok('onsite.confirmConsole', { siteId: reopened.id, upn });
      expect(confirmed.consumed).toBe(true);
      expect(confirmed.check.status).toBe('passed');
      // What the restart found, it found for the files the last apply put there (the image too).
      expect(JSON.stringify(confirmed.check.evidence)).toContain('Lobby theme.png');
      const ids = (await restarted.ok('onsite.checks', { siteId: reopened.id, upn })).checks.map((check) => check.id);
      expect(ids).toEqual(expect.arrayContaining(['console-config.applied', 'console-config.consumed']));
    } finally {
      await restarted.dispose();
    }
  });

  it('a brought SkypeSettings.xml is checked: its images must come, exactly; not another room; no badly formed file', async () => {
    const app = new AppHarness({ onsite: { consoleTarget: consoleTarget(), network } });
    try {
      const site = await app.ok('sites.openPractice', {});
      const upn = site.rooms[0]!.upn;
      const image = (fileName: string) => ({ fileName, base64: 'iVBORw0KGgo=' });
      const apply = (input: Partial<ChannelInput<'onsite.applyConsole'>>) => app.fails('onsite.applyConsole', { siteId: site.id, upn, ...input });
      const settingsXml = { fileName: 'themed.xml', text: themedXml(upn) };

      const missing = await apply({ settingsXml });
      expect(missing.code).toBe('bad-file');
      expect(missing.message).toContain('themed.xml names the image "Lobby theme.png" (SkypeSettings/Theming/CustomBackgroundMainFoRDisplay)');
      const extra = await apply({ settingsXml, images: [image('Lobby theme.png'), image('logo.png')] });
      expect(extra.message).toContain('logo.png is not named by any Theming element of themed.xml');
      // The prepared file names no image: an image alone is refused too.
      expect((await apply({ images: [image('Lobby theme.png')] })).message).toContain('is not named by any Theming element of SkypeSettings.xml');

      const otherRoom = await apply({ settingsXml: { fileName: 'k2.xml', text: themedXml(site.rooms[1]!.upn) }, images: [image('Lobby theme.png')] });
      expect(otherRoom.message).toBe(`k2.xml signs in ${site.rooms[1]!.upn}, not this room (${upn}).`);
      const broken = await apply({ settingsXml: { fileName: 'broken.xml', text: themedXml(upn).replace('</Theming>', '') } });
      expect(broken.code).toBe('bad-file');
      expect(broken.message).toMatch(/^broken\.xml: invalid, /);
      expect(fs.readdirSync(localState)).toEqual([]);
    } finally {
      await app.dispose();
    }
  });

  it('exports for a USB stick on a console when asked', async () => {
    const app = new AppHarness({ onsite: { consoleTarget: consoleTarget(), network } });
    try {
      const site = await app.ok('sites.openPractice', {});
      const stick = fs.mkdtempSync(path.join(out, 'stick-'));
      const result = await app.ok('onsite.applyConsole', { siteId: site.id, upn: site.rooms[0]!.upn, usb: true, folder: stick });
      expect(result.mode).toBe('usb');
      expect(result.folder.startsWith(stick)).toBe(true);
      expect(fs.readdirSync(localState)).toEqual([]);
    } finally {
      await app.dispose();
    }
  });

  it('an image with a path in its name is refused by name, and nothing is written', async () => {
    const app = new AppHarness({ onsite: { consoleTarget: consoleTarget(), network } });
    try {
      const site = await app.ok('sites.openPractice', {});
      const failure = await app.call('onsite.applyConsole', { siteId: site.id, upn: site.rooms[0]!.upn, images: [{ fileName: '..\\evil.png', base64: 'AAAA' }] });
      expect(failure.ok).toBe(false);
      if (!failure.ok) expect(failure.message).toContain('evil.png');
      expect(fs.readdirSync(localState)).toEqual([]);
    } finally {
      await app.dispose();
    }
  });
});
