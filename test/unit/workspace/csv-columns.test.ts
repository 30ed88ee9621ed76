import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, findCsvColumn, normaliseCsvHeader, parseCsvCell, startsLikeFormula, csvColumnForField } from '../../../shared/csv-columns.ts';
import { RoomSchema } from '../../../shared/model.ts';

describe('the CSV column table', () => {
  it('has exactly one column for every Room field, plus Password kept apart', () => {
    const roomFields = Object.keys(RoomSchema.shape).sort();
    const tableFields = CSV_COLUMNS.map((column) => column.field).filter((field) => field !== 'password').sort();
    expect(tableFields).toEqual(roomFields);
    expect(CSV_COLUMNS.filter((column) => column.field === 'password')).toHaveLength(1);
    expect(Object.keys(RoomSchema.shape)).not.toContain('password');
  });

  it('has no header or alias that two columns claim', () => {
    const owner = new Map<string, string>();
    for (const column of CSV_COLUMNS) {
      for (const name of [column.header, ...column.aliases]) {
        const key = normaliseCsvHeader(name);
        const previous = owner.get(key);
        expect(previous === undefined || previous === column.header, `"${name}" is claimed by ${previous} and ${column.header}`).toBe(true);
        owner.set(key, column.header);
      }
    }
  });

  it('requires only UserPrincipalName and describes every column in one line', () => {
    expect(CSV_COLUMNS.filter((column) => column.required).map((column) => column.header)).toEqual(['UserPrincipalName']);
    for (const column of CSV_COLUMNS) {
      expect(column.description.length).toBeGreaterThan(10);
      expect(column.description).not.toContain('\n');
    }
  });

  it('matches headers ignoring case, spaces, underscores and hyphens', () => {
    expect(findCsvColumn('user_principal-NAME')?.field).toBe('upn');
    expect(findCsvColumn(' UPN ')?.field).toBe('upn');
    expect(findCsvColumn('E-Mail')?.field).toBe('primarySmtpAddress');
    expect(findCsvColumn('Email Address')?.field).toBe('primarySmtpAddress');
    expect(findCsvColumn('Name')?.field).toBe('mailboxName');
    expect(findCsvColumn('Licence')?.field).toBe('license');
    expect(findCsvColumn('Mode')?.field).toBe('mode');
    expect(findCsvColumn('Cost centre')).toBeUndefined();
    expect(csvColumnForField('mode').header).toBe('Action');
  });
});

describe('parsing cells', () => {
  const column = (header: string) => findCsvColumn(header)!;

  it('reads Capacity as a non-negative whole number', () => {
    expect(parseCsvCell(column('Capacity'), '12')).toEqual({ ok: true, value: 12 });
    expect(parseCsvCell(column('Capacity'), '0')).toEqual({ ok: true, value: 0 });
    expect(parseCsvCell(column('Capacity'), '')).toEqual({ ok: true, value: undefined });
    for (const bad of ['-3', 'ten', '1.5', '1e3', ' 4', '99999999999999999999']) {
      expect(parseCsvCell(column('Capacity'), bad)).toEqual({ ok: false, message: `"${bad}" is not a whole number of 0 or more (e.g. 12)` });
    }
  });

  it('reads Action as create or convert from its accepted words', () => {
    const read = (text: string) => parseCsvCell(column('Action'), text);
    expect(['Create', 'NEW', 'create'].map(read)).toEqual(Array(3).fill({ ok: true, value: 'create' }));
    expect(['Convert', 'existing'].map(read)).toEqual(Array(2).fill({ ok: true, value: 'convert' }));
    expect(read('maybe')).toEqual({ ok: false, message: '"maybe" is not an action; use Create (or New) or Convert (or Existing)' });
  });

  it('reads MeetingMode from the model values and common words', () => {
    const read = (text: string) => parseCsvCell(column('MeetingMode'), text);
    expect(read('teams-only')).toEqual({ ok: true, value: 'teams-only' });
    expect(read('Teams Only')).toEqual({ ok: true, value: 'teams-only' });
    expect(read('SfB')).toEqual({ ok: true, value: 'sfb-only' });
    expect(read('SFB_DEFAULT_WITH_TEAMS')).toEqual({ ok: true, value: 'sfb-default-with-teams' });
    expect(read('zoom')).toMatchObject({ ok: false, message: expect.stringContaining('teams-default-with-sfb') });
  });

  it('recognises the spreadsheet formula prefixes', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)'].map(startsLikeFormula)).toEqual([true, true, true, true]);
    expect(['Room = 1', 'a-b', '', '1'].map(startsLikeFormula)).toEqual([false, false, false, false]);
  });
});
