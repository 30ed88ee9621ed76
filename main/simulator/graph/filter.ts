// A small OData $filter parser and evaluator for directory queries: eq/ne/gt/ge/lt/le, in,
// startsWith/endsWith, not, and/or, parentheses, and lambda any() over collections
// (proxyAddresses/any(x:x eq 'smtp:...'), assignedLicenses/any(x:x/skuId eq <guid>)). String
// comparisons ignore case, as directory queries do. Operators that Graph serves only as
// "advanced queries" (ne, not, endsWith) are reported so the caller can demand
// ConsistencyLevel: eventual and $count=true.
import { invalidProperty, odataBadRequest } from './errors.ts';

export type Literal = string | number | boolean | null;

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'compare'; op: 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le'; path: string[]; value: Literal }
  | { kind: 'in'; path: string[]; values: Literal[] }
  | { kind: 'function'; name: 'startswith' | 'endswith'; path: string[]; value: string }
  | { kind: 'any'; collection: string; variable: string; body: FilterNode | undefined };

export class FilterSyntaxError extends Error {}

type Token = { type: 'word'; text: string } | { type: 'string'; text: string } | { type: 'punct'; text: string };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if ('(),:/'.includes(c)) {
      tokens.push({ type: 'punct', text: c });
      i++;
    } else if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new FilterSyntaxError(`unterminated string literal in '${text}'`);
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
      tokens.push({ type: 'string', text: value });
    } else {
      const match = /^[A-Za-z0-9_.\-@$]+/.exec(text.slice(i));
      if (!match) throw new FilterSyntaxError(`Syntax error: character '${c}' is not valid at position ${i} in '${text}'.`);
      tokens.push({ type: 'word', text: match[0] });
      i += match[0].length;
    }
  }
  return tokens;
}

const COMPARISONS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);

class Parser {
  private position = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly source: string,
  ) {}

  parse(): FilterNode {
    const node = this.or();
    if (this.position < this.tokens.length) throw this.error();
    return node;
  }

  private error(): FilterSyntaxError {
    const token = this.tokens[this.position];
    return new FilterSyntaxError(token ? `Syntax error at '${token.text}' in '${this.source}'.` : `Syntax error: unexpected end of '${this.source}'.`);
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private isWord(text: string): boolean {
    const t = this.peek();
    return t?.type === 'word' && t.text.toLowerCase() === text;
  }

  private expectPunct(text: string): void {
    const t = this.peek();
    if (t?.type !== 'punct' || t.text !== text) throw this.error();
    this.position++;
  }

  private or(): FilterNode {
    let left = this.and();
    while (this.isWord('or')) {
      this.position++;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): FilterNode {
    let left = this.unary();
    while (this.isWord('and')) {
      this.position++;
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): FilterNode {
    if (this.isWord('not')) {
      this.position++;
      return { kind: 'not', operand: this.unary() };
    }
    const t = this.peek();
    if (t?.type === 'punct' && t.text === '(') {
      this.position++;
      const inner = this.or();
      this.expectPunct(')');
      return inner;
    }
    if (this.isWord('startswith') || this.isWord('endswith')) {
      const name = this.peek()!.text.toLowerCase() as 'startswith' | 'endswith';
      this.position++;
      this.expectPunct('(');
      const path = this.path();
      this.expectPunct(',');
      const value = this.literal();
      this.expectPunct(')');
      if (typeof value !== 'string') throw this.error();
      return { kind: 'function', name, path, value };
    }
    const path = this.path();
    const next = this.peek();
    if (next?.type === 'punct' && next.text === '/' && this.tokens[this.position + 1]?.text.toLowerCase() === 'any') {
      this.position += 2;
      this.expectPunct('(');
      const close = this.peek();
      if (close?.type === 'punct' && close.text === ')') {
        this.position++;
        return { kind: 'any', collection: path.join('/'), variable: '', body: undefined };
      }
      const variable = this.word();
      this.expectPunct(':');
      const body = this.or();
      this.expectPunct(')');
      return { kind: 'any', collection: path.join('/'), variable, body };
    }
    if (this.isWord('in')) {
      this.position++;
      this.expectPunct('(');
      const values = [this.literal()];
      while (this.peek()?.text === ',') {
        this.position++;
        values.push(this.literal());
      }
      this.expectPunct(')');
      return { kind: 'in', path, values };
    }
    const op = this.word().toLowerCase();
    if (!COMPARISONS.has(op)) throw new FilterSyntaxError(`Unsupported operator '${op}' in '${this.source}'.`);
    return { kind: 'compare', op: op as 'eq', path, value: this.literal() };
  }

  private word(): string {
    const t = this.peek();
    if (t?.type !== 'word') throw this.error();
    this.position++;
    return t.text;
  }

  private path(): string[] {
    const parts = [this.word()];
    while (this.peek()?.text === '/' && this.tokens[this.position + 1]?.type === 'word' && this.tokens[this.position + 1]!.text.toLowerCase() !== 'any') {
      this.position++;
      parts.push(this.word());
    }
    return parts;
  }

  private literal(): Literal {
    const t = this.peek();
    if (!t) throw this.error();
    this.position++;
    if (t.type === 'string') return t.text;
    if (t.type !== 'word') throw this.error();
    const lower = t.text.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    if (lower === 'null') return null;
    if (/^-?\d+(\.\d+)?$/.test(t.text)) return Number(t.text);
    if (GUID.test(t.text)) return t.text;
    throw new FilterSyntaxError(`'${t.text}' is not a value in '${this.source}'.`);
  }
}

export function parseFilter(text: string): FilterNode {
  return new Parser(tokenize(text), text).parse();
}

/** Operators in the filter that Graph serves only as advanced queries. */
export function advancedOperators(node: FilterNode): string[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      return [...advancedOperators(node.left), ...advancedOperators(node.right)];
    case 'not':
      return ['not', ...advancedOperators(node.operand)];
    case 'compare':
      return node.op === 'ne' ? ['ne'] : [];
    case 'function':
      return node.name === 'endswith' ? ['endsWith'] : [];
    case 'any':
      return node.body ? advancedOperators(node.body) : [];
    case 'in':
      return [];
  }
}

/** Top-level property names the filter uses (lambda variables resolved to their collection). */
export function filterProperties(node: FilterNode, variables: ReadonlySet<string> = new Set()): string[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      return [...filterProperties(node.left, variables), ...filterProperties(node.right, variables)];
    case 'not':
      return filterProperties(node.operand, variables);
    case 'compare':
    case 'in':
    case 'function':
      return variables.has(node.path[0]!) ? [] : [node.path[0]!];
    case 'any':
      return [node.collection, ...(node.body ? filterProperties(node.body, new Set([...variables, node.variable])) : [])];
  }
}

function normalise(value: unknown): unknown {
  return typeof value === 'string' ? value.toLowerCase() : value;
}

function compare(op: string, actual: unknown, expected: Literal): boolean {
  if (expected === null) return op === 'eq' ? actual === null || actual === undefined : op === 'ne' ? actual !== null && actual !== undefined : false;
  const a = normalise(actual);
  const b = normalise(expected);
  switch (op) {
    case 'eq':
      return a === b;
    case 'ne':
      return a !== b;
    case 'gt':
      return a !== null && a !== undefined && (a as number) > (b as number);
    case 'ge':
      return a !== null && a !== undefined && (a as number) >= (b as number);
    case 'lt':
      return a !== null && a !== undefined && (a as number) < (b as number);
    case 'le':
      return a !== null && a !== undefined && (a as number) <= (b as number);
    default:
      return false;
  }
}

/** Property names in filters ignore case, as in Graph. */
function property(value: unknown, name: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (name in record) return record[name];
  const key = Object.keys(record).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : record[key];
}

function resolve(path: string[], entity: Record<string, unknown>, scope: ReadonlyMap<string, unknown>): unknown {
  let value: unknown = scope.has(path[0]!) ? scope.get(path[0]!) : property(entity, path[0]!);
  for (const part of path.slice(1)) value = property(value, part);
  return value;
}

export function matches(node: FilterNode, entity: Record<string, unknown>, scope: ReadonlyMap<string, unknown> = new Map()): boolean {
  switch (node.kind) {
    case 'and':
      return matches(node.left, entity, scope) && matches(node.right, entity, scope);
    case 'or':
      return matches(node.left, entity, scope) || matches(node.right, entity, scope);
    case 'not':
      return !matches(node.operand, entity, scope);
    case 'compare':
      return compare(node.op, resolve(node.path, entity, scope), node.value);
    case 'in': {
      const actual = normalise(resolve(node.path, entity, scope));
      return node.values.some((v) => normalise(v) === actual);
    }
    case 'function': {
      const actual = resolve(node.path, entity, scope);
      if (typeof actual !== 'string') return false;
      const a = actual.toLowerCase();
      const b = node.value.toLowerCase();
      return node.name === 'startswith' ? a.startsWith(b) : a.endsWith(b);
    }
    case 'any': {
      const collection = property(entity, node.collection);
      if (!Array.isArray(collection)) return false;
      if (!node.body) return collection.length > 0;
      return collection.some((item) => matches(node.body!, entity, new Map([...scope, [node.variable, item]])));
    }
  }
}

/**
 * The request's $filter, parsed and checked against what the entity can be filtered by, or null
 * when there is none; Graph's 400s for bad syntax and unknown properties.
 */
export function requestFilter(query: URLSearchParams, filterable: ReadonlySet<string>, entity: string): FilterNode | null {
  const text = query.get('$filter');
  if (text === null) return null;
  let filter: FilterNode;
  try {
    filter = parseFilter(text);
  } catch (error) {
    if (error instanceof FilterSyntaxError) throw odataBadRequest(`Invalid filter clause: ${error.message}`);
    throw error;
  }
  for (const property of filterProperties(filter)) if (!filterable.has(property.toLowerCase())) throw invalidProperty(property, entity);
  return filter;
}
