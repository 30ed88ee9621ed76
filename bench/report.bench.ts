// bench/report: time to produce a 500-room site report in each format (JSON, CSV, HTML, PDF), each
// the median of a few runs, against a baseline measured in the same process: JSON.stringify of the
// same report object. Also the size of each format and the PDF's page count.
// The report is built by shared/report/build.ts (buildReport) from a generated 500-room site whose
// rooms take the sample site's evidence in turn (provisioned, validated with failures and unknowns,
// never provisioned; photos, marks, sign-offs), then fingerprinted. The PDF is printed by Chromium
// through playwright-core (openChromiumPrinter), as the command line prints it.
//
//   npm run bench:report            ROOMREADY_BENCH_RUNS=5 (PDF: ROOMREADY_BENCH_PDF_RUNS=3)
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { openChromiumPrinter } from '../main/reports/chromium-printer.ts';
import { renderReportCsv } from '../main/reports/csv.ts';
import { fingerprintReport } from '../main/reports/fingerprint.ts';
import { renderReportHtml } from '../main/reports/html.ts';
import { renderReportJson } from '../main/reports/json.ts';
import { renderReportPdf } from '../main/reports/pdf.ts';
import { SiteSchema, type Site } from '../shared/model.ts';
import { buildReport, NO_EVIDENCE, type RoomEvidence } from '../shared/report/build.ts';
import { sampleInput, sampleEvidence, SAMPLE_SITE_INPUT } from '../test/unit/report/sample-input.ts';
import { table, timed } from './support/stats.ts';

const ROOMS = Number(process.env.ROOMREADY_BENCH_ROOMS ?? 500);
const RUNS = Number(process.env.ROOMREADY_BENCH_RUNS ?? 5);
const PDF_RUNS = Number(process.env.ROOMREADY_BENCH_PDF_RUNS ?? 3);

/** A site of ROOMS rooms; room i takes the evidence of sample room i mod 3, with its own UPN. */
function largeInput() {
  const sampleRooms = SAMPLE_SITE_INPUT.rooms ?? [];
  const site: Site = SiteSchema.parse({
    ...structuredClone(SAMPLE_SITE_INPUT),
    rooms: Array.from({ length: ROOMS }, (_, index) => {
      const template = sampleRooms[index % sampleRooms.length]!;
      return { ...template, upn: `mtr-room-${String(index + 1).padStart(3, '0')}@contoso.com`, displayName: `${template.displayName} ${index + 1}` };
    }),
  });
  const sampleSite = SiteSchema.parse(structuredClone(SAMPLE_SITE_INPUT));
  const samples = sampleEvidence(sampleSite);
  const evidence = new Map<string, RoomEvidence>();
  for (const [index, room] of site.rooms.entries()) {
    const sampleUpn = sampleRooms[index % sampleRooms.length]!.upn;
    const sample = samples.get(sampleUpn) ?? NO_EVIDENCE;
    evidence.set(room.upn.toLowerCase(), JSON.parse(JSON.stringify(sample).replaceAll(sampleUpn, room.upn)) as RoomEvidence);
  }
  return sampleInput({ site, evidence: (upn) => evidence.get(upn.toLowerCase()) ?? NO_EVIDENCE });
}

async function pdfPages(bytes: Uint8Array): Promise<number> {
  const document = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  const pages = document.numPages;
  await document.destroy();
  return pages;
}

const encoder = new TextEncoder();
const input = largeInput();
const built = await timed('buildReport', RUNS, () => fingerprintReport(buildReport(input)));
const report = built.result;
const baseline = await timed('baseline', RUNS, () => JSON.stringify(report));
const json = await timed('json', RUNS, () => renderReportJson(report));
const csv = await timed('csv', RUNS, () => renderReportCsv(report));
const html = await timed('html', RUNS, () => renderReportHtml(report));
const printer = await openChromiumPrinter();
let pdf: { ms: number; result: Uint8Array };
try {
  pdf = await timed('pdf', PDF_RUNS, () => renderReportPdf(report, printer));
} finally {
  await printer.close();
}
const pages = await pdfPages(pdf.result);

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
const row = (name: string, runs: number, ms: number, bytes: number, extra = '') => [name, String(runs), `${ms.toFixed(1)} ms`, `${(ms / baseline.ms).toFixed(1)}x`, mib(bytes), extra];
console.log(`bench/report: a ${ROOMS}-room site report (${report.rooms.length} rooms, ${report.coverage.checks.passed + report.coverage.checks.failed + report.coverage.checks.warning + report.coverage.checks.unknown} check results), Node ${process.version}`);
console.log(
  table(
    ['what', 'runs', 'median', 'vs baseline', 'bytes', ''],
    [
      row('baseline: JSON.stringify', RUNS, baseline.ms, encoder.encode(baseline.result).byteLength),
      row('buildReport + fingerprint', RUNS, built.ms, 0, '(building, not a format)'),
      row('json (schema check + fingerprint check)', RUNS, json.ms, encoder.encode(json.result).byteLength),
      row('csv', RUNS, csv.ms, encoder.encode(csv.result).byteLength),
      row('html', RUNS, html.ms, encoder.encode(html.result).byteLength),
      row('pdf (html + Chromium print)', PDF_RUNS, pdf.ms, pdf.result.byteLength, `${pages} pages`),
    ],
  ),
);
