// The HTML report in real Chromium, as a person opens the file: its own CSP lets its stylesheet
// apply and nothing else (no request leaves the page, no console error, no violation), images
// show, axe-core finds no serious or critical violation, it fits a phone without sideways
// scrolling, and in print each room of a site report starts a new page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { renderReportHtml } from '../../main/reports/html.ts';
import { runAxe, blockingViolations, describeViolations } from '../support/browser/axe.ts';
import { resolveChromium } from '../support/browser/chromium.ts';
import { plainError } from '../support/browser/once-per-run.ts';
import { hostileReport, siteReport } from '../unit/report-html/fixture.ts';

type Doc = { document: { querySelectorAll(selector: string): ArrayLike<unknown>; documentElement: { scrollWidth: number } }; innerWidth: number; getComputedStyle(element: unknown): Record<string, string> };

describe('HTML report in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    const choice = await resolveChromium();
    if (!choice.found) throw plainError(choice.message);
    browser = await chromium.launch({ executablePath: choice.executablePath, args: choice.args, headless: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(html: string, viewport = { width: 1280, height: 900 }): Promise<{ page: Page; problems: string[]; requests: string[] }> {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => {
      if (!request.url().startsWith('data:')) requests.push(request.url());
    });
    await page.setContent(html, { waitUntil: 'load' });
    return { page, problems, requests };
  }

  it('applies its stylesheet under its own CSP, loads nothing, shows its images, and has no serious accessibility violation', async () => {
    const { page, problems, requests } = await open(renderReportHtml(siteReport(6)));
    // The stylesheet applied (the CSP hash matched): headings are bold and tables collapse their borders.
    expect(await page.evaluate(() => (globalThis as unknown as Doc).getComputedStyle((globalThis as unknown as Doc).document.querySelectorAll('table')[0]).borderCollapse)).toBe('collapse');
    const images = await page.locator('img').evaluateAll((elements) => elements.map((element) => ({ width: (element as { naturalWidth: number }).naturalWidth, complete: (element as { complete: boolean }).complete })));
    expect(images.length).toBeGreaterThan(2);
    for (const image of images) expect(image).toEqual({ width: expect.any(Number), complete: true });
    expect(images.every((image) => image.width > 0)).toBe(true);
    const violations = await runAxe(page);
    const blocking = blockingViolations(violations);
    expect(blocking, describeViolations(blocking)).toEqual([]);
    expect(requests).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('a hostile report runs no script and stays accessible', async () => {
    const { page, problems } = await open(renderReportHtml(hostileReport()));
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Site report: <img src=x onerror=alert(1)>');
    expect(await page.locator('img').count()).toBe(1);
    const blocking = blockingViolations(await runAxe(page));
    expect(blocking, describeViolations(blocking)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('fits a phone: no sideways scrolling, tables folded into labelled rows', async () => {
    const { page } = await open(renderReportHtml(siteReport(4)), { width: 360, height: 740 });
    const widths = await page.evaluate(() => ({ page: (globalThis as unknown as Doc).document.documentElement.scrollWidth, window: (globalThis as unknown as Doc).innerWidth }));
    expect(widths.page).toBeLessThanOrEqual(widths.window);
    const cell = page.locator('td[data-label="State"]').first();
    expect(await cell.evaluate((element) => (globalThis as unknown as Doc).getComputedStyle(element).display)).toBe('block');
    const blocking = blockingViolations(await runAxe(page));
    expect(blocking, describeViolations(blocking)).toEqual([]);
    await page.context().close();
  });

  it('in print, each room of a site report starts on a new page', async () => {
    const { page } = await open(renderReportHtml(siteReport(3)));
    await page.emulateMedia({ media: 'print' });
    const breaks = await page.locator('section[id^="room-"]').evaluateAll((elements) => elements.map((element) => (globalThis as unknown as Doc).getComputedStyle(element).breakBefore));
    expect(breaks).toEqual(['page', 'page', 'page']);
    await page.context().close();
  });
});
