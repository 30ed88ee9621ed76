// The fingerprint recipe, the JSON writer's checks, the CSV's columns and quoting, renderReport's
// refusals, and where the CLI looks for the desktop app's data.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CSV_REPORT_COLUMNS, csvField, renderReportCsv } from '../../../main/reports/csv.ts';
import { fingerprintReport } from '../../../main/reports/fingerprint.ts';
import { renderReportJson } from '../../../main/reports/json.ts';
import { defaultDataDir } from '../../../main/reports/load-progress.ts';
import { renderReport } from '../../../main/reports/render.ts';
import { buildReport } from '../../../shared/report/build.ts';
import { canonicalJson } from '../../../shared/report/canonical.ts';
import { parseCsv } from './csv-parse.ts';
import { sampleInput } from './sample-input.ts';

const report = fingerprintReport(buildReport(sampleInput()));

describe('fingerprint', () => {
  it('is SHA-256 over the canonical JSON of the report without its fingerprint, recomputable from the written JSON', () => {
    const written = JSON.parse(renderReportJson(report));
    const { fingerprint, ...rest } = written;
    expect(fingerprint.algorithm).toBe('SHA-256');
    expect(createHash('sha256').update(canonicalJson(rest)).digest('hex')).toBe(fingerprint.value);
    // Fingerprinting again gives the same value; any change gives another.
    expect(fingerprintReport(report).fingerprint.value).toBe(fingerprint.value);
    expect(fingerprintReport({ ...report, generatedAt: '2025-03-14T09:30:01.000Z' }).fingerprint.value).not.toBe(fingerprint.value);
  });

  it('the JSON writer refuses a report whose fingerprint does not match or that breaks the schema', () => {
    expect(() => renderReportJson({ ...report, kind: 'room' })).toThrow(/fingerprint does not match/);
    expect(() => renderReportJson({ ...report, rooms: [{ ...report.rooms[0]!, status: 'fine' as never }] })).toThrow(/rooms\.0\.status/);
    expect(renderReportJson(report).endsWith('}\n')).toBe(true);
  });
});

describe('CSV', () => {
  it('has one row per room under the columns defined once, with the counts and sign-offs of each room', () => {
    const rows = parseCsv(renderReportCsv(report).slice(1));
    expect(rows[0]).toEqual(CSV_REPORT_COLUMNS.map((column) => column.header));
    expect(rows).toHaveLength(1 + report.rooms.length);
    const cell = (row: number, header: string) => rows[row]![rows[0]!.indexOf(header)];
    expect(cell(1, 'Status')).toBe('unknown');
    expect(cell(2, 'Checks failed')).toBe('1');
    expect(cell(2, 'Checks warning')).toBe('1');
    expect(cell(1, 'Checks unknown')).toBe('1');
    expect(cell(3, 'Validated at')).toBe('');
    expect(cell(1, 'Checklist done')).toBe('2');
    expect(cell(1, 'Customer sign-off')).toBe('Chen Customer');
    expect(cell(1, 'Customer sign-off date')).toBe('2025-03-13');
    expect(cell(2, 'Stage: Licence')).toBe('failed');
    expect(cell(3, 'Fingerprint (SHA-256)')).toBe(report.fingerprint.value);
    // Coverage adds up: the rows' check counts are the report's.
    const sum = (header: string) => rows.slice(1).reduce((total, row) => total + Number(row[rows[0]!.indexOf(header)]), 0);
    expect(sum('Checks passed')).toBe(report.coverage.checks.passed);
  });

  it('quotes per RFC 4180 and neutralises formula-like cells', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('\r=x')).toBe(`"'\r=x"`);
    expect(csvField(12)).toBe('12');
  });
});

describe('renderReport', () => {
  it('gives UTF-8 bytes per format and refuses PDF without a printer and unknown formats', async () => {
    const csv = await renderReport(report, 'csv');
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(await renderReport(report, 'json'))).toBe(renderReportJson(report));
    await expect(renderReport(report, 'pdf')).rejects.toThrow(/PDF report needs a printer/);
    await expect(renderReport(report, 'docx' as never)).rejects.toThrow(/"docx" is not a report format/);
  });
});

describe("the desktop app's data folder", () => {
  it('is userData per platform', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32', 'C:\\Users\\a')).toBe('C:\\Users\\a\\AppData\\Roaming\\RoomReady');
    expect(defaultDataDir({}, 'darwin', '/Users/a')).toBe('/Users/a/Library/Application Support/RoomReady');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/a')).toBe('/cfg/RoomReady');
    expect(defaultDataDir({}, 'linux', '/home/a')).toBe('/home/a/.config/RoomReady');
    expect(defaultDataDir({ XDG_CONFIG_HOME: 'relative' }, 'linux', '/home/a')).toBe('/home/a/.config/RoomReady');
  });
});
