// buildReport: coverage first, room selection, status by precedence, details, sources, console
// settings, determinism.
import { describe, expect, it } from 'vitest';
import { buildReport, NO_EVIDENCE } from '../../../shared/report/build.ts';
import { isConsoleChecklistItem, STATE_PRECEDENCE } from '../../../shared/room-progress.ts';
import { sampleInput, sampleSite } from './sample-input.ts';

describe('buildReport', () => {
  const report = buildReport(sampleInput());

  it('reports every room of the site in site order, each with the nine stages', () => {
    expect(report.kind).toBe('site');
    expect(report.rooms.map((room) => room.upn)).toEqual(sampleSite().rooms.map((room) => room.upn));
    for (const room of report.rooms) expect(room.stages.map((stage) => stage.id)).toEqual(['topology', 'account', 'exchange', 'calendar', 'license', 'meetings', 'validate', 'console', 'report']);
  });

  it('puts coverage first and never counts unknown or unvalidated rooms as passed', () => {
    expect(Object.keys(report)).toEqual(['format', 'version', 'kind', 'generatedAt', 'generator', 'site', 'coverage', 'rooms']);
    expect(report.coverage.rooms).toBe(3);
    expect(report.coverage.checks).toEqual({ passed: 3, failed: 1, warning: 1, unknown: 1 });
    expect(report.coverage.roomsNotValidated).toBe(1);
    expect(report.coverage.roomsNotProvisioned).toBe(1);
    expect(report.coverage.signedOff).toEqual({ installer: 1, customer: 1 });
    const byStatus = Object.values(report.coverage.roomsByStatus).reduce((sum, count) => sum + count, 0);
    expect(byStatus).toBe(3);
    expect(report.coverage.roomsByStatus.passed).toBe(0);
    expect(report.coverage.checklist.done).toBe(2);
    const consoleItems = report.rooms.flatMap((room) => room.stages.find((stage) => stage.id === 'console')!.items);
    expect(report.coverage.checklist.total).toBe(consoleItems.filter(isConsoleChecklistItem).length);
  });

  it("gives each room the worst of its stages' states", () => {
    for (const room of report.rooms) {
      const ranks = room.stages.map((stage) => STATE_PRECEDENCE.indexOf(stage.state));
      expect(room.status).toBe(STATE_PRECEDENCE[Math.min(...ranks)]);
    }
    const [rainier, baker, olympus] = report.rooms;
    expect(rainier!.status).toBe('unknown');
    expect(baker!.status).toBe('failed');
    expect(olympus!.status).toBe('pending');
  });

  it('keeps the evidence and remediation of what did not pass, and the marks with their notes', () => {
    const baker = report.rooms[1]!;
    const license = baker.stages.find((stage) => stage.id === 'validate')!.items.find((item) => item.id === 'check:license.teams-rooms')!;
    expect(license.state).toBe('failed');
    expect(license.evidence).toEqual({ observed: [], expected: ['Microsoft_Teams_Rooms_Pro'] });
    expect(license.remediation?.text).toBeTruthy();
    const marked = baker.stages.find((stage) => stage.id === 'console')!.items.find((item) => item.note !== undefined)!;
    expect(marked.note).toBe('Display cable missing; back on Monday.');
    expect(marked.state).toBe('manual');
    const unknown = report.rooms[0]!.stages.find((stage) => stage.id === 'validate')!.items.find((item) => item.state === 'unknown')!;
    expect(unknown.detail).toContain('Place.Read.All');
  });

  it('lists where results come from, absent sources included', () => {
    expect(report.rooms[0]!.sources).toEqual({ provisioning: { present: true, at: '2025-03-12T10:00:00.000Z' }, validation: { present: true, at: '2025-03-13T14:00:00.000Z' } });
    expect(report.rooms[2]!.sources).toEqual({ provisioning: { present: false }, validation: { present: false } });
  });

  it('lists the details that are set, with the site defaults applied', () => {
    const olympus = report.rooms[2]!;
    expect(olympus.details).toMatchObject({ Building: 'Building 7', Floor: '1', Capacity: '20', Licence: 'Microsoft_Teams_Rooms_Pro', 'Usage location': 'US', 'Room list': 'Building 7 Rooms' });
    expect(olympus.details).not.toHaveProperty('City');
  });

  it("gives the console settings by element path and the console's era, without the password", () => {
    const settings = report.rooms[0]!.console;
    expect(settings.appVersion).toBe('5.2');
    expect(settings.era).toContain('4.17');
    expect(settings.settings).toContainEqual({ path: 'SkypeSettings/UserAccount/SkypeSignInAddress', value: 'mtr-rainier@contoso.com' });
    expect(settings.settings.some((entry) => /password/i.test(entry.path))).toBe(false);
  });

  it('reports chosen rooms by UPN in any case, in site order, and names an unknown one', () => {
    const one = buildReport(sampleInput({ kind: 'room', upns: ['MTR-BAKER@contoso.com'] }));
    expect(one.rooms.map((room) => room.upn)).toEqual(['mtr-baker@contoso.com']);
    expect(one.coverage.rooms).toBe(1);
    const two = buildReport(sampleInput({ upns: ['mtr-olympus@contoso.com', 'mtr-rainier@contoso.com'] }));
    expect(two.rooms.map((room) => room.upn)).toEqual(['mtr-rainier@contoso.com', 'mtr-olympus@contoso.com']);
    expect(() => buildReport(sampleInput({ upns: ['mtr-nowhere@contoso.com'] }))).toThrow(/mtr-nowhere@contoso\.com/);
  });

  it('is deterministic and checks its own result against the schema', () => {
    expect(JSON.stringify(buildReport(sampleInput()))).toBe(JSON.stringify(report));
    expect(() => buildReport(sampleInput({ generatedAt: 'now' }))).toThrow(/generatedAt/);
  });

  it('a room with no evidence is pending, not passed', () => {
    const bare = buildReport(sampleInput({ evidence: () => NO_EVIDENCE }));
    expect(bare.coverage.checks).toEqual({ passed: 0, failed: 0, warning: 0, unknown: 0 });
    expect(bare.coverage.roomsNotValidated).toBe(3);
    expect(bare.coverage.roomsByStatus.passed).toBe(0);
  });
});
