// The documented samples of each revision (reproduced in test/fixtures/skype-settings/) parse, with
// only the warnings their quirks deserve, and the table's order agrees with every sample's.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ConsoleEra } from '../../../shared/console-era.ts';
import {
  childElements,
  meetingModeFromSettings,
  orderRank,
  parseSkypeSettingsXml,
  revisionOfEra,
  writeSkypeSettingsXml,
  xmlName,
  type Revision,
  type SkypeSettingsProblem,
} from '../../../shared/skype-settings.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/skype-settings/${name}`, import.meta.url), 'utf8');

interface Sample {
  file: string;
  era: ConsoleEra;
  expected: Pick<SkypeSettingsProblem, 'code' | 'path' | 'severity'>[];
}

const PASSWORD = { severity: 'warning', code: 'plain-text-password', path: 'SkypeSettings/UserAccount/Password' } as const;

const SAMPLES: Sample[] = [
  {
    file: 'r1-070fc70d.xml',
    era: 'srs-v2',
    expected: [PASSWORD, { severity: 'warning', code: 'duplicate', path: 'SkypeSettings/TeamsMeetingsEnabled' }],
  },
  { file: 'r1-4266c1fb.xml', era: 'srs-v2', expected: [PASSWORD] },
  { file: 'r2-0098e46b.xml', era: 'teams-4.9', expected: [PASSWORD] },
  { file: 'r2-00992783.xml', era: 'teams-4.9', expected: [PASSWORD] },
  { file: 'r3-2024-08-22.xml', era: 'teams-4.17', expected: [PASSWORD] },
];

/** Rank of the element at `names` (below the root) in the table's documented order for `revision`. */
function tableRank(names: string[], revision: Revision): number | undefined {
  let parent: string | undefined;
  let rank: number | undefined;
  for (const name of names) {
    const row = childElements(parent, revision).find((candidate) => xmlName(candidate, revision) === name);
    if (!row) return undefined;
    rank = orderRank(row, revision);
    parent = row.key;
  }
  return rank;
}

const summarise = (problems: SkypeSettingsProblem[]) => problems.map(({ severity, code, path }) => ({ severity, code, path }));

/** Element paths in file order, straight from the text (not through the parser under test). */
function elementPaths(xml: string): string[] {
  const paths: string[] = [];
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w.-]*)[^>]*?(\/?)>/g;
  const withoutComments = xml.replace(/<!--[\s\S]*?-->/g, '');
  for (let match = tag.exec(withoutComments); match; match = tag.exec(withoutComments)) {
    const [, closing, name, selfClosing] = match;
    if (closing) stack.pop();
    else {
      stack.push(name!);
      paths.push(stack.join('/'));
      if (selfClosing) stack.pop();
    }
  }
  return paths;
}

describe.each(SAMPLES)('documented sample $file', ({ file, era, expected }) => {
  const xml = fixture(file);

  it(`parses with only the expected problems, and infers ${era}`, () => {
    const result = parseSkypeSettingsXml(xml);
    expect(result.era).toBe(era);
    expect(result.eraInferred).toBe(true);
    expect(summarise(result.problems)).toEqual(expect.arrayContaining(expected));
    expect(result.problems).toHaveLength(expected.length);
  });

  it('never quotes the password in a problem', () => {
    const result = parseSkypeSettingsXml(xml, { era });
    const password = result.settings['userAccount.password'];
    expect(password).toMatch(/^not-a-real-secret-\d$/);
    expect(JSON.stringify(result.problems)).not.toContain(password);
  });

  it('agrees with the element table: every element documented, in the documented order', () => {
    const revision = revisionOfEra(era);
    const highest = new Map<string, number>();
    for (const path of elementPaths(xml).slice(1)) {
      const names = path.split('/').slice(1);
      const parentPath = path.slice(0, path.lastIndexOf('/'));
      const rank = tableRank(names, revision);
      expect(rank, path).toBeDefined();
      expect(rank!, path).toBeGreaterThanOrEqual(highest.get(parentPath) ?? -1);
      highest.set(parentPath, Math.max(highest.get(parentPath) ?? -1, rank!));
    }
  });

  it('is written back, for its era, in the same element order', () => {
    const { settings } = parseSkypeSettingsXml(xml, { era });
    const written = writeSkypeSettingsXml(settings, era);
    const unique = (paths: string[]) => paths.filter((path, index) => paths.indexOf(path) === index);
    const original = unique(elementPaths(xml));
    // R1's samples leave the order of the four meeting elements open; the writer uses the later revisions' order.
    if (era === 'srs-v2') expect(new Set(elementPaths(written))).toEqual(new Set(original));
    else expect(elementPaths(written)).toEqual(original);
    expect(parseSkypeSettingsXml(written, { era }).settings).toEqual(settings);
  });
});

describe('what the samples say', () => {
  it('R1: SkypeMeetingsEnabled false with Teams meetings on is Teams only; the second TeamsMeetingsEnabled wins', () => {
    const { settings } = parseSkypeSettingsXml(fixture('r1-070fc70d.xml'));
    expect(settings).toMatchObject({
      sfbMeetingsEnabled: false,
      teamsMeetingsEnabled: true,
      isTeamsDefaultClient: false,
      'userAccount.autoRotatePassword': true,
      'userAccount.domainUsername': 'FABRIKAM\\boardroom',
      'theming.customThemeImageUrl': 'folder path',
      'theming.customThemeColor.blueComponent': 215,
    });
    expect(meetingModeFromSettings(settings, 'srs-v2')).toBe('teams-only');
  });

  it('R2 spells WebexMeetingsEnabled and R3 WebExMeetingsEnabled: both are the same setting', () => {
    expect(parseSkypeSettingsXml(fixture('r2-0098e46b.xml')).settings.webexMeetingsEnabled).toBe(true);
    expect(parseSkypeSettingsXml(fixture('r3-2024-08-22.xml')).settings.webexMeetingsEnabled).toBe(true);
    expect(writeSkypeSettingsXml({ webexMeetingsEnabled: true }, 'teams-4.9')).toContain('<WebexMeetingsEnabled>true</WebexMeetingsEnabled>');
    expect(writeSkypeSettingsXml({ webexMeetingsEnabled: true }, 'teams-4.17')).toContain('<WebExMeetingsEnabled>true</WebExMeetingsEnabled>');
  });

  it('reads the booleans the samples write as 1, 0 and True', () => {
    const { settings } = parseSkypeSettingsXml(fixture('r2-0098e46b.xml'));
    expect(settings).toMatchObject({ autoScreenShare: true, hideMeetingName: true, dualScreenMode: false, 'sendLogs.sendLogsAndFeedback': true });
  });

  it('reads the content camera path with its escaped ampersands', () => {
    const { settings } = parseSkypeSettingsXml(fixture('r2-0098e46b.xml'));
    expect(settings['devices.contentCameraId']).toBe('USB\\VID_046D&PID_0893&MI_00\\7&2A1B3C4D&0&0000');
  });

  it('reads NoiseSuppressionDefault as a number, and true (commit 00992783 typed it Boolean) as 1', () => {
    expect(parseSkypeSettingsXml(fixture('r2-0098e46b.xml')).settings.noiseSuppressionDefault).toBe(1);
    expect(parseSkypeSettingsXml(fixture('r2-00992783.xml')).settings.noiseSuppressionDefault).toBe(1);
    // 4.17 documents it as 0 or 1 only: true is not a value there.
    const r3 = parseSkypeSettingsXml('<SkypeSettings><NoiseSuppressionDefault>true</NoiseSuppressionDefault></SkypeSettings>', { era: 'teams-4.17' });
    expect(summarise(r3.problems)).toEqual([{ severity: 'error', code: 'wrong-type', path: 'SkypeSettings/NoiseSuppressionDefault' }]);
  });

  it('reads the coordinated-meeting attributes', () => {
    const { settings } = parseSkypeSettingsXml(fixture('r3-2024-08-22.xml'));
    expect(settings).toMatchObject({
      'coordinatedMeetings.enabled': true,
      'coordinatedMeetings.settings.video.default': true,
      'coordinatedMeetings.settings.video.enabled': false,
      'coordinatedMeetings.settings.whiteboard.default': false,
    });
  });

  it('warns about every later element when an R3 sample is checked as a 4.9 file', () => {
    const result = parseSkypeSettingsXml(fixture('r3-2024-08-22.xml'), { era: 'teams-4.9' });
    const codes = summarise(result.problems);
    expect(codes).toContainEqual({ severity: 'warning', code: 'other-era-spelling', path: 'SkypeSettings/WebExMeetingsEnabled' });
    expect(codes).toContainEqual({ severity: 'warning', code: 'not-in-era', path: 'SkypeSettings/BlueJeansMeetingsEnabled' });
    expect(codes).toContainEqual({ severity: 'warning', code: 'not-in-era', path: 'SkypeSettings/Theming/CustomBackgroundMainFoRDisplay' });
    // 4.9 needs a colour for a Custom theme; this file has none.
    expect(codes).toContainEqual({ severity: 'error', code: 'constraint', path: 'SkypeSettings/Theming/CustomThemeColor' });
  });
});
