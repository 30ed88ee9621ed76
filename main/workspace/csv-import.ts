// Rooms from a CSV file. Every bad row is reported with its spreadsheet row number, the column as
// written in the file and the reason; the good rows go on. The rules are the model's (checkSite),
// so a room imported here passes exactly the checks a room typed into the wizard passes.
import { CsvError, parse } from 'csv-parse/sync';
import {
  csvColumnForField,
  parseCsvCell,
  startsLikeFormula,
  type CsvField,
} from '../../shared/csv-columns.ts';
import { checkSite, defaultAliasFor, resolveRoom, RoomSchema, type Finding, type Room, type Site } from '../../shared/model.ts';
import { decodeCsvBytes, sniffDelimiter, type CsvDelimiter, type CsvEncoding } from './csv-decode.ts';
import { CsvFileError, type RowIssue } from './csv-errors.ts';
import { mapHeader, type HeaderMap } from './csv-header.ts';
import { checkSuppliedPassword } from './passwords.ts';

export { CsvFileError, formatRowIssue, type RowIssue } from './csv-errors.ts';

export interface CsvImportResult {
  fileName: string;
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  /** The rows without errors, in file order. */
  rooms: Room[];
  /** rowOfRoom[i] is the spreadsheet row rooms[i] came from. */
  rowOfRoom: number[];
  /** Rows with an error are not in `rooms`. */
  errors: RowIssue[];
  warnings: RowIssue[];
  /** Passwords the file supplied for imported rooms, by UPN as written. Never part of a Room. */
  passwords: Map<string, string>;
  /** Headers RoomReady does not know, as written; their values were ignored. */
  unknownColumns: string[];
  /** Non-empty data rows read, imported or not. */
  rowsRead: number;
}

/** One data row on its way to becoming a room. */
interface RowState {
  row: number;
  errors: RowIssue[];
  warnings: RowIssue[];
  /** Fields whose value this row supplied (the others came from a site default or were derived). */
  fromFile: Set<CsvField>;
  room?: Room;
  password?: string;
}

/**
 * Reads a rooms CSV. `site` supplies the topology, tenant domain and defaults the rules need; its
 * existing rooms are not consulted (duplicates are looked for within the file): merging into a site
 * is the caller's decision. Throws CsvFileError when the file as a whole is unusable.
 */
export function importRoomsCsv(bytes: Uint8Array, site: Site, fileName: string): CsvImportResult {
  const { text, encoding } = decodeCsvBytes(bytes, fileName);
  const { delimiter, body } = sniffDelimiter(text);
  const records = parseRecords(body, delimiter, fileName);

  const headerIndex = records.findIndex((record) => !isBlank(record));
  if (headerIndex < 0) {
    throw new CsvFileError(fileName, 'empty', `${fileName} is empty; it needs a header row such as DisplayName,UserPrincipalName,UsageLocation,License and one row per room.`);
  }
  const headerCells = records[headerIndex]!;
  const header = mapHeader(headerCells, fileName);
  const headerWarnings: RowIssue[] = header.unknown.map((column) => ({
    row: headerIndex + 1,
    column,
    message: 'is not a RoomReady column; its values were ignored',
  }));

  const rows: RowState[] = [];
  const reportedUnnamed = new Set<number>();
  for (let index = headerIndex + 1; index < records.length; index++) {
    const cells = records[index]!;
    if (isBlank(cells)) continue;
    const state: RowState = { row: index + 1, errors: [], warnings: [], fromFile: new Set() };
    rows.push(state);
    readRow(state, cells, header, headerCells.length, delimiter, reportedUnnamed);
  }

  applyModelRules(rows, site, header);

  const result: CsvImportResult = {
    fileName,
    encoding,
    delimiter,
    rooms: [],
    rowOfRoom: [],
    errors: [],
    warnings: headerWarnings,
    passwords: new Map(),
    unknownColumns: header.unknown,
    rowsRead: rows.length,
  };
  for (const state of rows) {
    result.errors.push(...state.errors);
    result.warnings.push(...state.warnings);
    if (state.errors.length > 0 || !state.room) continue;
    result.rooms.push(state.room);
    result.rowOfRoom.push(state.row);
    if (state.password !== undefined) result.passwords.set(state.room.upn, state.password);
  }
  return result;
}

function parseRecords(body: string, delimiter: CsvDelimiter, fileName: string): string[][] {
  try {
    // Empty lines are kept as records so that record index + 1 is the row a spreadsheet shows.
    return parse(body, { delimiter, relax_quotes: true, relax_column_count: true, trim: true, skip_empty_lines: false, bom: false });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const row = (typeof error.records === 'number' ? error.records : 0) + 1;
    const reason =
      error.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a double quote opens a value that is never closed, so the rest of the file cannot be read; close it, or write a quote inside a value as two quotes ("")'
        : error.code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE' || error.code === 'CSV_INVALID_CLOSING_QUOTE'
          ? `a value in double quotes is followed by more text before the next ${DELIMITER_NAMES[delimiter]}; put the whole value in quotes and write each quote inside it as two quotes ("")`
          : `it is not valid CSV (${error.message})`;
    throw new CsvFileError(fileName, 'malformed', `${fileName} row ${row}: ${reason}.`);
  }
}

const DELIMITER_NAMES: Record<CsvDelimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/** Spreadsheet column letters: 0 -> A, 25 -> Z, 26 -> AA. */
function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function readRow(
  state: RowState,
  cells: readonly string[],
  header: HeaderMap,
  headerWidth: number,
  delimiter: CsvDelimiter,
  reportedUnnamed: Set<number>,
): void {
  const { row } = state;
  // A value beyond the last header is almost always an unquoted delimiter inside a value, which
  // shifts every later cell: report it alone rather than a cascade of wrong-column errors.
  const extra = cells.findIndex((cell, index) => index >= headerWidth && cell.trim() !== '');
  if (extra >= 0) {
    state.errors.push({
      row,
      column: `(column ${columnLetters(extra)})`,
      message: `has a value but the header has only ${headerWidth} columns; a value containing a ${DELIMITER_NAMES[delimiter]} must be enclosed in double quotes`,
    });
    return;
  }
  for (const index of header.unnamed) {
    if (!reportedUnnamed.has(index) && (cells[index] ?? '').trim() !== '') {
      reportedUnnamed.add(index);
      state.warnings.push({ row, column: `(column ${columnLetters(index)})`, message: 'has a value but no header; the column was ignored' });
    }
  }

  const draft: Partial<Record<keyof Room, unknown>> = {};
  for (const { index, header: written, column } of header.mapped) {
    const text = (cells[index] ?? '').trim();
    if (text === '') continue;
    if (column.field === 'password') {
      state.password = text;
      continue;
    }
    const parsed = parseCsvCell(column, text);
    if (!parsed.ok) {
      state.errors.push({ row, column: written, message: parsed.message });
      continue;
    }
    if (column.kind === 'text' && startsLikeFormula(text)) {
      state.warnings.push({
        row,
        column: written,
        message: `begins with "${text[0]}", which spreadsheets run as a formula; it is kept as text, and RoomReady's CSV exports neutralise it`,
      });
    }
    draft[column.field] = parsed.value;
    state.fromFile.add(column.field);
  }

  const upnColumn = header.byField.get('upn')!;
  if (draft.upn === undefined) {
    state.errors.push({ row, column: upnColumn.header, message: 'is empty; every room needs a user principal name such as room-101@contoso.com' });
    return;
  }
  if (draft.displayName === undefined) {
    const fromName = typeof draft.mailboxName === 'string';
    draft.displayName = fromName ? draft.mailboxName : defaultAliasFor(String(draft.upn));
    state.warnings.push({
      row,
      column: header.byField.get('displayName')?.header ?? csvColumnForField('displayName').header,
      message: `is empty; the room is shown as "${String(draft.displayName)}" (from ${fromName ? 'the Name column' : 'the UPN'})`,
    });
  }

  // The schema is the last word on shape; its issues name a field like the model's findings do.
  const parsed = RoomSchema.safeParse(draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as CsvField;
      state.errors.push({ row, column: columnNameFor(field, state, header), message: issue.message });
    }
    return;
  }
  state.room = parsed.data;
}

/**
 * checkSite over every row that became a room, so duplicates are found even next to a bad row;
 * then the supplied passwords, against the names the account will have.
 */
function applyModelRules(rows: RowState[], site: Site, header: HeaderMap): void {
  const candidates = rows.filter((state) => state.room !== undefined);
  const check = checkSite({ ...site, rooms: candidates.map((state) => state.room!) });
  candidates.forEach((state, index) => {
    for (const finding of check.rooms[index]!) {
      const issue: RowIssue = {
        row: state.row,
        column: columnNameFor(finding.field, state, header),
        message: inRowTerms(finding, candidates),
      };
      (finding.severity === 'error' ? state.errors : state.warnings).push(issue);
    }
    if (state.password !== undefined) {
      // Against the names the account will really have (derived alias and sAMAccountName included).
      const column = header.byField.get('password')!.header;
      for (const message of checkSuppliedPassword(state.password, resolveRoom(state.room!, site))) {
        state.errors.push({ row: state.row, column, message });
      }
    }
  });
}

/** The header as written when this row supplied the value; the canonical name when it was a default or derived. */
function columnNameFor(field: CsvField, state: RowState, header: HeaderMap): string {
  const mapped = header.byField.get(field);
  return mapped && state.fromFile.has(field) ? mapped.header : csvColumnForField(field).header;
}

// checkSite names the first room of a duplicate by its position; in a file the admin looks for a
// spreadsheet row.
function inRowTerms(finding: Finding, candidates: readonly RowState[]): string {
  const first = finding.duplicate ? candidates[finding.duplicate.of] : undefined;
  return first ? `duplicates row ${first.row} (${first.room!.upn}): ${finding.duplicate!.detail}` : finding.message;
}
