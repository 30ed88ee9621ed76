// What CSV import reports: problems with one row (the other rows go on) and problems with the whole
// file (nothing is imported; the CLI exits with code 2).

/** A problem in one cell or row. `row` is the spreadsheet row (header = 1); `column` the header as written. */
export interface RowIssue {
  row: number;
  column: string;
  message: string;
}

export type CsvFileProblem = 'unreadable' | 'encoding' | 'malformed' | 'empty' | 'missing-column' | 'duplicate-column';

/** The file cannot be imported at all. The message is a sentence that names the file. */
export class CsvFileError extends Error {
  override readonly name = 'CsvFileError';
  constructor(
    readonly fileName: string,
    readonly problem: CsvFileProblem,
    message: string,
  ) {
    super(message);
  }
}

/** "rooms.csv row 7, Capacity: "ten" is not a whole number of 0 or more (e.g. 12)" */
export function formatRowIssue(issue: RowIssue, fileName?: string): string {
  const where = `${fileName ? `${fileName} ` : ''}row ${issue.row}`;
  return `${where}, ${issue.column}: ${issue.message}`;
}
