// From the bytes of a CSV file to text and a delimiter. Spreadsheets write CSV in several
// encodings: UTF-8 with or without a BOM ("CSV UTF-8"), UTF-16 with a BOM ("Unicode Text", tab
// delimited) and, from some tools, UTF-16 LE without one. A file in a Windows code page (Excel's
// plain "CSV") is refused rather than guessed at, so no name is silently mangled.
import { CsvFileError } from './csv-errors.ts';

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';
export type CsvDelimiter = ',' | ';' | '\t';

export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
}

const SAVE_AS_HINT = 'In Excel use File > Save As > "CSV UTF-8 (Comma delimited)" or "Unicode Text".';

export function decodeCsvBytes(bytes: Uint8Array, fileName: string): DecodedCsv {
  refuseWorkbooks(bytes, fileName);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeUtf8(bytes.subarray(3), fileName, 3), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeUtf16(bytes.subarray(2), 'le', fileName), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeUtf16(bytes.subarray(2), 'be', fileName), encoding: 'utf-16be' };
  const unmarked = guessUnmarkedUtf16(bytes);
  if (unmarked) return { text: decodeUtf16(bytes, unmarked, fileName), encoding: unmarked === 'le' ? 'utf-16le' : 'utf-16be' };
  return { text: decodeUtf8(bytes, fileName, 0), encoding: 'utf-8' };
}

function refuseWorkbooks(bytes: Uint8Array, fileName: string): void {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (zip || ole) {
    throw new CsvFileError(fileName, 'encoding', `${fileName} is an Excel workbook, not a CSV file. ${SAVE_AS_HINT}`);
  }
}

/**
 * Text in UTF-16 without a BOM has a NUL in every other byte wherever it is ASCII (headers are).
 * Looks at the first 4 KiB: NULs mostly at odd offsets means little-endian, at even offsets big-endian.
 */
function guessUnmarkedUtf16(bytes: Uint8Array): 'le' | 'be' | undefined {
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 2) return undefined;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenNuls++;
    if (bytes[i + 1] === 0) oddNuls++;
  }
  const pairs = sample / 2;
  if (oddNuls >= pairs / 4 && evenNuls * 8 <= oddNuls) return 'le';
  if (evenNuls >= pairs / 4 && oddNuls * 8 <= evenNuls) return 'be';
  return undefined;
}

function decodeUtf16(bytes: Uint8Array, order: 'le' | 'be', fileName: string): string {
  let littleEndian = bytes;
  if (order === 'be') {
    // Swap to little-endian ourselves rather than rely on the runtime's optional UTF-16BE decoder.
    littleEndian = new Uint8Array(bytes.length);
    for (let i = 0; i + 1 < bytes.length; i += 2) {
      littleEndian[i] = bytes[i + 1]!;
      littleEndian[i + 1] = bytes[i]!;
    }
    if (bytes.length % 2 === 1) littleEndian[bytes.length - 1] = bytes[bytes.length - 1]!;
  }
  try {
    return new TextDecoder('utf-16le', { fatal: true }).decode(littleEndian);
  } catch {
    throw new CsvFileError(
      fileName,
      'encoding',
      `${fileName} looks like UTF-16 (${order === 'le' ? 'little' : 'big'}-endian) text but is not valid UTF-16 (an odd number of bytes or a broken surrogate pair); it may be damaged. ${SAVE_AS_HINT}`,
    );
  }
}

function decodeUtf8(bytes: Uint8Array, fileName: string, offsetInFile: number): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    const byte = bytes[offset] ?? 0;
    const line = countLineFeeds(bytes, offset) + 1;
    throw new CsvFileError(
      fileName,
      'encoding',
      `${fileName} is not valid UTF-8 (byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} at offset ${offset + offsetInFile}, line ${line}); ` +
        `it was probably saved in a Windows code page, which would garble accented names. ${SAVE_AS_HINT}`,
    );
  }
}

/**
 * Where decoding first fails. Only runs on the error path: a binary search over prefixes decoded in
 * streaming mode (an incomplete sequence at the end of a prefix is not an error, a wrong one is).
 */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  const decodes = (length: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  // Invariant: the prefix of length `good` decodes and the prefix of length `bad` does not.
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 1) {
    const middle = (good + bad) >>> 1;
    if (decodes(middle)) good = middle;
    else bad = middle;
  }
  // The decoder noticed at byte bad - 1. If that byte interrupted a multi-byte sequence (é in
  // Windows-1252 is a UTF-8 lead byte followed by plain ASCII), report the sequence's lead byte.
  const failedAt = bad - 1;
  for (let lead = failedAt - 1; lead >= Math.max(0, failedAt - 3); lead--) {
    const byte = bytes[lead]!;
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return lead + length > failedAt ? lead : failedAt;
  }
  return failedAt;
}

function countLineFeeds(bytes: Uint8Array, end: number): number {
  let count = 0;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) count++;
  return count;
}

// ---------------------------------------------------------------------------------------------
// Delimiter: Excel writes the list separator of the machine's region (";" in much of Europe) and
// tabs for "Unicode Text"; it also honours a first line "sep=;". Counted on the header line only,
// outside quotes, so a comma inside a quoted header does not count.

export interface SniffedCsv {
  delimiter: CsvDelimiter;
  /** The text to parse: without a leading "sep=" line, which spreadsheets do not show as a row. */
  body: string;
}

const SEP_LINE = /^sep=([,;\t])\r?\n/i;
const CANDIDATES: readonly CsvDelimiter[] = [',', ';', '\t'];

export function sniffDelimiter(text: string): SniffedCsv {
  const declared = SEP_LINE.exec(text);
  if (declared) return { delimiter: declared[1] as CsvDelimiter, body: text.slice(declared[0].length) };
  const counts = new Map<CsvDelimiter, number>(CANDIDATES.map((candidate) => [candidate, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch as CsvDelimiter)) counts.set(ch as CsvDelimiter, counts.get(ch as CsvDelimiter)! + 1);
  }
  let best: CsvDelimiter = ',';
  for (const candidate of CANDIDATES) if (counts.get(candidate)! > counts.get(best)!) best = candidate;
  return { delimiter: best, body: text };
}
