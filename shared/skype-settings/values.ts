// Element text <-> typed values, as the console reads them (mtr-facts §3.2), and the characters XML can carry.
import type { ElementRow, Revision } from './elements.ts';

/** The app accepts true, false, 1 and 0; the samples also write True. */
const BOOLEAN_TEXT = /^(true|false|1|0)$/i;
const INTEGER_TEXT = /^[+-]?\d+$/;

export type TextReading<T> = { ok: true; value: T } | { ok: false; reason: 'empty' | 'wrong-type' };

export function readBoolean(text: string): TextReading<boolean> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  if (!BOOLEAN_TEXT.test(trimmed)) return { ok: false, reason: 'wrong-type' };
  const lower = trimmed.toLowerCase();
  return { ok: true, value: lower === 'true' || lower === '1' };
}

export function readNumber(text: string, row: ElementRow, revision: Revision): TextReading<number> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  if (INTEGER_TEXT.test(trimmed)) {
    const value = Number(trimmed) || 0; // "-0" reads as 0
    return Number.isSafeInteger(value) ? { ok: true, value } : { ok: false, reason: 'wrong-type' };
  }
  if (row.booleanWords?.includes(revision)) {
    const lower = trimmed.toLowerCase();
    if (lower === 'true') return { ok: true, value: 1 };
    if (lower === 'false') return { ok: true, value: 0 };
  }
  return { ok: false, reason: 'wrong-type' };
}

export function expectedText(row: ElementRow, revision: Revision): string {
  if (row.kind === 'boolean' || row.kind === 'attribute') return 'true, false, 1 or 0';
  if (row.kind === 'number') return row.booleanWords?.includes(revision) ? 'a whole number (or true/false)' : 'a whole number';
  return 'text';
}

/** How the writer spells a value: booleans true/false, numbers as integers. */
export function formatValue(value: boolean | number | string): string {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  return value;
}

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. With the u flag a
// lone surrogate is one code point outside every range, so it matches too.
const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const NOT_XML_CHAR_GLOBAL = new RegExp(NOT_XML_CHAR.source, 'gu');
// Line breaks and tabs are XML characters but readers normalise them, so a value holding one would not come back as written.
const CONTROL = /[\t\n\r]/;

export function codePointLabel(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why a string cannot be written as element text, or undefined when it can. */
export function unwritableCharacter(value: string): string | undefined {
  const bad = NOT_XML_CHAR.exec(value) ?? CONTROL.exec(value);
  return bad ? codePointLabel(bad[0]) : undefined;
}

/** Offset of the first character XML 1.0 does not allow, or -1. */
export function firstNonXmlCharacter(text: string): number {
  NOT_XML_CHAR_GLOBAL.lastIndex = 0;
  const match = NOT_XML_CHAR_GLOBAL.exec(text);
  return match ? match.index : -1;
}

const PREDEFINED = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);
const REFERENCE_BODY = /^(?:#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z_:][\w.:-]*)$/;
const LONGEST_REFERENCE = 40;

export type Decoded = { ok: true; text: string } | { ok: false; reference: string };

/**
 * Replaces the five predefined entities and character references in one pass (so "&amp;#65;"
 * stays "&#65;"). Any other entity is undefined: SkypeSettings.xml has no DTD to define it.
 * A loop rather than a replace callback: a 5 MB value can hold millions of references.
 */
export function decodeReferences(raw: string): Decoded {
  let amp = raw.indexOf('&');
  if (amp < 0) return { ok: true, text: raw };
  let text = '';
  let copied = 0;
  while (amp >= 0) {
    const semicolon = raw.indexOf(';', amp + 1);
    const body = semicolon < 0 || semicolon - amp > LONGEST_REFERENCE ? '' : raw.slice(amp + 1, semicolon);
    if (!REFERENCE_BODY.test(body)) {
      amp = raw.indexOf('&', amp + 1);
      continue;
    }
    let char: string | undefined;
    if (body.startsWith('#')) {
      const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      char = code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
      if (char !== undefined && NOT_XML_CHAR.test(char)) char = undefined;
    } else {
      char = PREDEFINED.get(body);
    }
    if (char === undefined) return { ok: false, reference: `&${body};` };
    text += raw.slice(copied, amp) + char;
    copied = semicolon + 1;
    amp = raw.indexOf('&', copied);
  }
  return { ok: true, text: text + raw.slice(copied) };
}

/** 1-based line and column of an offset. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.starts[low]! + 1 };
  }
  offset(line: number, column: number): number {
    return (this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))] ?? 0) + Math.max(0, column - 1);
  }
}
