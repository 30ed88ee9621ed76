// An HtmlPrinter for the command line and the tests: a headless Chromium found on the machine
// (main/browser/find-chromium.ts), driven by playwright-core. The page loads the report's HTML with
// JavaScript off and nothing allowed out (the report has no external resources; any request is
// refused), then prints it on A4 with the report's header and footer. The app prints through
// Electron's webContents.printToPDF instead, with the same templates.
import { chromium, type Browser } from 'playwright-core';
import { findMachineChromium } from '../browser/find-chromium.ts';
import type { HtmlPrinter, PdfPrintOptions } from './pdf.ts';

export interface ChromiumPrinter extends HtmlPrinter {
  close(): Promise<void>;
}

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
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      try {
        const page = await context.newPage();
        await page.route('**/*', (route) => route.abort('blockedbyclient'));
        await page.setContent(html, { waitUntil: 'load' });
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
      }
    },
    async close() {
      await browser.close();
    },
  };
}
