// The header row of a rooms CSV: which cell index fills which column. Refuses files that lack a
// required column or name the same value twice, because every row would be wrong in the same way.
import { CSV_COLUMNS, findCsvColumn, type CsvColumn, type CsvField } from '../../shared/csv-columns.ts';
import { CsvFileError } from './csv-errors.ts';

export interface MappedColumn {
  index: number;
  /** The header as written in the file; issues name this. */
  header: string;
  column: CsvColumn;
}

export interface HeaderMap {
  mapped: MappedColumn[];
  byField: Map<CsvField, MappedColumn>;
  /** Headers RoomReady does not know, as written; their cells are ignored. */
  unknown: string[];
  /** Cell indexes with an empty header (often trailing delimiters); ignored unless they hold data. */
  unnamed: number[];
}

export function mapHeader(cells: readonly string[], fileName: string): HeaderMap {
  const mapped: MappedColumn[] = [];
  const byField = new Map<CsvField, MappedColumn>();
  const unknown: string[] = [];
  const unnamed: number[] = [];
  const clashes: string[] = [];
  cells.forEach((cell, index) => {
    const header = cell.trim();
    if (header === '') {
      unnamed.push(index);
      return;
    }
    const column = findCsvColumn(header);
    if (!column) {
      unknown.push(header);
      return;
    }
    const earlier = byField.get(column.field);
    if (earlier) {
      clashes.push(`"${earlier.header}" and "${header}" both give ${column.header}`);
      return;
    }
    const entry = { index, header, column };
    mapped.push(entry);
    byField.set(column.field, entry);
  });

  if (clashes.length > 0) {
    throw new CsvFileError(
      fileName,
      'duplicate-column',
      `${fileName} has two columns for the same value: ${clashes.join('; ')}. Remove or rename one of each pair so every value comes from one column.`,
    );
  }
  const missing = CSV_COLUMNS.filter((column) => column.required && !byField.has(column.field));
  if (missing.length > 0) throw missingColumnsError(fileName, cells, missing, byField);
  return { mapped, byField, unknown, unnamed };
}

function missingColumnsError(
  fileName: string,
  cells: readonly string[],
  missing: readonly CsvColumn[],
  byField: ReadonlyMap<CsvField, MappedColumn>,
): CsvFileError {
  const found = cells.map((cell) => cell.trim()).filter((cell) => cell !== '');
  const names = missing.map((column) => `${column.header} (also accepted: ${column.aliases.join(', ')})`).join('; ');
  const hints: string[] = [];
  if (found.some((cell) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(cell))) {
    hints.push('The first row looks like data: the file needs a header row.');
  } else if (byField.has('primarySmtpAddress') && missing.some((column) => column.field === 'upn')) {
    hints.push(
      `"${byField.get('primarySmtpAddress')!.header}" is read as PrimarySmtpAddress; for Teams Rooms the UPN equals it, so if it holds the sign-in names, name it UserPrincipalName.`,
    );
  }
  return new CsvFileError(
    fileName,
    'missing-column',
    [
      `${fileName} has no ${missing.map((column) => column.header).join(' or ')} column, which every room needs: ${names}.`,
      `Columns found: ${found.length > 0 ? found.join(', ') : '(none)'}.`,
      `Expected columns: ${CSV_COLUMNS.map((column) => column.header).join(', ')}.`,
      ...hints,
    ].join(' '),
  );
}
