// The setup report for people: ONE self-contained HTML file. No external resources (the stylesheet
// is inline, photos and drawn signatures are data: URLs), its own strict Content-Security-Policy
// (nothing loads, no script runs, the one stylesheet is allowed by its hash), a viewport for
// phones, print rules for A4, and every value escaped by construction: the page is React elements
// rendered by react-dom/server, never strings joined into markup. Coverage comes first, then a site
// report's contents, then each room, then the integrity fingerprint (also on every printed page).
import { createHash } from 'node:crypto';
import { renderToStaticMarkup } from 'react-dom/server';
import { FingerprintedReportSchema, type FingerprintedReport } from '../../shared/report/schema.ts';
import { h } from './html-parts.ts';
import { roomSection } from './html-room.ts';
import { reportCss, type PageMarks } from './html-style.ts';
import { coverageSection, integritySection, reportHeader, tableOfContents } from './html-summary.ts';

export interface HtmlRenderOptions {
  /** 'css' (default): the page prints its own fingerprint and page numbers; 'printer': a PDF printer's header and footer do. */
  pageMarks?: PageMarks;
}

/** "Room report: <name>" or "Site report: <name>". */
export function reportTitle(report: Pick<FingerprintedReport, 'kind' | 'site' | 'rooms'>): string {
  if (report.kind === 'room') return `Room report: ${report.rooms[0]?.displayName ?? report.site.name}`;
  return `Site report: ${report.site.name}`;
}

/** The report's Content-Security-Policy: nothing but its own stylesheet and data: images. */
export function reportCsp(css: string): string {
  const styleHash = createHash('sha256').update(css, 'utf8').digest('base64');
  return ["default-src 'none'", 'img-src data:', `style-src 'sha256-${styleHash}'`, "base-uri 'none'", "form-action 'none'"].join('; ');
}

function checked(report: FingerprintedReport): FingerprintedReport {
  const result = FingerprintedReportSchema.safeParse(report);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : '(the report)';
  throw new Error(`The report cannot be written: ${where}: ${issue?.message ?? 'not a report'}.`);
}

/** The report as one self-contained HTML document. */
export function renderReportHtml(input: FingerprintedReport, options: HtmlRenderOptions = {}): string {
  const report = checked(input);
  const css = reportCss(report.fingerprint.value, options.pageMarks ?? 'css');
  const title = reportTitle(report);
  const site = report.kind === 'site';
  const document = h(
    'html',
    { lang: 'en', dir: 'ltr' },
    h(
      'head',
      null,
      h('meta', { charSet: 'utf-8' }),
      h('meta', { httpEquiv: 'Content-Security-Policy', content: reportCsp(css) }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('meta', { name: 'referrer', content: 'no-referrer' }),
      h('meta', { name: 'generator', content: `${report.generator.app} ${report.generator.version}` }),
      h('title', null, title),
      h('style', { dangerouslySetInnerHTML: { __html: css } }),
    ),
    h(
      'body',
      null,
      h(
        'main',
        null,
        reportHeader(report, title),
        coverageSection(report),
        site ? tableOfContents(report) : null,
        ...report.rooms.map((room, index) => roomSection(room, index, site)),
        integritySection(report),
      ),
    ),
  );
  return `<!DOCTYPE html>${renderToStaticMarkup(document)}`;
}
