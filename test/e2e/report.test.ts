// The report stage in Chromium, as an installer uses it on a practice room: attach a photo through
// the file input, sign off as installer (typed) and customer (drawn with the mouse on the canvas),
// export the room report as HTML and PDF to preset save paths, and the report stage passes axe.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { suggestedReportName } from '../../main/app/report-export.ts';
import type { RoomRecord, SiteView } from '../../shared/ipc.ts';
import { pdfPageTexts } from '../integration/report-pdf-text.ts';
import { openApp, startBrowserHarness, type AppPage, type BrowserHarness } from '../support/browser/app-session.ts';
import { practiceSiteOpened } from '../support/browser/walk.ts';

/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('report stage in Chromium', () => {
  let harness: BrowserHarness;
  let app: AppPage;
  let out: string;
  let site: SiteView;
  let room: SiteView['rooms'][number];

  const record = async (): Promise<RoomRecord> => {
    const answer = await app.bridge.services.handlers['rooms.record']({ siteId: site.id, upn: room.upn });
    return answer as RoomRecord;
  };
  const sinceCount = () => app.bridge.traffic.length;

  beforeAll(async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'roomready-e2e-report-'));
    harness = await startBrowserHarness(inject('browserRunDir'));
    app = await openApp(harness);
    site = await practiceSiteOpened(app);
    room = site.rooms[0]!;
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await harness?.close();
    if (out) fs.rmSync(out, { recursive: true, force: true });
  });

  it('opens the report stage of a practice room', async () => {
    await app.page.getByRole('button', { name: `Open ${room.displayName}` }).click();
    await app.page.getByRole('heading', { level: 1, name: `Room: ${room.displayName}` }).waitFor();
    await app.page.getByRole('tab', { name: /^Report, / }).click();
    await app.page.getByRole('heading', { level: 2, name: /Report/ }).waitFor();
    await app.page.getByRole('region', { name: 'Photos' }).waitFor();
  });

  it('attaches a photo through the file input; its thumbnail shows with the caption', async () => {
    const photos = app.page.getByRole('region', { name: 'Photos' });
    await photos.getByLabel('Caption').fill('Console on its home screen');
    await photos.getByLabel('Photo file').setInputFiles({ name: 'console.png', mimeType: 'image/png', buffer: PNG });
    const thumbnail = photos.getByRole('img', { name: 'Photo: Console on its home screen' });
    await thumbnail.waitFor();
    expect(await thumbnail.evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth)).toBe(1);
    const photo = (await record()).photos[0]!;
    expect(Buffer.from(photo.data, 'base64').equals(PNG)).toBe(true);
    await expect.poll(() => app.page.getByTestId('announcer').textContent()).toContain('Photo Console on its home screen attached.');
  });

  it('refuses a text file named like a picture, saying so', async () => {
    const photos = app.page.getByRole('region', { name: 'Photos' });
    await photos.getByLabel('Photo file').setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not a picture at all') });
    await photos.getByText(/"notes\.png" is not a PNG or JPEG image/).waitFor();
    expect((await record()).photos).toHaveLength(1);
  });

  it('signs off as installer with a typed signature', async () => {
    const form = app.page.getByRole('region', { name: 'Installer sign-off' });
    await form.getByRole('textbox', { name: /^Name\b/ }).fill('Jo Smith');
    await form.getByRole('textbox', { name: /^Role\b/ }).fill('AV installer, Contoso Integration');
    await form.getByRole('textbox', { name: 'Typed signature' }).fill('Jo Smith');
    await form.getByRole('button', { name: 'Sign off as installer' }).click();
    await form.getByText(/^Signed by Jo Smith \(AV installer, Contoso Integration\) on \d{4}-\d{2}-\d{2}\.$/).waitFor();
    expect((await record()).signOffs).toMatchObject([{ party: 'installer', name: 'Jo Smith', signature: { kind: 'typed', text: 'Jo Smith' } }]);
  });

  it('signs off as customer with a signature drawn by mouse on the canvas', async () => {
    const form = app.page.getByRole('region', { name: 'Customer sign-off' });
    await form.getByRole('textbox', { name: /^Name\b/ }).fill('Ana Ruiz');
    await form.getByRole('textbox', { name: /^Role\b/ }).fill('IT manager');
    await form.getByRole('radio', { name: 'Draw a signature' }).check();
    const canvas = form.getByRole('img', { name: /^Signature drawing area for the customer/ });
    const box = (await canvas.boundingBox())!;
    await app.page.mouse.move(box.x + 20, box.y + box.height * 0.7);
    await app.page.mouse.down();
    for (let step = 1; step <= 12; step++) await app.page.mouse.move(box.x + 20 + step * 25, box.y + box.height * (0.7 - 0.4 * Math.abs(Math.sin(step / 2))), { steps: 2 });
    await app.page.mouse.up();
    await form.getByRole('button', { name: 'Sign off as customer' }).click();
    const signature = form.getByRole('img', { name: 'Drawn signature of Ana Ruiz' });
    await signature.waitFor();
    const customer = (await record()).signOffs.find((signOff) => signOff.party === 'customer')!;
    expect(customer.signature.kind).toBe('drawn');
    const bytes = Buffer.from(customer.signature.kind === 'drawn' ? customer.signature.data : '', 'base64');
    expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    // Ink, not an empty canvas: some pixel of the drawn PNG is not transparent.
    const inked = await app.page.evaluate(async (data) => {
      const image = new (globalThis as unknown as { Image: new () => { src: string; decode(): Promise<void>; width: number; height: number } }).Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const doc = (globalThis as unknown as { document: { createElement(tag: 'canvas'): { width: number; height: number; getContext(kind: '2d'): { drawImage(image: unknown, x: number, y: number): void; getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } } } }).document;
      const canvas = doc.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, image.width, image.height).data;
      let count = 0;
      for (let index = 3; index < pixels.length; index += 4) if (pixels[index]! > 0) count++;
      return count;
    }, customer.signature.kind === 'drawn' ? customer.signature.data : '');
    expect(inked).toBeGreaterThan(50);
  });

  it('the report stage shows both sign-off items passed', async () => {
    const stage = app.page.getByRole('region', { name: /Report/ }).first();
    await expect.poll(() => stage.locator('.checklist-item.item-passed').filter({ hasText: 'Installer sign-off' }).count()).toBe(1);
    await expect.poll(() => stage.locator('.checklist-item.item-passed').filter({ hasText: 'Customer sign-off' }).count()).toBe(1);
  });

  for (const format of ['html', 'pdf'] as const) {
    it(`exports the room report as ${format.toUpperCase()} to the chosen path, showing the path and fingerprint`, async () => {
      const file = path.join(out, `room report.${format}`);
      app.bridge.dialogs.savePath = file;
      const from = sinceCount();
      const exportRegion = app.page.getByRole('region', { name: 'Room report' });
      await exportRegion.getByRole('button', { name: `Export as ${format.toUpperCase()}` }).click();
      await exportRegion.getByText(file, { exact: true }).waitFor({ timeout: 30_000 });
      const answer = app.bridge.traffic.slice(from).find((crossing) => crossing.direction === 'answer' && crossing.name === 'reports.export')!.value as {
        ok: boolean;
        data: { path: string; bytes: number; fingerprint: string };
      };
      expect(answer.ok).toBe(true);
      expect(app.bridge.dialogs.asked.at(-1)).toBe(`save:${suggestedReportName(site.site.name, room, format)}`);
      await exportRegion.getByText(answer.data.fingerprint, { exact: true }).waitFor();
      const bytes = fs.readFileSync(file);
      expect(bytes.length).toBe(answer.data.bytes);
      if (format === 'pdf') {
        expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        const pages = await pdfPageTexts(bytes);
        for (const page of pages) expect(page.replace(/\s+/g, '')).toContain(answer.data.fingerprint);
        expect(pages.join('\n')).toContain('Ana Ruiz');
      } else {
        expect(bytes.toString('utf8')).toContain(answer.data.fingerprint);
        expect(bytes.toString('utf8')).toContain('Ana Ruiz');
      }
    }, 60_000);
  }

  it('screenshot, and axe finds no serious or critical violation on the report stage', async () => {
    await app.screenshot('50', 'room-report-stage');
    await app.checkAccessibility('room report stage');
    app.assertClean();
  });
});
