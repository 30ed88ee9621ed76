// Reports through the app's services, as the window asks for them: a real PNG photo attached to a
// checklist item (a text file labelled PNG refused, naming the problem), the installer's typed and
// the customer's drawn sign-off, all surviving a restart; then the room's report exported as JSON
// (valid against its schema, with the photo, the sign-offs and the report stage passed), CSV, HTML
// and PDF (printed by Chromium), with no password or token in any file.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suggestedReportName } from '../../main/app/report-export.ts';
import { openChromiumPrinter } from '../../main/reports/chromium-printer.ts';
import { fingerprintMatches } from '../../main/reports/fingerprint.ts';
import type { HtmlPrinter } from '../../main/reports/pdf.ts';
import type { SiteView } from '../../shared/ipc.ts';
import { FingerprintedReportSchema } from '../../shared/report/schema.ts';
import { AppHarness } from './app-harness.ts';
import { pdfPageTexts } from './report-pdf-text.ts';

/** A real 1×1 PNG (signature, IHDR, IDAT, IEND). */
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
/** The start of a JPEG (SOI, APP0 JFIF). */
const JPEG_BASE64 = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]).toString('base64');
const FAKE_PNG_BASE64 = Buffer.from('this is a text file, not a picture').toString('base64');
const PASSWORD = 'Zr8!kWq2#nVb7pLs';

let app: AppHarness;
let printer: (HtmlPrinter & { close(): Promise<void> }) | undefined;
let site: SiteView;
let upn: string;
let out: string;
const printToPdf: HtmlPrinter['printToPdf'] = async (html, options) => {
  printer ??= await openChromiumPrinter();
  return printer.printToPdf(html, options);
};

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'roomready-report-out-'));
  app = new AppHarness({ printToPdf });
  site = await app.ok('sites.openPractice', {});
  upn = site.rooms[0]!.upn;
});
afterAll(async () => {
  await app.dispose();
  await printer?.close();
  fs.rmSync(out, { recursive: true, force: true });
});

const consoleItemIds = async () =>
  (await app.ok('rooms.progress', { siteId: site.id, upn })).stages.find((stage) => stage.id === 'console')!.items.map((item) => item.id);
const reportStage = async () => (await app.ok('rooms.progress', { siteId: site.id, upn })).stages.find((stage) => stage.id === 'report')!;

describe('photos and sign-offs', () => {
  it('starts with an empty record', async () => {
    expect(await app.ok('rooms.record', { siteId: site.id, upn })).toEqual({ siteId: site.id, upn, photos: [], signOffs: [] });
  });

  it('attaches a real PNG to a checklist item, with its SHA-256, and a JPEG to the room', async () => {
    const itemId = (await consoleItemIds())[0]!;
    const record = await app.ok('rooms.attachPhoto', { siteId: site.id, upn, itemId, caption: ' Console on its home screen ', mediaType: 'image/png', base64: PNG_BASE64 });
    expect(record.photos).toHaveLength(1);
    expect(record.photos[0]).toMatchObject({ itemId, caption: 'Console on its home screen', mediaType: 'image/png', data: PNG_BASE64 });
    expect(record.photos[0]!.sha256).toBe(createHash('sha256').update(Buffer.from(PNG_BASE64, 'base64')).digest('hex'));
    const withJpeg = await app.ok('rooms.attachPhoto', { siteId: site.id, upn, caption: 'Rack', mediaType: 'image/jpeg', base64: JPEG_BASE64 });
    expect(withJpeg.photos.map((photo) => photo.mediaType)).toEqual(['image/png', 'image/jpeg']);
  });

  it('refuses text bytes labelled PNG, a JPEG labelled PNG and an unknown item, saying which and why', async () => {
    const fake = await app.fails('rooms.attachPhoto', { siteId: site.id, upn, caption: 'cable.png', mediaType: 'image/png', base64: FAKE_PNG_BASE64 });
    expect(fake.code).toBe('bad-file');
    expect(fake.message).toContain('"cable.png"');
    expect(fake.message).toMatch(/not a PNG or JPEG/);
    const mislabelled = await app.fails('rooms.attachPhoto', { siteId: site.id, upn, caption: 'door', mediaType: 'image/png', base64: JPEG_BASE64 });
    expect(mislabelled).toMatchObject({ code: 'bad-file' });
    expect(mislabelled.message).toMatch(/JPEG image but was labelled PNG/);
    const unknown = await app.fails('rooms.attachPhoto', { siteId: site.id, upn, itemId: 'no.such.item', caption: '', mediaType: 'image/png', base64: PNG_BASE64 });
    expect(unknown).toMatchObject({ code: 'not-found' });
    expect(unknown.message).toContain('no.such.item');
    expect((await app.ok('rooms.record', { siteId: site.id, upn })).photos).toHaveLength(2);
  });

  it('removes a photo, and says so when it is not there', async () => {
    const jpeg = (await app.ok('rooms.record', { siteId: site.id, upn })).photos[1]!;
    expect((await app.ok('rooms.removePhoto', { siteId: site.id, upn, photoId: jpeg.id })).photos.map((photo) => photo.id)).not.toContain(jpeg.id);
    expect(await app.fails('rooms.removePhoto', { siteId: site.id, upn, photoId: jpeg.id })).toMatchObject({ code: 'not-found' });
  });

  it("signs off the installer (typed) and the customer (drawn PNG); a new sign-off replaces the party's earlier one", async () => {
    await app.ok('reports.signOff', { siteId: site.id, upn, party: 'installer', name: 'Sam Early', role: 'Trainee', date: '2025-05-01', signature: { kind: 'typed', text: 'Sam Early' } });
    await app.ok('reports.signOff', { siteId: site.id, upn, party: 'installer', name: 'Jo Smith', role: 'AV installer, Contoso Integration', date: '2025-05-02', signature: { kind: 'typed', text: 'Jo Smith' } });
    const record = await app.ok('reports.signOff', {
      siteId: site.id,
      upn,
      party: 'customer',
      name: 'Ana Ruiz',
      role: 'IT manager',
      date: '2025-05-02',
      signature: { kind: 'drawn', mediaType: 'image/png', data: PNG_BASE64 },
    });
    expect(record.signOffs.map((signOff) => [signOff.party, signOff.name])).toEqual([
      ['installer', 'Jo Smith'],
      ['customer', 'Ana Ruiz'],
    ]);
    expect(record.signOffs.every((signOff) => !Number.isNaN(Date.parse(signOff.signedAt)))).toBe(true);
    const items = (await reportStage()).items;
    expect(items.find((item) => item.id === 'report:installer-sign-off')).toMatchObject({ state: 'passed' });
    expect(items.find((item) => item.id === 'report:customer-sign-off')?.detail).toContain('Ana Ruiz');
  });

  it('refuses a drawn signature that is not a PNG', async () => {
    const bad = await app.fails('reports.signOff', { siteId: site.id, upn, party: 'customer', name: 'X', role: 'Y', date: '2025-05-02', signature: { kind: 'drawn', mediaType: 'image/png', data: FAKE_PNG_BASE64 } });
    expect(bad.code).toBe('bad-file');
    expect(bad.message).toMatch(/drawn signature is not a PNG/);
    expect((await app.ok('rooms.record', { siteId: site.id, upn })).signOffs.find((signOff) => signOff.party === 'customer')?.name).toBe('Ana Ruiz');
  });

  it('keeps photos and sign-offs across a restart', async () => {
    const before = await app.ok('rooms.record', { siteId: site.id, upn });
    await app.dispose(false);
    app = new AppHarness({ dataDir: app.dataDir, stores: app.stores, printToPdf });
    site = await app.ok('sites.openPractice', {});
    const after = await app.ok('rooms.record', { siteId: site.id, upn });
    expect({ ...after, siteId: '' }).toEqual({ ...before, siteId: '' });
  });
});

describe('the room report', () => {
  const files = new Map<string, Buffer>();

  beforeAll(async () => {
    // The report stage passes once the room is validated clean, its console checklist done and both parties signed.
    await app.ok('passwords.set', { siteId: site.id, upn, password: PASSWORD });
    const { runId } = await app.ok('provision.start', { siteId: site.id, upns: [upn] });
    await app.waitFor('provision.finished', (finished) => finished.runId === runId, 60_000);
    await app.ok('validate.run', { siteId: site.id, upns: [upn] });
    for (const itemId of await consoleItemIds()) await app.ok('rooms.markManual', { siteId: site.id, upn, itemId, done: true });
  }, 120_000);

  it('exports JSON that validates against its schema, holding the photo, the sign-offs and the report stage passed', async () => {
    expect((await reportStage()).state).toBe('passed');
    const file = path.join(out, 'room.json');
    const result = await app.ok('reports.export', { siteId: site.id, upn, format: 'json', path: file });
    const bytes = fs.readFileSync(file);
    files.set('json', bytes);
    expect(result).toMatchObject({ path: file, bytes: bytes.length });
    const report = FingerprintedReportSchema.parse(JSON.parse(bytes.toString('utf8')));
    expect(fingerprintMatches(report)).toBe(true);
    expect(result.fingerprint).toBe(report.fingerprint.value);
    expect(report.kind).toBe('room');
    expect(report.generator).toMatchObject({ app: 'RoomReady', machine: os.hostname(), platform: process.platform });
    expect(report.site.tenant.account).toMatch(/@contoso\.onmicrosoft\.com$/);
    const [room] = report.rooms;
    expect(report.rooms).toHaveLength(1);
    expect(room!.upn).toBe(upn);
    expect(room!.photos.map((photo) => photo.data)).toEqual([PNG_BASE64]);
    expect(room!.signOffs.map((signOff) => signOff.signature.kind)).toEqual(['typed', 'drawn']);
    expect(room!.stages.find((stage) => stage.id === 'report')!.state).toBe('passed');
    expect(room!.sources.provisioning.present).toBe(true);
    expect(room!.sources.validation.present).toBe(true);
  });

  it('exports CSV with the room on its row', async () => {
    const file = path.join(out, 'room.csv');
    await app.ok('reports.export', { siteId: site.id, upn, format: 'csv', path: file });
    files.set('csv', fs.readFileSync(file));
    const lines = files.get('csv')!.toString('utf8').trim().split(/\r\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(upn);
  });

  it('suggests "<site> - <room> report.<format>" as the file name, without characters a file name may not hold', () => {
    expect(suggestedReportName('Contoso HQ', { upn, displayName: 'Board/room: 4\\b\u0007' }, 'pdf')).toBe('Contoso HQ - Board_room_ 4_b_ report.pdf');
    expect(suggestedReportName('Contoso HQ', undefined, 'csv')).toBe('Contoso HQ report.csv');
  });

  it('exports HTML, asking where when no path is given (cancelling saves nothing)', async () => {
    const file = path.join(out, 'room.html');
    app.dialogs.savePath.push(file);
    const result = await app.ok('reports.export', { siteId: site.id, upn, format: 'html' });
    expect(result.path).toBe(file);
    const html = fs.readFileSync(file);
    files.set('html', html);
    expect(html.toString('utf8')).toContain(result.fingerprint);
    expect(html.toString('utf8')).toContain(`data:image/png;base64,${PNG_BASE64}`);
    app.dialogs.savePath.push(null);
    expect(await app.fails('reports.export', { siteId: site.id, upn, format: 'html' })).toMatchObject({ code: 'cancelled' });
  });

  it('exports PDF through Chromium\'s print engine', async () => {
    const file = path.join(out, 'room.pdf');
    const result = await app.ok('reports.export', { siteId: site.id, upn, format: 'pdf', path: file });
    const pdf = fs.readFileSync(file);
    files.set('pdf', pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(result.bytes).toBe(pdf.length);
    const pages = await pdfPageTexts(pdf);
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) expect(page.replace(/\s+/g, '')).toContain(result.fingerprint);
    const text = pages.join('\n');
    expect(text).toContain('Jo Smith');
    expect(text).toContain('Ana Ruiz');
    expect(text).not.toContain(PASSWORD);
  }, 60_000);

  it('exports the whole site as JSON too', async () => {
    const file = path.join(out, 'site.json');
    await app.ok('reports.export', { siteId: site.id, format: 'json', path: file });
    const report = FingerprintedReportSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
    expect(report.kind).toBe('site');
    expect(report.rooms).toHaveLength(site.rooms.length);
    files.set('site.json', fs.readFileSync(file));
  });

  it('refuses PDF without a print engine, plainly', async () => {
    const bare = new AppHarness();
    try {
      const practice = await bare.ok('sites.openPractice', {});
      const refused = await bare.fails('reports.export', { siteId: practice.id, upn, format: 'pdf', path: path.join(out, 'never.pdf') });
      expect(refused.code).toBe('internal');
      expect(refused.message).toMatch(/PDF export needs/);
      expect(fs.existsSync(path.join(out, 'never.pdf'))).toBe(false);
    } finally {
      await bare.dispose();
    }
  });

  it('no exported file, answer or log holds the password or a token', () => {
    expect(files.size).toBe(5);
    for (const [format, bytes] of files) {
      const text = bytes.toString('latin1');
      expect(text, format).not.toContain(PASSWORD);
      expect(text, format).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
    }
    expect(app.traffic()).not.toContain(PASSWORD);
    expect(app.logs.join('\n')).not.toContain(PASSWORD);
  });
});
