// The report: coverage first, with counts that add up; room status is the worst result; the JSON
// rendering passes its schema and round-trips.
import { describe, expect, it } from 'vitest';
import { ValidationReportSchema, renderValidationJson, type ValidationReport } from '../../../shared/checks.ts';
import { sampleReport } from './report-sample.ts';

describe('coverage', () => {
  const report = sampleReport();

  it('counts every result once, and the per-check rows add up to the totals', () => {
    const { coverage } = report;
    const results = [...report.tenant, ...report.rooms.flatMap((room) => room.results)];
    expect(coverage.rooms).toBe(3);
    expect(coverage.results).toBe(results.length);
    expect(coverage.passed + coverage.failed + coverage.warning + coverage.unknown).toBe(coverage.results);
    for (const key of ['ran', 'passed', 'failed', 'warning', 'unknown'] as const) {
      const total = key === 'ran' ? coverage.results : coverage[key];
      expect(coverage.checks.reduce((sum, check) => sum + check[key], 0)).toBe(total);
    }
  });

  it('shows per check how often it ran and why it could not be read', () => {
    const keepComments = report.coverage.checks.find((check) => check.id === 'calendar.keep-comments')!;
    expect(keepComments).toMatchObject({ ran: 3, passed: 1, failed: 1, unknown: 1 });
    expect(keepComments.unknownReasons).toEqual([{ reason: expect.stringContaining('Get-CalendarProcessing (403)'), count: 1 }]);
    const isRoom = report.coverage.checks.find((check) => check.id === 'mailbox.is-room')!;
    expect(isRoom).toMatchObject({ ran: 3, passed: 2, unknown: 1 });
    expect(report.coverage.checks.find((check) => check.id === 'license.basic-count')).toMatchObject({ scope: 'tenant', ran: 1, passed: 1 });
    expect(report.coverage.unknown).toBe(report.rooms[2]!.results.filter((result) => result.status === 'unknown').length);
  });

  it('rates each room by its worst result: failed, then unknown, then warning', () => {
    expect(report.rooms.map((room) => room.status)).toEqual(['passed', 'failed', 'unknown']);
  });
});

describe('JSON', () => {
  it('is the report itself, valid against the schema', () => {
    const report = sampleReport();
    const parsed = JSON.parse(renderValidationJson(report));
    expect(parsed).toEqual(JSON.parse(JSON.stringify(report)));
    expect(ValidationReportSchema.safeParse(parsed).success).toBe(true);
  });

  it('refuses a report that does not match its schema', () => {
    const report = sampleReport();
    const bad = { ...report, rooms: [{ ...report.rooms[0]!, status: 'fine' }] } as unknown as ValidationReport;
    expect(() => renderValidationJson(bad)).toThrow();
    const unknownCheck = { ...report, tenant: [{ ...report.tenant[0]!, id: 'made.up' }] } as unknown as ValidationReport;
    expect(() => renderValidationJson(unknownCheck)).toThrow();
  });
});
