// The PDF report, printed by real Chromium through openChromiumPrinter, read back with a PDF text
// extractor: a multi-room site report runs to several pages, every page carries the report's
// title, "Page X of N" and the fingerprint, each required section's heading is there, coverage
// comes before the rooms and each room starts a new page. The same HTML printed by a browser on
// its own (no PDF header/footer templates) still carries the fingerprint and page numbers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { findMachineChromium } from '../../main/browser/find-chromium.ts';
import { openChromiumPrinter, type ChromiumPrinter } from '../../main/reports/chromium-printer.ts';
import { fingerprintReport } from '../../main/reports/fingerprint.ts';
import { renderReportHtml, reportTitle } from '../../main/reports/html.ts';
import { renderReportPdf } from '../../main/reports/pdf.ts';
import { buildReport } from '../../shared/report/build.ts';
import type { FingerprintedReport } from '../../shared/report/schema.ts';
import { sampleInput } from '../unit/report/sample-input.ts';
import { HOSTILE, hostileReport, siteReport } from '../unit/report-html/fixture.ts';
import { pdfPageTexts } from './report-pdf-text.ts';

const SECTION_HEADINGS = ['Coverage', 'Contents', 'Details', 'Results by stage', 'Console configuration', 'On-site checklist', 'On-site checks (network, sign-in, certificates, console)', 'Sign-off', 'Integrity fingerprint'];

/** Lines of a page's text, with runs of spaces folded. */
const lines = (text: string): string[] => text.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);

describe('PDF report through Chromium', () => {
  let printer: ChromiumPrinter;

  beforeAll(async () => {
    printer = await openChromiumPrinter();
  }, 60_000);

  afterAll(async () => {
    await printer?.close();
  });

  async function printed(report: FingerprintedReport): Promise<{ bytes: Uint8Array; pages: string[] }> {
    const bytes = await renderReportPdf(report, printer);
    return { bytes, pages: await pdfPageTexts(bytes) };
  }

  it('the sample site (buildReport): several pages, each with title, "Page X of N" and the fingerprint; every section; rooms on their own pages', async () => {
    const report = fingerprintReport(buildReport(sampleInput()));
    const { bytes, pages } = await printed(report);
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    expect(pages.length).toBeGreaterThan(report.rooms.length);
    for (const [index, text] of pages.entries()) {
      expect(text, `page ${index + 1}`).toContain(`Page ${index + 1} of ${pages.length}`);
      expect(text, `page ${index + 1}`).toContain(`Fingerprint (SHA-256): ${report.fingerprint.value}`);
      expect(text, `page ${index + 1}`).toContain(reportTitle(report));
    }
    const all = pages.map(lines);
    const firstPage = (line: string | RegExp) => all.findIndex((page) => page.some((entry) => (typeof line === 'string' ? entry === line : line.test(entry))));
    for (const heading of SECTION_HEADINGS) expect(firstPage(heading), heading).toBeGreaterThanOrEqual(0);
    expect(firstPage('Coverage')).toBe(0);
    const roomPages = report.rooms.map((room) => firstPage(new RegExp(`^Room: ${room.displayName} — `)));
    expect(roomPages.every((page) => page > firstPage('Contents'))).toBe(true);
    // Each room on a new page: every room's heading is on a page of its own start, in order.
    expect(new Set(roomPages).size).toBe(report.rooms.length);
    expect([...roomPages].sort((a, b) => a - b)).toEqual(roomPages);
    expect(firstPage('Integrity fingerprint')).toBeGreaterThanOrEqual(roomPages.at(-1)!);
    // The sample's facts made it to paper.
    const text = pages.join('\n');
    expect(text).toContain("The console's password is never included in this report.");
    expect(text).toContain('Installer: signed');
    expect(text).toMatch(/could\s+not\s+be\s+read\s+\(unknown,\s+not\s+passed\)/);
  }, 60_000);

  it('a 24-room site report prints every room, with the page count growing with the rooms', async () => {
    const small = await printed(siteReport(2));
    const large = await printed(siteReport(24));
    expect(large.pages.length).toBeGreaterThan(small.pages.length);
    const text = large.pages.join('\n');
    for (let index = 1; index <= 24; index += 1) expect(text).toMatch(new RegExp(`^Room: Room ${index} — `, 'm'));
    expect(large.pages[0]).toContain(`Page 1 of ${large.pages.length}`);
  }, 90_000);

  it('hostile values are printed as the text they are', async () => {
    const report = hostileReport();
    const { pages } = await printed(report);
    // Lines wrap in narrow table cells: compare with whitespace folded.
    const text = pages.join('\n').replace(/\s+/g, ' ');
    expect(text).toContain(`Site report: ${HOSTILE.img}`);
    expect(text).toContain(`Room: ${HOSTILE.script}`);
    expect(text).toContain(HOSTILE.formula);
  }, 60_000);

  it("a browser's own print of the HTML carries the fingerprint and page numbers on every page", async () => {
    const report = siteReport(4);
    const choice = await findMachineChromium();
    if (!choice.found) throw new Error(choice.message);
    const browser = await chromium.launch({ executablePath: choice.executablePath, args: choice.args, headless: true });
    try {
      const page = await browser.newPage();
      await page.setContent(renderReportHtml(report), { waitUntil: 'load' });
      const pages = await pdfPageTexts(await page.pdf({ preferCSSPageSize: true }));
      expect(pages.length).toBeGreaterThan(4);
      for (const [index, text] of pages.entries()) {
        expect(text, `page ${index + 1}`).toContain(`Fingerprint (SHA-256): ${report.fingerprint.value}`);
        expect(text, `page ${index + 1}`).toContain(`Page ${index + 1} of ${pages.length}`);
      }
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('without a Chromium, says plainly what to set or install', async () => {
    const failure = await openChromiumPrinter({ ...process.env, ROOMREADY_CHROMIUM: '/nonexistent/chrome' }).then(
      () => 'opened',
      (error: Error) => error.message,
    );
    expect(failure).toBe('Cannot print a PDF: ROOMREADY_CHROMIUM=/nonexistent/chrome is not an executable file. Point it at a Chromium or Chrome binary, or unset it to look for one in the usual places.');
  });
});
