// Test-side PowerShell tooling, written independently of shared/powershell: the tree-sitter parser,
// a small scanner that knows PowerShell's own quoting rules (including the four Unicode single
// quotes, which the tree-sitter grammar does not know), a decoder for verbatim literals, and
// helpers to find cmdlet invocations in the syntax tree.
import { fileURLToPath } from 'node:url';
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';

const GRAMMAR = fileURLToPath(new URL('../../../../node_modules/tree-sitter-powershell/tree-sitter-powershell.wasm', import.meta.url));

let parser: Parser | undefined;

/** Loads the grammar once per test file (vitest isolates files, so this runs once in each). */
export async function loadPowerShell(): Promise<void> {
  if (parser) return;
  await Parser.init();
  const language = await Language.load(GRAMMAR);
  parser = new Parser();
  parser.setLanguage(language);
}

/**
 * tree-sitter's lexer stops at a NUL character as if the input ended there; PowerShell's tokenizer
 * treats NUL as end of input only at the real end of the script. So for the grammar, NUL is swapped
 * for another control character of the same length: offsets stay the same, nothing else changes.
 */
export function parse(text: string): Tree {
  if (!parser) throw new Error('call loadPowerShell() first (beforeAll)');
  const tree = parser.parse(text.replaceAll('\u0000', '\u0001'));
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
}

export function syntaxErrors(tree: Tree): string[] {
  const found: string[] = [];
  const visit = (node: Node) => {
    if (node.type === 'ERROR' || node.isMissing) {
      found.push(`${node.isMissing ? `MISSING ${node.type}` : 'ERROR'} at ${node.startPosition.row + 1}:${node.startPosition.column + 1}: ${JSON.stringify(node.text.slice(0, 60))}`);
    }
    if (node.hasError || node.isMissing) for (const child of node.children) if (child) visit(child);
  };
  if (tree.rootNode.hasError) visit(tree.rootNode);
  return found;
}

export function nodesOfType(tree: Tree, type: string): Node[] {
  return tree.rootNode.descendantsOfType(type).filter((node): node is Node => node !== null);
}

// ------------------------------------------------------------------------------------------------
// PowerShell's quoting rules (System.Management.Automation.Language.Tokenizer): five characters are
// single quotes, four are double quotes; inside a verbatim string a quote followed by a quote is one
// literal quote (the second), any other quote ends the string; nothing else has a meaning there.

const SINGLE_QUOTES = new Set(["'", '\u2018', '\u2019', '\u201A', '\u201B']);
const DOUBLE_QUOTES = new Set(['"', '\u201C', '\u201D', '\u201E']);

/** The value of a verbatim literal, quotes included in `literal`, by PowerShell's rules. */
export function decodeVerbatim(literal: string): string {
  const chars = [...literal];
  if (chars.length < 2 || !SINGLE_QUOTES.has(chars[0]!) || !SINGLE_QUOTES.has(chars[chars.length - 1]!)) {
    throw new Error(`not a verbatim literal: ${JSON.stringify(literal.slice(0, 40))}`);
  }
  let value = '';
  for (let i = 1; i < chars.length - 1; i++) {
    const char = chars[i]!;
    if (SINGLE_QUOTES.has(char)) {
      const next = chars[i + 1];
      if (next === undefined || !SINGLE_QUOTES.has(next) || i + 1 === chars.length - 1) {
        throw new Error(`a lone quote at ${i} would end the literal early: ${JSON.stringify(literal.slice(0, 40))}`);
      }
      value += next;
      i++;
    } else value += char;
  }
  return value;
}

export interface Span {
  start: number;
  end: number;
}

export interface ScanResult {
  verbatim: Span[];
  comments: Span[];
  expandable: Span[];
  /** The text with every string and comment blanked out: only code is left. */
  code: string;
}

const WORD = /[A-Za-z0-9_\-:$.]/;

/**
 * Finds string literals and comments the way PowerShell's tokenizer does, for the constructs the
 * generator emits. Here-strings, ${braced} variables and $( ) inside double-quoted strings are not
 * emitted; the scanner refuses them rather than guess.
 */
export function scanPowerShell(text: string): ScanResult {
  const verbatim: Span[] = [];
  const comments: Span[] = [];
  const expandable: Span[] = [];
  // UTF-16 indices, like the offsets web-tree-sitter reports.
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '<' && text[i + 1] === '#') {
      const end = text.indexOf('#>', i + 2);
      if (end < 0) throw new Error(`unterminated block comment at ${i}`);
      comments.push({ start: i, end: end + 2 });
      i = end + 2;
    } else if (char === '#' && (i === 0 || !WORD.test(text[i - 1]!))) {
      let end = i;
      while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
      comments.push({ start: i, end });
      i = end;
    } else if (char === '@' && (SINGLE_QUOTES.has(text[i + 1] ?? '') || DOUBLE_QUOTES.has(text[i + 1] ?? ''))) {
      throw new Error(`here-string or @'...' at ${i}: not emitted by the generator`);
    } else if (SINGLE_QUOTES.has(char)) {
      let j = i + 1;
      for (;;) {
        if (j >= text.length) throw new Error(`unterminated verbatim string at ${i}`);
        if (SINGLE_QUOTES.has(text[j]!)) {
          if (SINGLE_QUOTES.has(text[j + 1] ?? '')) {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      verbatim.push({ start: i, end: j + 1 });
      i = j + 1;
    } else if (DOUBLE_QUOTES.has(char)) {
      let j = i + 1;
      for (;;) {
        if (j >= text.length) throw new Error(`unterminated string at ${i}`);
        const c = text[j]!;
        if (c === '`') j += 2;
        else if (c === '$' && (text[j + 1] === '(' || text[j + 1] === '{')) throw new Error(`$( or \${ in a double-quoted string at ${j}: not emitted`);
        else if (DOUBLE_QUOTES.has(c) && DOUBLE_QUOTES.has(text[j + 1] ?? '')) j += 2;
        else if (DOUBLE_QUOTES.has(c)) break;
        else j++;
      }
      expandable.push({ start: i, end: j + 1 });
      i = j + 1;
    } else if (char === '$' && text[i + 1] === '{') {
      throw new Error(`\${braced} variable at ${i}: not emitted by the generator`);
    } else if (char === '`') {
      i += 2;
    } else {
      i++;
    }
  }
  // Code only: every string and comment replaced by spaces (line breaks kept).
  const spans = [...verbatim, ...comments, ...expandable].sort((a, b) => a.start - b.start);
  let code = '';
  let at = 0;
  for (const span of spans) {
    code += text.slice(at, span.start) + text.slice(span.start, span.end).replace(/[^\n]/g, ' ');
    at = span.end;
  }
  code += text.slice(at);
  return { verbatim, comments, expandable, code };
}

export function within(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some((span) => span.start <= start && end <= span.end);
}

// ------------------------------------------------------------------------------------------------
// Cmdlet invocations in the syntax tree.

export interface Invocation {
  name: string;
  /** Parameter names as written, without the dash or a trailing colon. */
  parameters: string[];
  /** Splatted variables (@Name). */
  splats: string[];
  node: Node;
}

export function invocations(tree: Tree): Invocation[] {
  return nodesOfType(tree, 'command').flatMap((node) => {
    const name = node.namedChildren.find((child) => child?.type === 'command_name');
    if (!name) return [];
    const elements = node.namedChildren.find((child) => child?.type === 'command_elements');
    const parameters: string[] = [];
    const splats: string[] = [];
    for (const element of elements?.namedChildren ?? []) {
      if (!element) continue;
      if (element.type === 'command_parameter') parameters.push(element.text.replace(/^-/, '').replace(/:$/, ''));
      const splat = /^@([A-Za-z_][A-Za-z0-9_]*)$/.exec(element.text);
      if (splat) splats.push(splat[1]!);
    }
    return [{ name: name.text, parameters, splats, node }];
  });
}

export function ancestors(node: Node): Node[] {
  const found: Node[] = [];
  for (let parent = node.parent; parent; parent = parent.parent) found.push(parent);
  return found;
}

/** The condition of an if_statement (the pipeline between its parentheses). */
export function ifCondition(node: Node): Node | undefined {
  const open = node.children.findIndex((child) => child?.type === '(');
  return open >= 0 ? (node.children[open + 1] ?? undefined) : undefined;
}

/** The argument node after `-Name` in an invocation (`-Name value` or `-Name:value`). */
export function argumentNode(invocation: Invocation, name: string): Node | undefined {
  const elements = invocation.node.namedChildren.find((child) => child?.type === 'command_elements');
  const children = (elements?.namedChildren ?? []).filter((child): child is Node => child !== null && child.type !== 'command_argument_sep');
  const at = children.findIndex((child) => child.type === 'command_parameter' && child.text.replace(/^-/, '').replace(/:$/, '') === name);
  return at >= 0 ? children[at + 1] : undefined;
}

/** The decoded value of a verbatim-literal argument, e.g. `-Id 'exchange.room-list'`. */
export function literalArgument(invocation: Invocation, name: string): string | undefined {
  const node = argumentNode(invocation, name);
  return node && /^'/.test(node.text) ? decodeVerbatim(node.text) : undefined;
}

/** Does `outer` contain `inner`? (Node wrappers are not identical objects; compare ranges.) */
export function contains(outer: { startIndex: number; endIndex: number }, inner: { startIndex: number; endIndex: number }): boolean {
  return outer.startIndex <= inner.startIndex && inner.endIndex <= outer.endIndex;
}

export interface Region {
  startIndex: number;
  endIndex: number;
  /** For an if statement: its condition's text. For a function: its name. */
  label: string;
}

/** Functions and if statements as plain ranges, read from the tree once (walking parents is slow). */
export function regions(tree: Tree): { functions: Region[]; ifs: Region[] } {
  return {
    functions: nodesOfType(tree, 'function_statement').map((node) => ({ startIndex: node.startIndex, endIndex: node.endIndex, label: node.text.split(/\s/)[1] ?? '' })),
    ifs: nodesOfType(tree, 'if_statement').map((node) => ({ startIndex: node.startIndex, endIndex: node.endIndex, label: ifCondition(node)?.text ?? '' })),
  };
}

export interface StepSegment {
  id: string;
  start: number;
  end: number;
}

/** Each room step's code: from its Start-RoomReadyStep to its Complete-RoomReadyStep. */
export function stepSegments(all: readonly Invocation[], functions: readonly Region[]): StepSegment[] {
  const topLevel = all.filter((call) => !functions.some((fn) => contains(fn, call.node)));
  const segments: StepSegment[] = [];
  for (const start of topLevel.filter((call) => call.name === 'Start-RoomReadyStep')) {
    const complete = topLevel.find((call) => call.name === 'Complete-RoomReadyStep' && call.node.startIndex > start.node.startIndex);
    if (!complete) throw new Error('a step without Complete-RoomReadyStep');
    segments.push({ id: literalArgument(start, 'Id') ?? '?', start: start.node.startIndex, end: complete.node.endIndex });
  }
  return segments;
}

/** scanPowerShell, with a script it cannot read reported instead of thrown (a test then fails on it). */
export function scanOrReport(text: string): ScanResult & { error?: string } {
  try {
    return scanPowerShell(text);
  } catch (error) {
    return { verbatim: [], comments: [], expandable: [], code: text, error: String(error) };
  }
}
