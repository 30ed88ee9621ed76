// Finding the text of secret elements (Password) in raw XML, so no message can carry it.
import { ELEMENT_ROWS } from './schema.ts';
import { decodeReferences } from './values.ts';

const SECRET_NAMES = ELEMENT_ROWS.filter((row) => row.secret).map((row) => row.name);

/** Raw spans of secret elements: messages from the XML library are checked against them. */
export interface SecretSpan {
  start: number;
  end: number;
  values: string[];
}

export function secretSpans(text: string): SecretSpan[] {
  const spans: SecretSpan[] = [];
  for (const name of SECRET_NAMES) {
    const open = new RegExp(`<${name}(?:\\s[^>]*)?>`, 'g');
    for (let match = open.exec(text); match; match = open.exec(text)) {
      const close = text.indexOf(`</${name}`, open.lastIndex);
      const end = close < 0 ? text.length : close;
      const raw = text.slice(open.lastIndex, end);
      const decoded = decodeReferences(raw);
      spans.push({ start: match.index, end, values: decoded.ok ? [raw, decoded.text] : [raw] });
    }
  }
  return spans;
}

export function redact(message: string, secrets: readonly string[]): string {
  let result = message;
  // Very short secrets would blank out ordinary words; they cannot be recognised in a message anyway.
  for (const secret of secrets) if (secret.trim().length >= 3) result = result.split(secret).join('(hidden)');
  return result;
}
