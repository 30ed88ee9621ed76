// t(): every user-visible string comes from the catalogue; {name} placeholders are filled from params.
import { en, type StringKey } from './en.ts';

export type { StringKey };

const PLACEHOLDER = /\{(\w+)\}/g;

export function t(key: StringKey, params?: Readonly<Record<string, string | number>>): string {
  const template: string = en[key];
  if (!params) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
