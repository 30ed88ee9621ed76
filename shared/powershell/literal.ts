// PowerShell literals, injection-safe by construction. Every value RoomReady puts into a script goes
// through here: a verbatim (single-quoted) string in which every single-quote character is doubled.
// PowerShell treats U+2018, U+2019, U+201A and U+201B as single quotes too, so they are doubled as
// well; inside a verbatim string nothing else ($, `, ", #, ;, newlines) has any meaning.

const SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B]/g;

/** A verbatim string literal whose value is exactly `value`. */
export function psString(value: string): string {
  return `'${value.replace(SINGLE_QUOTES, (quote) => quote + quote)}'`;
}

export function psBool(value: boolean): string {
  return value ? '$true' : '$false';
}

export function psInt(value: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${value} is not an integer`);
  return String(value);
}

/** @('a', 'b') */
export function psArray(values: readonly string[]): string {
  return `@(${values.map(psString).join(', ')})`;
}

export type PsValue = string | number | boolean | null | readonly PsValue[] | { readonly [key: string]: PsValue };

const BAREWORD_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Any JSON-like value as a PowerShell expression: strings verbatim, objects as ordered hashtables. */
export function psValue(value: PsValue): string {
  if (value === null) return '$null';
  if (typeof value === 'string') return psString(value);
  if (typeof value === 'number') return psInt(value);
  if (typeof value === 'boolean') return psBool(value);
  if (Array.isArray(value)) return `@(${value.map((item) => psValue(item)).join(', ')})`;
  const entries = Object.entries(value as { readonly [key: string]: PsValue }).map(
    ([key, item]) => `${BAREWORD_KEY.test(key) ? key : psString(key)} = ${psValue(item)}`,
  );
  return `[ordered]@{ ${entries.join('; ')} }`;
}
