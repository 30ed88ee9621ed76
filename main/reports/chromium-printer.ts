// An HtmlPrinter for the command line and the tests: a headless Chromium found on the machine
// (main/browser/find-chromium.ts), driven by playwright-core. The page opens the report's HTML from
// a private temporary file (far faster than setContent for a 500-room report) with JavaScript off
// and nothing else allowed (the report has no external resources; any other request is refused),
// then prints it on A4 with the report's header and footer; the file is removed after. The app prints through
// Electron's webContents.printToPDF instead, with the same templates.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { findMachineChromium } from '../browser/find-chromium.ts';
import type { HtmlPrinter, PdfPrintOptions } from './pdf.ts';

export interface ChromiumPrinter extends HtmlPrinter {
  close(): Promise<void>;
}

/** A 500-room report takes a while to lay out; a stuck print still ends. */
const PRINT_TIMEOUT_MS = 10 * 60_000;

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

/** Starts a headless Chromium to print with; a plain error saying what to install when there is none. */
export async function openChromiumPrinter(env: Readonly<Record<string, string | undefined>> = process.env): Promise<ChromiumPrinter> {
  const choice = await findMachineChromium(env);
  if (!choice.found) throw new Error(`Cannot print a PDF: ${choice.message}`);
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: choice.executablePath, args: choice.args, headless: true });
  } catch (error) {
    throw new Error(`Cannot print a PDF: Chromium at ${choice.executablePath} did not start (${firstLine(error)}).`, { cause: error });
  }
  return {
    async printToPdf(html: string, options: PdfPrintOptions): Promise<Uint8Array> {
      const folder = await mkdtemp(path.join(os.tmpdir(), 'roomready-print-'));
      const file = path.join(folder, 'report.html');
      const url = pathToFileURL(file).href;
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      try {
        await writeFile(file, html, { encoding: 'utf8', mode: 0o600 });
        const page = await context.newPage();
        page.setDefaultTimeout(PRINT_TIMEOUT_MS);
        await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort('blockedbyclient')));
        await page.goto(url, { waitUntil: 'load' });
        await page.emulateMedia({ media: 'print' });
        const pdf = await page.pdf({
          format: 'A4',
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: options.headerTemplate,
          footerTemplate: options.footerTemplate,
          margin: options.margin,
        });
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      } finally {
        await context.close();
        await rm(folder, { recursive: true, force: true });
      }
    },
    async close() {
      await browser.close();
    },
  };
}
