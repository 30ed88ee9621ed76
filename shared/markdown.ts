// Markdown that shows any value as literal text. Three contexts, three rules:
// - inline text: every character that could start Markdown or HTML syntax is backslash-escaped;
// - code spans (values the installer types): a backtick fence longer than any backtick run inside;
// - fenced code blocks (commands): a fence longer than any backtick or tilde run, every line indented
//   into its list item so no line can escape the block.
// Invisible characters (controls, bidi overrides, zero-width marks, line separators) are shown as
// visible placeholders first: on paper they cannot be typed, on screen they could reorder or hide text.

/** Code point ranges shown as placeholders: C0/C1 controls, soft hyphen, bidi marks, embeddings,
 *  overrides and isolates, zero-width space, word joiner and invisible operators, BOM, annotations,
 *  and lone surrogates. ZWJ/ZWNJ (U+200C, U+200D) stay: emoji and several scripts need them. */
const INVISIBLE_RANGES: readonly (readonly [number, number])[] = [
  [0x0000, 0x001f],
  [0x007f, 0x009f],
  [0x00ad, 0x00ad],
  [0x061c, 0x061c],
  [0x180e, 0x180e],
  [0x200b, 0x200b],
  [0x200e, 0x200f],
  [0x2028, 0x202e],
  [0x2060, 0x2064],
  [0x2066, 0x2069],
  [0xd800, 0xdfff],
  [0xfeff, 0xfeff],
  [0xfff9, 0xfffb],
];

const LINE_FEED = 0x0a;

const hex = (codePoint: number) => `\\u{${codePoint.toString(16)}}`;
// One character class from the ranges. With the u flag, [\u{d800}-\u{dfff}] matches only lone
// surrogates, as iterating by code point does.
const INVISIBLE_CLASS = `[${INVISIBLE_RANGES.map(([from, to]) => (from === to ? hex(from) : `${hex(from)}-${hex(to)}`)).join('')}]`;
const HAS_INVISIBLE = new RegExp(INVISIBLE_CLASS, 'u');
const EVERY_INVISIBLE = new RegExp(INVISIBLE_CLASS, 'gu');

function placeholder(codePoint: number): string {
  if (codePoint <= 0x1f) return String.fromCodePoint(0x2400 + codePoint); // Control Pictures: ␀…␟
  if (codePoint === 0x7f) return '\u2421'; // ␡
  return `⟨U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}⟩`;
}

/** The value with every invisible character replaced by a visible placeholder (line feeds kept on request). */
export function visible(value: string, keepLineFeeds = false): string {
  // Most values have none: checking once is much cheaper than rebuilding the string.
  if (!HAS_INVISIBLE.test(value)) return value;
  return value.replace(EVERY_INVISIBLE, (character) => {
    const codePoint = character.codePointAt(0)!;
    return keepLineFeeds && codePoint === LINE_FEED ? character : placeholder(codePoint);
  });
}

/** Characters that open Markdown, GFM or HTML syntax anywhere inside a line. */
const INLINE_SYNTAX = new Set(['\\', '`', '*', '_', '~', '[', ']', '<', '>', '&', '|', '#', '$', '@']);

const escapeForClass = (character: string) => (/[\\\]^-]/.test(character) ? `\\${character}` : character);
// ':' before '/' would let GFM turn a scheme (https://…) into a link.
const INLINE_SYNTAX_PATTERN = new RegExp(`[${[...INLINE_SYNTAX].map(escapeForClass).join('')}]|:(?=/)`, 'g');

// The same checklist sentences are escaped for every room of a site: remember recent results.
const escapedTexts = new Map<string, string>();
const ESCAPED_TEXTS_KEPT = 4096;

/** Inline text (never at the start of a line) that renders exactly as `value`, placeholders aside. */
export function escapeText(value: string): string {
  const known = escapedTexts.get(value);
  if (known !== undefined) return known;
  // GFM also links bare "www." hosts.
  const escaped = visible(value).replace(INLINE_SYNTAX_PATTERN, '\\$&').replace(/(w{3})\./gi, '$1\\.');
  if (escapedTexts.size >= ESCAPED_TEXTS_KEPT) escapedTexts.clear();
  escapedTexts.set(value, escaped);
  return escaped;
}

function longestRun(text: string, character: string): number {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === character ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}

/** A code span showing `value` verbatim; empty values have no code span, so they say so. */
export function codeSpan(value: string): string {
  const text = visible(value);
  if (text.length === 0) return '*(empty)*';
  const fence = '`'.repeat(longestRun(text, '`') + 1);
  // CommonMark strips one space from each end when both ends are spaces, and a backtick at either
  // end would merge with the fence: pad with one space, which the parser removes again.
  const allSpaces = text.trim().length === 0;
  const pad = !allSpaces && (text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' '))) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A fenced code block inside a list item whose content starts `indent` columns in. */
export function fencedCodeBlock(code: string, info: string, indent: string): string {
  const text = visible(code, true);
  const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1, longestRun(text, '~') + 1));
  const lines = text.split('\n').map((line) => indent + line);
  return [`${indent}${fence}${info}`, ...lines, `${indent}${fence}`].join('\n');
}
