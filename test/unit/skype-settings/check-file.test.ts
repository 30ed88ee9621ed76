import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSkypeSettingsFile, formatSkypeSettingsProblem } from '../../../shared/skype-settings.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/skype-settings/${name}`, import.meta.url), 'utf8');

describe('checkSkypeSettingsFile (roomready check-settings)', () => {
  it('a documented sample: ok with its warnings, era inferred, meeting mode named', () => {
    const check = checkSkypeSettingsFile(fixture('r3-2024-08-22.xml'));
    expect(check).toMatchObject({ ok: true, errorCount: 0, warningCount: 1, era: 'teams-4.17', eraInferred: true });
    expect(check.summary).toBe(
      'SkypeSettings.xml: valid, 0 errors, 1 warning; checked for Microsoft Teams Rooms 4.17 and later (inferred from its elements); meeting mode: Microsoft Teams Only',
    );
    expect(check.report.split('\n')).toEqual([check.summary, expect.stringMatching(/^warning SkypeSettings\/UserAccount\/Password \(line 14, column 5\): /)]);
  });

  it('a broken file: not ok, each problem with its element path', () => {
    const text = '<SkypeSettings>\n  <UserAccount><SkypeSignInAddress>r@contoso.com</SkypeSignInAddress></UserAccount>\n  <AutoScreenShare>yes</AutoScreenShare>\n</SkypeSettings>';
    const check = checkSkypeSettingsFile(text, { era: 'teams-4.9', name: 'room-12.xml' });
    expect(check.ok).toBe(false);
    expect(check.errorCount).toBe(2);
    expect(check.summary).toBe('room-12.xml: invalid, 2 errors, 0 warnings; checked for Microsoft Teams Rooms 4.9 to 4.16');
    expect(check.report).toContain('error   SkypeSettings/AutoScreenShare (line 3, column 3): is out of the documented order');
    expect(check.report).toContain('error   SkypeSettings/AutoScreenShare (line 3, column 3): holds "yes"');
  });

  it('not XML at all', () => {
    const check = checkSkypeSettingsFile('this is not xml');
    expect(check).toMatchObject({ ok: false, errorCount: 1, warningCount: 0, eraInferred: false });
    expect(check.era).toBeUndefined();
    expect(check.summary).toBe('SkypeSettings.xml: invalid, 1 error, 0 warnings');
  });

  it('formats a problem without a position', () => {
    expect(formatSkypeSettingsProblem({ severity: 'warning', code: 'doctype', path: 'SkypeSettings', message: 'm' })).toBe('warning SkypeSettings: m');
  });
});
