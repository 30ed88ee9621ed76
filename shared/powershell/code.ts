// A tiny line builder for generated PowerShell: indentation, and comments that can only hold fixed
// text. A comment ends at a line break (or, in a block comment, at "#>"), so a comment that could
// contain either would let text escape into code: comment() refuses them outright.

const UNSAFE_COMMENT = /[\r\n\u0085\u2028\u2029]|#>|<#/;

export function comment(text: string): string {
  if (UNSAFE_COMMENT.test(text)) throw new Error(`comment text must be one line without "<#" or "#>": ${JSON.stringify(text)}`);
  return text.length === 0 ? '#' : `# ${text}`;
}

/** Lines of a block comment (comment-based help); the same rule per line. */
export function blockCommentLine(text: string): string {
  if (UNSAFE_COMMENT.test(text)) throw new Error(`help text must be one line without "<#" or "#>": ${JSON.stringify(text)}`);
  return text;
}

export class Code {
  private readonly lines: string[] = [];

  constructor(private depth = 0) {}

  line(text = ''): this {
    this.lines.push(text === '' ? '' : '    '.repeat(this.depth) + text);
    return this;
  }

  comment(text: string): this {
    return this.line(comment(text));
  }

  /** `opener` on its own line, body indented, `closer` after it. */
  block(opener: string, body: (code: this) => void, closer = '}'): this {
    this.line(opener);
    this.depth++;
    body(this);
    this.depth--;
    return this.line(closer);
  }

  /** Appends already-indented text (the constant library) as is, at the outermost level. */
  raw(text: string): this {
    if (this.depth !== 0) throw new Error('raw text belongs at the outermost level');
    this.lines.push(text.replace(/\n$/, ''));
    return this;
  }

  /** Appends lines rendered earlier by another Code at this same depth (see text()). */
  rendered(text: string): this {
    this.lines.push(text);
    return this;
  }

  /** The lines so far, without a final line break, for rendered(). */
  text(): string {
    return this.lines.join('\n');
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}
