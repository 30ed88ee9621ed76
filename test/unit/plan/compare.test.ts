import { describe, expect, it } from 'vitest';
import { evaluateRules, matches, mergeToken, splitTokens } from '../../../shared/plan/compare.ts';

describe('plan comparisons (same rules as the generated PowerShell)', () => {
  it('equals is case-insensitive for text and compares numbers and booleans by their text', () => {
    expect(matches('autoaccept', 'AutoAccept')).toBe(true);
    expect(matches('True', true)).toBe(true);
    expect(matches(false, false)).toBe(true);
    expect(matches('12', 12)).toBe(true);
    expect(matches(undefined, false)).toBe(false);
    expect(matches(null, 'x')).toBe(false);
    expect(matches('AutoUpdate', 'AutoAccept')).toBe(false);
  });

  it('token finds an entry in a comma-separated list, unlike a raw "contains" on the string', () => {
    const both = 'DisableStrongPassword, DisablePasswordExpiration';
    expect(matches(both, 'DisablePasswordExpiration', 'token')).toBe(true);
    expect(matches('DisableStrongPassword', 'DisablePasswordExpiration', 'token')).toBe(false);
    expect(matches(null, 'DisablePasswordExpiration', 'token')).toBe(false);
    expect(splitTokens(' a ,, b ')).toEqual(['a', 'b']);
  });

  it('mergeToken adds the entry once and keeps the others', () => {
    expect(mergeToken('DisableStrongPassword', 'DisablePasswordExpiration')).toBe('DisableStrongPassword, DisablePasswordExpiration');
    expect(mergeToken('disablepasswordexpiration', 'DisablePasswordExpiration')).toBe('disablepasswordexpiration');
    expect(mergeToken(null, 'DisablePasswordExpiration')).toBe('DisablePasswordExpiration');
  });

  it('evaluateRules reports each rule with what was observed', () => {
    const outcomes = evaluateRules({ DeleteComments: true, AutomateProcessing: 'AutoAccept' }, [
      { property: 'DeleteComments', expected: false },
      { property: 'AutomateProcessing', expected: 'AutoAccept' },
    ]);
    expect(outcomes.map((o) => [o.rule.property, o.actual, o.ok])).toEqual([
      ['DeleteComments', true, false],
      ['AutomateProcessing', 'AutoAccept', true],
    ]);
  });
});
