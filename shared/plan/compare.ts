// How an observed property is compared with what the plan wants: the same rules the generated
// PowerShell applies (powershell/library.ts Test-RoomReadyMatch), for the live engine and the checks.
import type { Match, PropertyRule, Scalar } from './types.ts';

/** "DisableStrongPassword, DisablePasswordExpiration" -> the two entries. */
export function splitTokens(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  return String(value)
    .split(',')
    .map((token) => token.trim())
    .filter((token) => token !== '');
}

/**
 * equals: text case-insensitively (Exchange and Entra compare names that way), numbers and booleans
 * by their text, so True and 12 read back as strings still match. token: the comma-separated list
 * contains the value (a plain "contains" on the raw string is the known auditor bug).
 */
export function matches(actual: unknown, expected: Scalar, match: Match = 'equals'): boolean {
  if (match === 'token') return splitTokens(actual).some((token) => token.toLowerCase() === String(expected).toLowerCase());
  if (actual === null || actual === undefined) return false;
  return String(actual).toLowerCase() === String(expected).toLowerCase();
}

/** Adds one entry to a comma-separated list and keeps the others. */
export function mergeToken(current: unknown, token: string): string {
  const tokens = splitTokens(current);
  if (!tokens.some((existing) => existing.toLowerCase() === token.toLowerCase())) tokens.push(token);
  return tokens.join(', ');
}

export interface RuleOutcome {
  rule: PropertyRule;
  actual: unknown;
  ok: boolean;
}

/** Each rule of a step against an observed object (a plain property bag). */
export function evaluateRules(observed: Readonly<Record<string, unknown>>, rules: readonly PropertyRule[]): RuleOutcome[] {
  return rules.map((rule) => {
    const actual = observed[rule.property];
    return { rule, actual, ok: matches(actual, rule.expected, rule.match) };
  });
}
