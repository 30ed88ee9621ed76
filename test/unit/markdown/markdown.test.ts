// The three Markdown contexts are checked against small decoders that follow the CommonMark rules
// (backslash escapes, code spans, fenced code blocks): whatever the value, decoding the rendered
// Markdown must give the value back, with invisible characters shown as placeholders.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeSpan, escapeText, fencedCodeBlock, visible } from '../../../shared/markdown.ts';
import { decodeCodeSpan, decodeFencedBlock, decodeText, invisibleLeft, unescapedSyntax } from './markdown-decode.ts';

/** Hostile units: Markdown syntax, line breaks, bidi and zero-width controls, lone surrogates. */
const hostileUnit = fc.constantFrom(
  ...'`*_~[]<>&|#$@:/\\!()w. -=+\'"’‘',
  '\n',
  '\r',
  '\t',
  '\u0000',
  '\u007f',
  '\u0085',
  '\u200b',
  '\u200e',
  '\u202e',
  '\u2066',
  '\u2028',
  '\ufeff',
  '\ud800',
  '\udc00',
  'https://',
  'www.',
  '```',
  '~~~',
  '<script>',
  '&amp;',
  'שלום',
  '👩‍💻',
);
const anyValue = fc.oneof(fc.string({ unit: hostileUnit, maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 40 }));

describe('visible', () => {
  it('replaces controls, bidi overrides, zero-width marks and lone surrogates with placeholders', () => {
    expect(visible('a\nb\rc\td')).toBe('a␊b␍c␉d');
    expect(visible('\u202Eevil\u2066')).toBe('⟨U+202E⟩evil⟨U+2066⟩');
    expect(visible('x\u200By\uFEFF\u007F\uD800')).toBe('x⟨U+200B⟩y⟨U+FEFF⟩␡⟨U+D800⟩');
    expect(visible('a\nb', true)).toBe('a\nb');
  });

  it('keeps right-to-left text, emoji sequences and other scripts as they are', () => {
    for (const text of ['שלום עולם', 'مرحبا', '👩‍💻 Room 🎉', '🇳🇴', 'Besprechungsraum Ölberg', '会议室']) expect(visible(text)).toBe(text);
  });

  it('leaves nothing invisible behind', () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        expect(invisibleLeft(visible(value))).toEqual([]);
      }),
    );
  });
});

describe('escapeText', () => {
  it('renders Markdown and HTML syntax as literal text', () => {
    expect(escapeText('*bold* [x](javascript:alert(1)) <script>')).toBe('\\*bold\\* \\[x\\](javascript:alert(1)) \\<script\\>');
    expect(escapeText('a | b & c #1 $x$ ~~s~~ _i_ `c`')).toBe('a \\| b \\& c \\#1 \\$x\\$ \\~\\~s\\~\\~ \\_i\\_ \\`c\\`');
    expect(escapeText('see https://evil.example and www.evil.example or me@evil.example')).toBe(
      'see https\\://evil.example and www\\.evil.example or me\\@evil.example',
    );
  });

  it('decodes back to the value for any input and leaves no syntax unescaped', () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        const markdown = escapeText(value);
        expect(decodeText(markdown)).toBe(visible(value));
        expect(unescapedSyntax(markdown)).toEqual([]);
        expect(markdown).not.toMatch(/[\n\r]/);
      }),
    );
  });
});

describe('codeSpan', () => {
  it('uses a fence longer than any backtick run inside and pads values that touch it', () => {
    expect(codeSpan('room@contoso.com')).toBe('`room@contoso.com`');
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('a``b```c')).toBe('````a``b```c````');
    expect(codeSpan('`x`')).toBe('`` `x` ``');
    expect(codeSpan(' x ')).toBe('`  x  `');
    expect(codeSpan('')).toBe('*(empty)*');
  });

  it('decodes back to the value for any non-empty input', () => {
    fc.assert(
      fc.property(anyValue.filter((value) => value.length > 0), (value) => {
        expect(decodeCodeSpan(codeSpan(value))).toBe(visible(value));
      }),
    );
  });
});

describe('fencedCodeBlock', () => {
  it('fences and indents a command', () => {
    expect(fencedCodeBlock("Add-Computer -DomainName 'contoso.com'", 'powershell', '  ')).toBe(
      "  ```powershell\n  Add-Computer -DomainName 'contoso.com'\n  ```",
    );
    expect(fencedCodeBlock('a ```` b ~~~~~ c', 'powershell', '  ')).toBe('  ``````powershell\n  a ```` b ~~~~~ c\n  ``````');
  });

  it('keeps every line inside the block and the list item, whatever the command holds', () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        expect(decodeFencedBlock(fencedCodeBlock(value, 'powershell', '  '), '  ')).toBe(visible(value, true));
        expect(invisibleLeft(fencedCodeBlock(value, 'powershell', '  '), true)).toEqual([]);
      }),
    );
  });
});
