// The report as PDF: the same self-contained HTML (html.ts) printed by Chromium's print engine, on
// A4, with a header (the report's title) and a footer ("Page X of Y" and the fingerprint) on every
// page. The printer is whatever can print HTML: Chromium through playwright-core for the command
// line and tests (chromium-printer.ts), Electron's webContents.printToPDF in the app; both take
// these header and footer templates, in which Chromium fills the pageNumber and totalPages classes.
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { FingerprintedReport } from '../../shared/report/schema.ts';
import { renderReportHtml, reportTitle } from './html.ts';

export interface PdfPrintOptions {
  headerTemplate: string;
  footerTemplate: string;
  margin: { top: string; bottom: string; left: string; right: string };
}

export interface HtmlPrinter {
  printToPdf(html: string, options: PdfPrintOptions): Promise<Uint8Array>;
}

/** Page margins: room above and below for the header and footer. */
export const PDF_MARGIN = { top: '16mm', bottom: '18mm', left: '14mm', right: '14mm' } as const;

// Templates are rendered in their own little document with a zero font size and no stylesheet,
// hence the inline styles; every value still goes through React's escaping.
const TEMPLATE_STYLE = { fontSize: '8px', fontFamily: 'Arial, Helvetica, sans-serif', color: '#333', width: '100%', padding: '0 14mm', display: 'flex', justifyContent: 'space-between', gap: '4mm' } as const;

/** The header and footer of every page of a report's PDF. */
export function pdfPrintOptions(report: FingerprintedReport): PdfPrintOptions {
  const headerTemplate = renderToStaticMarkup(
    h('div', { style: TEMPLATE_STYLE }, h('span', null, reportTitle(report)), h('span', null, `Generated ${report.generatedAt}`)),
  );
  const footerTemplate = renderToStaticMarkup(
    h(
      'div',
      { style: TEMPLATE_STYLE },
      h('span', null, `Fingerprint (SHA-256): ${report.fingerprint.value}`),
      h('span', { style: { whiteSpace: 'nowrap' } }, 'Page ', h('span', { className: 'pageNumber' }), ' of ', h('span', { className: 'totalPages' })),
    ),
  );
  return { headerTemplate, footerTemplate, margin: { ...PDF_MARGIN } };
}

/** The report's PDF bytes, printed from the same HTML as the HTML report. */
export async function renderReportPdf(report: FingerprintedReport, printer: HtmlPrinter): Promise<Uint8Array> {
  const html = renderReportHtml(report, { pageMarks: 'printer' });
  return printer.printToPdf(html, pdfPrintOptions(report));
}
