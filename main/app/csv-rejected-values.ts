// The value a rejected CSV row had in the column an issue names, so the per-row error view can
// show what was written. Read with the importer's own decoding, delimiter and header mapping; the
// Password column's cells are never returned.
import { parse } from 'csv-parse/sync';
import type { RowIssue } from '../workspace/csv-errors.ts';
import { decodeCsvBytes, sniffDelimiter } from '../workspace/csv-decode.ts';
import { mapHeader } from '../workspace/csv-header.ts';

/** Longer values are cut: the view shows a cell, not a file. */
const MAX_VALUE = 200;

/** `(issue) => value` for the file's issues; undefined where there is none to show. */
export function rejectedValues(bytes: Uint8Array, fileName: string): (issue: RowIssue) => string | undefined {
  let records: string[][];
  try {
    const { body, delimiter } = sniffDelimiter(decodeCsvBytes(bytes, fileName).text);
    records = parse(body, { delimiter, relax_quotes: true, relax_column_count: true, trim: true, skip_empty_lines: false, bom: false });
  } catch {
    return () => undefined;
  }
  const headerIndex = records.findIndex((record) => record.some((cell) => cell.trim() !== ''));
  if (headerIndex < 0) return () => undefined;
  let columns: Map<string, { index: number; secret: boolean }>;
  try {
    columns = new Map(mapHeader(records[headerIndex]!, fileName).mapped.map((mapped) => [mapped.header, { index: mapped.index, secret: mapped.column.field === 'password' }]));
  } catch {
    return () => undefined;
  }
  return (issue) => {
    const column = columns.get(issue.column);
    if (!column || column.secret) return undefined;
    const value = records[issue.row - 1]?.[column.index];
    if (value === undefined || value === '') return undefined;
    return value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE)}…` : value;
  };
}
