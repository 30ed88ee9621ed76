// One report in one format, as the bytes to write: the same fingerprinted report behind each.
// HTML and PDF come from main/reports/html.ts and pdf.ts; PDF needs a printer (Electron's
// printToPDF in the app, Chromium through Playwright on the command line).
import { REPORT_FORMATS, type FingerprintedReport, type ReportFormat } from '../../shared/report/schema.ts';
import { renderReportCsv } from './csv.ts';
import { renderReportHtml } from './html.ts';
import { renderReportJson } from './json.ts';
import { renderReportPdf, type HtmlPrinter } from './pdf.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export async function renderReport(report: FingerprintedReport, format: ReportFormat, printer?: HtmlPrinter): Promise<Uint8Array> {
  switch (format) {
    case 'json':
      return utf8(renderReportJson(report));
    case 'csv':
      return utf8(renderReportCsv(report));
    case 'html':
      return utf8(renderReportHtml(report));
    case 'pdf':
      if (!printer) throw new Error('A PDF report needs a printer (Chromium); none was given.');
      return renderReportPdf(report, printer);
    default:
      throw new Error(`"${String(format)}" is not a report format (one of ${REPORT_FORMATS.join(', ')}).`);
  }
}
