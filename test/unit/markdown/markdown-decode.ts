// Decoders that follow the CommonMark rules for backslash escapes, code spans and fenced code
// blocks. They assert the rules as they go, so a rendering that a Markdown parser would read
// differently fails the test instead of decoding to something else.
import { expect } from 'vitest';

const ASCII_PUNCTUATION = new Set([...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~']);
/** Characters that start inline syntax in CommonMark, GFM (strikethrough, tables, autolinks) or GitHub (math). */
const INLINE_SYNTAX = new Set([...'\\`*_~[]<>&|#$@']);

export function decodeText(markdown: string): string {
  let out = '';
  for (let i = 0; i < markdown.length; i++) {
    const character = markdown[i]!;
    if (character === '\\' && ASCII_PUNCTUATION.has(markdown[i + 1] ?? '')) {
      out += markdown[i + 1];
      i++;
    } else out += character;
  }
  return out;
}

/** Syntax characters the renderer left unescaped (there must be none). */
export function unescapedSyntax(markdown: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < markdown.length; i++) {
    const character = markdown[i]!;
    if (character === '\\') {
      expect(ASCII_PUNCTUATION.has(markdown[i + 1] ?? ''), 'a backslash always escapes the next character').toBe(true);
      i++;
    } else if (INLINE_SYNTAX.has(character) || (character === ':' && markdown[i + 1] === '/')) found.push(character);
  }
  if (/www\./i.test(markdown)) found.push('www.');
  return found;
}

export function decodeCodeSpan(span: string): string {
  const open = /^`+/.exec(span)![0].length;
  const close = /`+$/.exec(span)![0].length;
  expect(close).toBe(open);
  const inner = span.slice(open, span.length - close);
  expect(inner.length).toBeGreaterThan(0);
  // A backtick run of the fence's length inside would close the span early.
  for (const run of inner.match(/`+/g) ?? []) expect(run.length).not.toBe(open);
  expect(inner).not.toMatch(/[\n\r]/);
  return inner.startsWith(' ') && inner.endsWith(' ') && inner.trim() !== '' ? inner.slice(1, -1) : inner;
}

export function decodeFencedBlock(block: string, indent: string): string {
  const lines = block.split('\n');
  const opening = lines[0]!;
  expect(opening.startsWith(indent)).toBe(true);
  const fence = /^(`{3,})[^`]*$/.exec(opening.slice(indent.length))![1]!;
  expect(lines.at(-1)).toBe(indent + fence);
  const content = lines.slice(1, -1).map((line) => {
    expect(line.startsWith(indent), 'every line stays inside the list item').toBe(true);
    const text = line.slice(indent.length);
    expect(new RegExp(`^ {0,3}\`{${fence.length},}\\s*$`).test(text), 'no content line closes the block').toBe(false);
    return text;
  });
  const longest = (character: string) => Math.max(0, ...(content.join('\n').match(new RegExp(`\\${character}+`, 'g')) ?? []).map((run) => run.length));
  expect(fence.length).toBeGreaterThan(longest('`'));
  expect(fence.length).toBeGreaterThan(longest('~'));
  return content.join('\n');
}

export function invisibleLeft(text: string, keepLineFeeds = false): string[] {
  return [...text].filter((character) => {
    const code = character.codePointAt(0)!;
    if (keepLineFeeds && code === 0x0a) return false;
    return code < 0x20 || (code >= 0x7f && code <= 0x9f) || [0x200b, 0x200e, 0x200f, 0x2028, 0x2029, 0xfeff].includes(code) ||
      (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) || (code >= 0xd800 && code <= 0xdfff);
  });
}
