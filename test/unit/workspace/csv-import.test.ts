import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SiteSchema, type Site, type SiteInput } from '../../../shared/model.ts';
import { CsvFileError, formatRowIssue, importRoomsCsv } from '../../../main/workspace/csv-import.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/csv');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

function makeSite(overrides: Partial<SiteInput> = {}): Site {
  return SiteSchema.parse({
    name: 'HQ',
    topology: 'teams-online',
    tenantDomain: 'contoso.com',
    defaults: { usageLocation: 'US', license: 'Microsoft_Teams_Rooms_Pro' },
    ...overrides,
  });
}
const site = makeSite();

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const importText = (text: string, target: Site = site, fileName = 'rooms.csv') => importRoomsCsv(utf8(text), target, fileName);

function utf16be(text: string): Uint8Array {
  const little = Buffer.from(text, 'utf16le');
  const big = Buffer.alloc(little.length);
  for (let i = 0; i < little.length; i += 2) {
    big[i] = little[i + 1]!;
    big[i + 1] = little[i]!;
  }
  return new Uint8Array(big);
}

/** Runs the import and returns the CsvFileError it must throw. */
function fileError(run: () => unknown): CsvFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof CsvFileError) return error;
    throw error;
  }
  throw new Error('expected a CsvFileError');
}

describe('encodings and delimiters', () => {
  const THREE_ROOMS = ['salle-etoile@contoso.com', 'raum-groesse@contoso.com', 'sala-sp@contoso.com'];
  const reference = importRoomsCsv(fixture('rooms-utf8.csv'), site, 'rooms-utf8.csv');

  it('reads UTF-8 without a BOM, keeping accented text intact', () => {
    expect(reference.encoding).toBe('utf-8');
    expect(reference.errors).toEqual([]);
    expect(reference.rooms.map((room) => room.upn)).toEqual(THREE_ROOMS);
    expect(reference.rooms[1]).toMatchObject({ displayName: 'Besprechungsraum Größe', city: 'München', roomList: 'Räume München', capacity: 12 });
    expect(reference.rowOfRoom).toEqual([2, 3, 4]);
  });

  it('reads UTF-8 with a BOM: the BOM does not become part of the first header', () => {
    const result = importRoomsCsv(fixture('rooms-utf8-bom.csv'), site, 'rooms-utf8-bom.csv');
    expect(result.encoding).toBe('utf-8-bom');
    expect(result.unknownColumns).toEqual([]);
    expect(result.rooms).toEqual(reference.rooms);
    expect(result.rooms[0]!.displayName).toBe('Salle Étoile');
  });

  it("reads Excel's Unicode Text: UTF-16 LE with a BOM, tab-delimited", () => {
    const text = readFileSync(join(FIXTURES, 'rooms-utf8.csv'), 'utf8').replaceAll(',', '\t');
    const bytes = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const result = importRoomsCsv(bytes, site, 'rooms.txt');
    expect(result.encoding).toBe('utf-16le');
    expect(result.delimiter).toBe('\t');
    expect(result.rooms).toEqual(reference.rooms);
  });

  it('reads UTF-16 BE with a BOM', () => {
    const text = readFileSync(join(FIXTURES, 'rooms-utf8.csv'), 'utf8');
    const result = importRoomsCsv(new Uint8Array([0xfe, 0xff, ...utf16be(text)]), site, 'rooms.csv');
    expect(result.encoding).toBe('utf-16be');
    expect(result.rooms).toEqual(reference.rooms);
  });

  it('detects UTF-16 LE without a BOM from its NUL bytes', () => {
    const text = readFileSync(join(FIXTURES, 'rooms-utf8.csv'), 'utf8');
    const result = importRoomsCsv(new Uint8Array(Buffer.from(text, 'utf16le')), site, 'rooms.csv');
    expect(result.encoding).toBe('utf-16le');
    expect(result.rooms).toEqual(reference.rooms);
  });

  it('sniffs semicolons, so commas inside unquoted values stay in the value', () => {
    const result = importRoomsCsv(fixture('rooms-semicolon.csv'), site, 'rooms-semicolon.csv');
    expect(result.delimiter).toBe(';');
    expect(result.errors).toEqual([]);
    expect(result.rooms).toHaveLength(2);
    expect(result.rooms[0]).toMatchObject({ building: 'Gebäude 4, West', street: 'Hauptstraße 1, Hinterhaus', postalCode: '10115', countryOrRegion: 'DE' });
  });

  it('honours an Excel "sep=" first line, which is not counted as a row', () => {
    const result = importText('sep=;\r\nUPN;DisplayName;Capacity\r\nroom-1@contoso.com;Room, one;x\r\n');
    expect(result.delimiter).toBe(';');
    expect(result.errors).toEqual([{ row: 2, column: 'Capacity', message: expect.stringContaining('"x" is not a whole number') }]);
  });

  it('refuses a file that is not valid UTF-8 (a Windows code page), naming the byte and the line', () => {
    const bytes = new Uint8Array([...utf8('DisplayName,UserPrincipalName\nRoom,room@contoso.com\nSalle '), 0xc9, ...utf8('toile,salle@contoso.com\n')]);
    const error = fileError(() => importRoomsCsv(bytes, site, 'ansi.csv'));
    expect(error.problem).toBe('encoding');
    expect(error.fileName).toBe('ansi.csv');
    expect(error.message).toContain('ansi.csv is not valid UTF-8');
    expect(error.message).toContain('byte 0xC9');
    expect(error.message).toContain('line 3');
    expect(error.message).toContain('CSV UTF-8');
  });

  it('refuses an Excel workbook saved with a .csv name', () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    expect(fileError(() => importRoomsCsv(bytes, site, 'rooms.csv')).message).toMatch(/rooms\.csv is an Excel workbook/);
  });

  it('refuses an empty file', () => {
    expect(fileError(() => importText('\r\n  \r\n')).problem).toBe('empty');
  });
});

describe('quoting and rows', () => {
  it('keeps quoted newlines and doubled quotes; a multi-line record is still one spreadsheet row', () => {
    const result = importRoomsCsv(fixture('rooms-quoted.csv'), site, 'rooms-quoted.csv');
    // Rows: 1 header, 2 Alpha (3 lines), 3 Boardroom, 4 Lobby (2 lines), 5 Beta.
    expect(result.rooms.map((room) => room.displayName)).toEqual(['Room "Alpha"', 'Boardroom, 12th floor', 'Beta']);
    expect(result.rowOfRoom).toEqual([2, 3, 5]);
    // A line break inside a display name is the model's error, reported on the record's row.
    expect(result.errors).toEqual([{ row: 4, column: 'DisplayName', message: expect.stringContaining('line break') }]);
    expect(result.unknownColumns).toEqual(['Notes']);
  });

  it('skips empty lines and lines of bare delimiters, but counts them as spreadsheet rows', () => {
    const text = 'UPN,DisplayName,Capacity\n\nroom-1@contoso.com,One,1\n,,\n   \nroom-2@contoso.com,Two,zwei\n';
    const result = importText(text);
    expect(result.rowsRead).toBe(2);
    expect(result.rowOfRoom).toEqual([3]);
    expect(result.errors).toEqual([{ row: 6, column: 'Capacity', message: expect.stringContaining('"zwei"') }]);
  });

  it('trims cells', () => {
    const result = importText('UPN , DisplayName ,Capacity\n  room-1@contoso.com ,  "  One  "  , 12 \n');
    expect(result.rooms[0]).toMatchObject({ upn: 'room-1@contoso.com', displayName: 'One', capacity: 12 });
  });

  it('refuses a quote that is never closed, naming the row where it opens', () => {
    const error = fileError(() => importText('UPN,DisplayName\nroom-1@contoso.com,One\nroom-2@contoso.com,"Two\nroom-3@contoso.com,Three\n'));
    expect(error.problem).toBe('malformed');
    expect(error.message).toMatch(/^rooms\.csv row 3: a double quote opens a value that is never closed/);
  });

  it('refuses text after a closing quote, naming the row', () => {
    const error = fileError(() => importText('UPN,DisplayName\nroom-1@contoso.com,"One" extra\n'));
    expect(error.message).toMatch(/^rooms\.csv row 2: a value in double quotes is followed by more text before the next comma/);
  });
});

describe('headers', () => {
  it('refuses a file without a UserPrincipalName column, naming the file, what it found and what it expects', () => {
    const error = fileError(() => importText('DisplayName,Capacity,Building\nRoom 1,4,B1\n', site, 'no-upn.csv'));
    expect(error.problem).toBe('missing-column');
    expect(error.fileName).toBe('no-upn.csv');
    expect(error.message).toContain('no-upn.csv has no UserPrincipalName column');
    expect(error.message).toContain('Columns found: DisplayName, Capacity, Building.');
    expect(error.message).toMatch(/Expected columns: DisplayName, UserPrincipalName, Alias, .*Password\./);
    expect(error.message).toContain('also accepted: UPN');
  });

  it('points out that an e-mail column is read as PrimarySmtpAddress, not as the UPN', () => {
    const error = fileError(() => importText('DisplayName,Email\nRoom 1,room-1@contoso.com\n'));
    expect(error.message).toContain('"Email" is read as PrimarySmtpAddress');
  });

  it('points out a file whose first row is data', () => {
    const error = fileError(() => importText('Room 1,room-1@contoso.com\nRoom 2,room-2@contoso.com\n'));
    expect(error.message).toContain('The first row looks like data');
  });

  it('refuses two columns for the same value, naming both', () => {
    const error = fileError(() => importText('UPN,DisplayName,UserPrincipalName\na@contoso.com,A,a@contoso.com\n', site, 'dup.csv'));
    expect(error.problem).toBe('duplicate-column');
    expect(error.message).toContain('dup.csv has two columns for the same value: "UPN" and "UserPrincipalName" both give UserPrincipalName');
    const twice = fileError(() => importText('UPN,Email,DisplayName,E-mail\na@contoso.com,a@contoso.com,A,a@contoso.com\n'));
    expect(twice.message).toContain('"Email" and "E-mail" both give PrimarySmtpAddress');
  });

  it('ignores unknown columns with a warning that names them', () => {
    const result = importText('UPN,DisplayName,Cost Centre,Projector\nroom-1@contoso.com,One,4711,yes\n');
    expect(result.unknownColumns).toEqual(['Cost Centre', 'Projector']);
    expect(result.warnings).toEqual([
      { row: 1, column: 'Cost Centre', message: 'is not a RoomReady column; its values were ignored' },
      { row: 1, column: 'Projector', message: 'is not a RoomReady column; its values were ignored' },
    ]);
    expect(Object.keys(result.rooms[0]!).sort()).toEqual(['displayName', 'upn']);
  });

  it('accepts aliases in any case and spacing, and names issues by the header as written', () => {
    const text = 'user_PRINCIPAL-name,display name,LICENCE,ou,Usage Location,seats,MAILNICKNAME,meeting mode\n' +
      'room-1@contoso.com,One,Microsoft_Teams_Rooms_Pro,,gb,6,room.one,Teams only\n' +
      'room-2@contoso.com,Two,ENTERPRISEPACK,,us,4,,\n';
    const result = importText(text);
    expect(result.rooms).toEqual([
      { upn: 'room-1@contoso.com', displayName: 'One', license: 'Microsoft_Teams_Rooms_Pro', usageLocation: 'gb', capacity: 6, alias: 'room.one', meetingMode: 'teams-only' },
    ]);
    expect(result.errors).toEqual([{ row: 3, column: 'LICENCE', message: expect.stringContaining('ENTERPRISEPACK (Office 365 E3) is a user licence') }]);
  });

  it('ignores trailing empty header cells, but warns once about a value under no header', () => {
    const result = importText('UPN,DisplayName,,\nroom-1@contoso.com,One,,\nroom-2@contoso.com,Two,,stray\nroom-3@contoso.com,Three,,stray\n');
    expect(result.rooms).toHaveLength(3);
    expect(result.warnings).toEqual([{ row: 3, column: '(column D)', message: 'has a value but no header; the column was ignored' }]);
  });
});

describe('row errors and warnings', () => {
  const result = importRoomsCsv(fixture('rooms-bad-rows.csv'), site, 'rooms-bad-rows.csv');

  it('imports the good rows and only them', () => {
    expect(result.rooms.map((room) => room.upn)).toEqual(['good-1@contoso.com', 'good-2@contoso.com']);
    expect(result.rowOfRoom).toEqual([2, 8]);
    expect(result.rooms[1]).toMatchObject({ mode: 'convert', capacity: 8 });
    expect(result.rowsRead).toBe(7);
  });

  it('reports each bad row with its row number, column and reason', () => {
    expect(result.errors.map((issue) => [issue.row, issue.column])).toEqual([
      [3, 'Capacity'],
      [4, 'Capacity'],
      [5, 'Action'],
      [6, '(column F)'],
      [7, 'UsageLocation'],
    ]);
    expect(result.errors[0]!.message).toBe('"ten" is not a whole number of 0 or more (e.g. 12)');
    expect(result.errors[1]!.message).toBe('"-3" is not a whole number of 0 or more (e.g. 12)');
    expect(result.errors[2]!.message).toBe('"maybe" is not an action; use Create (or New) or Convert (or Existing)');
    expect(result.errors[3]!.message).toContain('a value containing a comma must be enclosed in double quotes');
    expect(result.errors[4]!.message).toContain('did you mean GB?');
    expect(formatRowIssue(result.errors[0]!, 'rooms-bad-rows.csv')).toBe('rooms-bad-rows.csv row 3, Capacity: "ten" is not a whole number of 0 or more (e.g. 12)');
  });

  it('names the canonical column when the value came from a site default, the written header when it came from the file', () => {
    const withDefault = makeSite({ defaults: { usageLocation: 'US', license: 'SPE_E5' } });
    const text = 'UPN,DisplayName,licence\nroom-1@contoso.com,One,\nroom-2@contoso.com,Two,spe_e3\n';
    const imported = importText(text, withDefault);
    expect(imported.errors.map((issue) => [issue.row, issue.column])).toEqual([
      [2, 'License'],
      [3, 'licence'],
    ]);
  });

  it('reports a problem with an alias derived from the UPN under the canonical Alias column', () => {
    const imported = importText('UPN,DisplayName,alias\nroom..1@contoso.com,One,\n');
    expect(imported.errors.map((issue) => [issue.row, issue.column])).toEqual([
      [2, 'UPN'],
      [2, 'Alias'],
    ]);
  });

  it('reports an empty UPN cell', () => {
    const imported = importText('upn,DisplayName\n,Orphan\nroom-1@contoso.com,One\n');
    expect(imported.errors).toEqual([{ row: 2, column: 'upn', message: expect.stringContaining('is empty; every room needs a user principal name') }]);
    expect(imported.rooms).toHaveLength(1);
  });

  it('falls back to the Name column, then the UPN, for an empty display name, with a warning', () => {
    const imported = importText('UPN,DisplayName,Name\nroom-1@contoso.com,,Mailbox One\nroom-2@contoso.com,,\n');
    expect(imported.rooms.map((room) => room.displayName)).toEqual(['Mailbox One', 'room-2']);
    expect(imported.warnings).toEqual([
      { row: 2, column: 'DisplayName', message: 'is empty; the room is shown as "Mailbox One" (from the Name column)' },
      { row: 3, column: 'DisplayName', message: 'is empty; the room is shown as "room-2" (from the UPN)' },
    ]);
  });

  it('keeps the model warnings on imported rows', () => {
    const imported = importText('UPN,DisplayName\nroom-1@fabrikam.com,One\n', makeSite({ defaults: { usageLocation: 'US' } }));
    expect(imported.rooms).toHaveLength(1);
    expect(imported.warnings.map((issue) => [issue.row, issue.column])).toEqual([
      [2, 'UPN'],
      [2, 'License'],
    ]);
  });

  it('reports duplicates within the file on the second occurrence, naming the first row', () => {
    const text = 'UPN,DisplayName,Alias\n' +
      'room-1@contoso.com,One,one\n' +
      'ROOM-1@contoso.com,One again,other\n' +
      'room-3@contoso.com,Three,ONE\n' +
      'room-4@contoso.com,Four,four\n';
    const imported = importText(text);
    expect(imported.rooms.map((room) => room.upn)).toEqual(['room-1@contoso.com', 'room-4@contoso.com']);
    expect(imported.errors).toEqual([
      { row: 3, column: 'UPN', message: 'duplicates row 2 (room-1@contoso.com): the UPN "ROOM-1@contoso.com" must be unique' },
      { row: 4, column: 'Alias', message: 'duplicates row 2 (room-1@contoso.com): the alias "ONE" must be unique' },
    ]);
  });

  it('finds a duplicate even when the first occurrence has another error', () => {
    const imported = importText('UPN,DisplayName,Capacity\nroom-1@contoso.com,One,many\nroom-1@contoso.com,One bis,2\n');
    expect(imported.rooms).toEqual([]);
    // The second row's alias is derived from the same UPN, so it clashes too (under the canonical name).
    expect(imported.errors.map((issue) => [issue.row, issue.column])).toEqual([
      [2, 'Capacity'],
      [3, 'UPN'],
      [3, 'Alias'],
    ]);
  });
});

describe('formula prefixes', () => {
  it('keeps the text and warns for each cell that starts like a formula', () => {
    const text = 'UPN,DisplayName,Building,City,Floor,Capacity\n' +
      'room-1@contoso.com,"=HYPERLINK(""http://evil.example"",""x"")",+1 Tower,@Home,-2,-3\n' +
      'room-2@contoso.com,Plain,B,Town,1,2\n';
    const imported = importText(text);
    expect(imported.warnings.filter((issue) => issue.message.includes('formula')).map((issue) => [issue.row, issue.column])).toEqual([
      [2, 'DisplayName'],
      [2, 'Building'],
      [2, 'City'],
      [2, 'Floor'],
    ]);
    // A number column has no text to keep: "-3" is an error there, not a formula warning.
    expect(imported.errors).toEqual([{ row: 2, column: 'Capacity', message: expect.stringContaining('"-3"') }]);
    const kept = importText(text.replace(',-3\n', ',3\n')).rooms[0]!;
    expect(kept).toMatchObject({ displayName: '=HYPERLINK("http://evil.example","x")', building: '+1 Tower', city: '@Home', floor: '-2' });
  });
});

describe('supplied passwords', () => {
  const imported = importText(
    'UPN,DisplayName,Password,Capacity\n' +
      'room-1@contoso.com,Board Room,Kx7!mQ2#vLp9,10\n' +
      'room-2@contoso.com,Lobby,short1!,\n' +
      'room-3@contoso.com,Huddle,xxroom-3xxA1!,\n' +
      'room-4@contoso.com,Cafe,,\n' +
      'room-5@contoso.com,Bad Capacity,Zz9!Zz9!Zz9!,lots\n',
  );

  it('returns them apart from the rooms, only for imported rows', () => {
    expect([...imported.passwords]).toEqual([['room-1@contoso.com', 'Kx7!mQ2#vLp9']]);
    expect(imported.rooms.map((room) => room.upn)).toEqual(['room-1@contoso.com', 'room-4@contoso.com']);
    expect(JSON.stringify(imported.rooms)).not.toContain('Kx7!mQ2#vLp9');
    for (const room of imported.rooms) expect(room).not.toHaveProperty('password');
  });

  it('rejects rows whose password Entra ID or AD would refuse, without echoing the password', () => {
    expect(imported.errors.map((issue) => [issue.row, issue.column])).toEqual([
      [3, 'Password'],
      [4, 'Password'],
      [6, 'Capacity'],
    ]);
    expect(imported.errors[0]!.message).toContain('shorter than 8 characters');
    expect(imported.errors[1]!.message).toContain('contains the account name');
    const everything = JSON.stringify([imported.errors, imported.warnings]);
    for (const secret of ['Kx7!mQ2#vLp9', 'short1!', 'xxroom-3xxA1!', 'Zz9!Zz9!Zz9!']) expect(everything).not.toContain(secret);
  });
});

describe('scale', () => {
  it('imports 100,000 rows', () => {
    const lines = ['DisplayName,UserPrincipalName,Alias,Capacity,Building,Floor,City,RoomList,TimeZone'];
    for (let i = 0; i < 100_000; i++) {
      lines.push(`Room ${i},room${i}@contoso.com,room${i},${i % 20},Building ${i % 7},${i % 12},Seattle,Rooms Seattle,Pacific Standard Time`);
    }
    lines.push('Room 0 again,room0@contoso.com,room-zero,4,B,1,Seattle,,');
    const bytes = utf8(lines.join('\r\n'));
    const started = performance.now();
    const result = importRoomsCsv(bytes, site, 'big.csv');
    const elapsed = performance.now() - started;
    console.log(`imported ${result.rooms.length} of ${result.rowsRead} rows (${(bytes.length / 1e6).toFixed(1)} MB) in ${elapsed.toFixed(0)} ms`);
    expect(result.rowsRead).toBe(100_001);
    expect(result.rooms).toHaveLength(100_000);
    expect(result.rowOfRoom[99_999]).toBe(100_001);
    expect(result.errors).toEqual([{ row: 100_002, column: 'UserPrincipalName', message: expect.stringContaining('duplicates row 2') }]);
  });
});
