// What the writer throws and the parser reports. Every problem names an element path; none ever
// quotes a secret (the Password element's value).
import type { ConsoleEra } from '../console-era.ts';
import type { ElementRow } from './elements.ts';

export type ProblemSeverity = 'error' | 'warning';

export type ProblemCode =
  | 'not-well-formed'
  | 'wrong-root'
  | 'text-outside-elements'
  | 'doctype'
  | 'out-of-order'
  | 'unknown-element'
  | 'unknown-attribute'
  | 'unknown-setting'
  | 'wrong-type'
  | 'empty-value'
  | 'out-of-range'
  | 'unknown-value'
  | 'invalid-characters'
  | 'duplicate'
  | 'not-in-era'
  | 'other-era-spelling'
  | 'meetings-disabled'
  | 'constraint'
  | 'not-applied'
  | 'plain-text-password';

export interface SkypeSettingsProblem {
  severity: ProblemSeverity;
  code: ProblemCode;
  /** Element path from the root, e.g. SkypeSettings/UserAccount/ModernAuthEnabled (attributes end in /@name). */
  path: string;
  message: string;
  /** 1-based position in the parsed text, where known. */
  line?: number;
  column?: number;
}

export class SkypeSettingsError extends Error {
  override name = 'SkypeSettingsError';
  constructor(
    message: string,
    readonly problems: readonly SkypeSettingsProblem[],
  ) {
    super(message);
  }
}

/** A setting the chosen era's reference does not document. */
export class SkypeSettingsEraError extends SkypeSettingsError {
  override name = 'SkypeSettingsEraError';
  constructor(
    message: string,
    readonly path: string,
    readonly era: ConsoleEra,
    problems: readonly SkypeSettingsProblem[],
  ) {
    super(message, problems);
  }
}

const MAX_QUOTED = 60;

/** A value for a message: quoted and shortened, or hidden when the element is secret. */
export function quoteValue(row: ElementRow | undefined, value: string): string {
  if (row?.secret) return 'the value (not shown)';
  const shown = value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED)}…` : value;
  return `"${shown}"`;
}

export function countBySeverity(problems: readonly SkypeSettingsProblem[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const problem of problems) if (problem.severity === 'error') errors++;
  return { errors, warnings: problems.length - errors };
}
