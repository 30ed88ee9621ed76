// Proofs: a password planted everywhere the model could carry one never reaches any report format,
// and hostile values (markup, formula prefixes, right-to-left text, quotes) stay text: exact in
// JSON, neutralised in CSV, escaped in HTML.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openChromiumPrinter, type ChromiumPrinter } from '../../../main/reports/chromium-printer.ts';
import { fingerprintReport } from '../../../main/reports/fingerprint.ts';
import { renderReport } from '../../../main/reports/render.ts';
import type { RoomOutcomeView } from '../../../shared/ipc.ts';
import { buildReport, type RoomEvidence } from '../../../shared/report/build.ts';
import { REPORT_FORMATS, type FingerprintedReport, type ReportFormat } from '../../../shared/report/schema.ts';
import { pdfPageTexts } from '../../integration/report-pdf-text.ts';
import { parseCsv } from './csv-parse.ts';
import { sampleEvidence, sampleInput, sampleSite } from './sample-input.ts';

const SECRET = `Rr-${randomBytes(9).toString('base64url')}!9`;
const BASE_SECRET = `Base-${randomBytes(9).toString('hex')}`;

let printer: ChromiumPrinter | undefined;
let noPrinter = '';
beforeAll(async () => {
  try {
    printer = await openChromiumPrinter();
  } catch (error) {
    noPrinter = (error as Error).message;
  }
}, 60_000);
afterAll(async () => printer?.close());

// ignoreBOM: keep the byte-order mark, so the CSV test sees it.
const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

async function everyFormat(report: FingerprintedReport): Promise<Map<ReportFormat, string>> {
  const texts = new Map<ReportFormat, string>();
  for (const format of REPORT_FORMATS) {
    if (format === 'pdf') {
      if (!printer) continue;
      const bytes = await renderReport(report, 'pdf', printer);
      texts.set('pdf', `${decode(bytes)}\n${(await pdfPageTexts(bytes)).join('\n')}`);
    } else texts.set(format, decode(await renderReport(report, format)));
  }
  return texts;
}

function withSecretChanges(outcome: RoomOutcomeView): RoomOutcomeView {
  return {
    ...outcome,
    steps: outcome.steps.map((step) =>
      step.step === 'exchange.room-mailbox'
        ? { ...step, status: 'changed', changes: [{ property: 'RoomMailboxPassword', before: null, after: SECRET }] }
        : step.step === 'entra.sign-in'
          ? { ...step, status: 'changed', changes: [{ property: 'AccountEnabled', before: false, after: true }, { property: 'PasswordProfile', after: { password: SECRET } }] }
          : step,
    ),
  };
}

describe('secrets planted in the site data', () => {
  it('the room password is in no format: not from the room, the defaults, the console settings or a provisioning change', async (context) => {
    const site = sampleSite();
    // Where a password could ride along: fields the schema would strip, set behind its back.
    Object.assign(site.rooms[0]!, { password: SECRET });
    Object.assign(site.defaults, { password: SECRET });
    const evidence = sampleEvidence(site);
    const rainier = evidence.get('mtr-rainier@contoso.com')!;
    evidence.set('mtr-rainier@contoso.com', { ...rainier, provision: withSecretChanges(rainier.provision!), hasPassword: true });
    const report = fingerprintReport(
      buildReport(
        sampleInput({
          site,
          evidence: (upn): RoomEvidence => evidence.get(upn) ?? { manual: {}, hasPassword: true, photos: [], signOffs: [], onSiteChecks: [] },
          consoleOptions: { password: SECRET, base: { 'userAccount.password': BASE_SECRET } },
        }),
      ),
    );
    // The planted changes did reach the report (hidden), so the check below is not vacuous.
    const mailbox = report.rooms[0]!.stages.find((stage) => stage.id === 'exchange')!.items.find((item) => item.id === 'step:exchange.room-mailbox')!;
    expect(mailbox.evidence).toEqual({ observed: { RoomMailboxPassword: '(hidden)' }, expected: { RoomMailboxPassword: '(hidden)' } });
    const texts = await everyFormat(report);
    for (const [format, text] of texts) {
      expect(text.length, format).toBeGreaterThan(500);
      expect(text, format).toContain('mtr-rainier@contoso.com');
      expect(text.includes(SECRET), `${format} holds the room password`).toBe(false);
      expect(text.includes(BASE_SECRET), `${format} holds the base settings' password`).toBe(false);
    }
    if (!printer) context.skip(`PDF not checked: ${noPrinter}`);
    expect([...texts.keys()].sort()).toEqual([...REPORT_FORMATS].sort());
  }, 60_000);
});

const HOSTILE = ['<script>alert(1)</script>', '=HYPERLINK("http://evil.example","x")', '+1', '@SUM(A1:A9)', '-2', '\u202Eevil.exe', 'He said "hi", then left', '\tTabbed', '<img src=x onerror=alert(2)>'];

describe('hostile values', () => {
  const site = sampleSite();
  site.rooms = HOSTILE.map((displayName, index) => ({ upn: `mtr-h${index}@contoso.com`, displayName, building: displayName, floor: '1' }));
  const report = fingerprintReport(buildReport(sampleInput({ site, evidence: () => ({ manual: {}, hasPassword: false, photos: [], signOffs: [], onSiteChecks: [] }) })));

  it('stay exact in JSON', async () => {
    const parsed = JSON.parse(decode(await renderReport(report, 'json')));
    expect(parsed.rooms.map((room: { displayName: string }) => room.displayName)).toEqual(HOSTILE);
    expect(parsed.rooms.map((room: { details: Record<string, string> }) => room.details.Building)).toEqual(HOSTILE);
  });

  it('are neutralised in CSV: a formula becomes text with a leading apostrophe, the rest is exact', async () => {
    const text = decode(await renderReport(report, 'csv'));
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text.slice(1));
    const header = rows[0]!;
    const room = header.indexOf('Room');
    const cells = rows.slice(1).map((row) => row[room]);
    expect(cells).toEqual(HOSTILE.map((value) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)));
    for (const row of rows) for (const cell of row) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('are text in HTML: no element comes from a value', async () => {
    const html = decode(await renderReport(report, 'html'));
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('\u202Eevil.exe');
  });
});
