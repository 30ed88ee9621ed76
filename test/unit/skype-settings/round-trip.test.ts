import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONSOLE_ERAS } from '../../../shared/console-era.ts';
import { parseSkypeSettingsXml, writeSkypeSettingsXml, type SkypeSettings } from '../../../shared/skype-settings.ts';
import { validSettings } from './arbitraries.ts';

const passwordWarning = (settings: SkypeSettings) =>
  settings['userAccount.password'] === undefined ? [] : [expect.objectContaining({ code: 'plain-text-password', path: 'SkypeSettings/UserAccount/Password' })];

describe.each(CONSOLE_ERAS)('round trip for %s', (era) => {
  it('model -> XML -> model gives the same model, with no problems but the password warning', () => {
    fc.assert(
      fc.property(validSettings(era), (settings) => {
        const xml = writeSkypeSettingsXml(settings, era);
        const result = parseSkypeSettingsXml(xml, { era });
        expect(result.settings).toEqual(settings);
        expect(result.problems).toEqual(passwordWarning(settings));
        expect(result.era).toBe(era);
      }),
      { numRuns: 150 },
    );
  });

  it('writing what was parsed gives the same text', () => {
    fc.assert(
      fc.property(validSettings(era), (settings) => {
        const xml = writeSkypeSettingsXml(settings, era);
        expect(writeSkypeSettingsXml(parseSkypeSettingsXml(xml, { era }).settings, era)).toBe(xml);
      }),
      { numRuns: 50 },
    );
  });

  it('reads the same model when the era has to be inferred', () => {
    fc.assert(
      fc.property(validSettings(era), (settings) => {
        const result = parseSkypeSettingsXml(writeSkypeSettingsXml(settings, era));
        expect(result.eraInferred).toBe(true);
        expect(result.settings).toEqual(settings);
        expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });
});
