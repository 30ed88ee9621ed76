// A strict RFC 4180 reader for the tests: CRLF between records, quoted fields with doubled quotes.
// Anything else (a bare quote inside an unquoted field, a lone LF) is an error, so a test fails on
// a malformed file instead of reading it some lenient way.
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const field = (): string => {
    if (text[i] === '"') {
      let value = '';
      i += 1;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i += 1;
          return value;
        }
        value += text[i];
        i += 1;
      }
    }
    const start = i;
    while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
      if (text[i] === '"') throw new Error(`a quote inside an unquoted field at ${i}`);
      i += 1;
    }
    return text.slice(start, i);
  };
  while (i < text.length) {
    row.push(field());
    if (text[i] === ',') {
      i += 1;
      continue;
    }
    if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
      continue;
    }
    if (i < text.length) throw new Error(`expected a comma or CRLF at ${i}`);
  }
  if (row.length > 0) rows.push(row);
  return rows;
}
