import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConsoleEra } from '../../../shared/console-era.ts';
import { parseSkypeSettingsXml, writeSkypeSettingsXml, type SkypeSettingsProblem } from '../../../shared/skype-settings.ts';

const wrap = (body: string) => `<SkypeSettings>\n${body}\n</SkypeSettings>`;
const brief = (problems: SkypeSettingsProblem[]) => problems.map(({ severity, code, path }) => ({ severity, code, path }));
const parse = (xml: string, era?: ConsoleEra) => parseSkypeSettingsXml(xml, era ? { era } : {});

describe('parseSkypeSettingsXml: values', () => {
  it.each([
    ['true', true],
    ['false', false],
    ['1', true],
    ['0', false],
    ['True', true],
    ['False', false],
    ['  true\n', true],
  ])('reads the boolean %j', (text, value) => {
    const result = parse(wrap(`<HideMeetingName>${text}</HideMeetingName>`), 'teams-4.17');
    expect(result.settings).toEqual({ hideMeetingName: value });
    expect(result.problems).toEqual([]);
  });

  it('decodes predefined entities and character references in one pass', () => {
    const result = parse(wrap('<Devices><DefaultSpeaker>&#x41;&#66;&amp;#67;&lt;&gt;&quot;&apos;</DefaultSpeaker></Devices>'));
    expect(result.settings['devices.defaultSpeaker']).toBe(`AB&#67;<>"'`);
    expect(result.problems).toEqual([]);
  });

  it('reads CDATA as it stands', () => {
    const result = parse(wrap('<Devices><DefaultSpeaker><![CDATA[a&b <c>]]></DefaultSpeaker></Devices>'));
    expect(result.settings['devices.defaultSpeaker']).toBe('a&b <c>');
  });

  it('ignores comments', () => {
    const result = parse(wrap('<!-- a --><AutoScreenShare><!-- b -->true</AutoScreenShare>'));
    expect(result.settings).toEqual({ autoScreenShare: true });
    expect(result.problems).toEqual([]);
  });
});

describe('parseSkypeSettingsXml: problems, by element path', () => {
  it('not well-formed XML, with line and column', () => {
    const result = parse('<SkypeSettings>\n  <AutoScreenShare>true</AutoScreenShare>\n  <HideMeetingName>true</SkypeSettings>');
    expect(brief(result.problems)).toEqual([{ severity: 'error', code: 'not-well-formed', path: 'SkypeSettings' }]);
    expect(result.problems[0]).toMatchObject({ line: 3 });
    expect(result.problems[0]!.column).toBeGreaterThan(0);
    expect(result.problems[0]!.message).toMatch(/line 3/);
    expect(result.settings).toEqual({});
  });

  it('a wrong root, and a root of the wrong case', () => {
    expect(brief(parse('<Settings><AutoScreenShare>1</AutoScreenShare></Settings>').problems)).toEqual([{ severity: 'error', code: 'wrong-root', path: 'Settings' }]);
    const lower = parse('<skypeSettings/>');
    expect(brief(lower.problems)).toEqual([{ severity: 'error', code: 'wrong-root', path: 'skypeSettings' }]);
    expect(lower.problems[0]!.message).toMatch(/case-sensitive/);
  });

  it('elements out of documented order, and says the console stops there', () => {
    const result = parse(wrap('<UserAccount><SkypeSignInAddress>r@contoso.com</SkypeSignInAddress></UserAccount>\n<AutoScreenShare>true</AutoScreenShare>'), 'teams-4.17');
    expect(brief(result.problems)).toEqual([{ severity: 'error', code: 'out-of-order', path: 'SkypeSettings/AutoScreenShare' }]);
    expect(result.problems[0]!.message).toMatch(/stops applying settings/);
    expect(result.problems[0]!.message).toContain('UserAccount');
    expect(result.problems[0]!.line).toBe(3);
  });

  it('out of order inside a container', () => {
    const result = parse(wrap('<UserAccount><Password>x-secret-value</Password><SkypeSignInAddress>r@contoso.com</SkypeSignInAddress></UserAccount>'), 'teams-4.17');
    expect(brief(result.problems)).toContainEqual({ severity: 'error', code: 'out-of-order', path: 'SkypeSettings/UserAccount/SkypeSignInAddress' });
  });

  it('an R1 file may order its four meeting elements either way its documents do', () => {
    const result = parse(wrap('<BluetoothAdvertisementEnabled>true</BluetoothAdvertisementEnabled><TeamsMeetingsEnabled>true</TeamsMeetingsEnabled><IsTeamsDefaultClient>false</IsTeamsDefaultClient>'), 'srs-v2');
    expect(result.problems).toEqual([]);
    const later = parse(wrap('<BluetoothAdvertisementEnabled>true</BluetoothAdvertisementEnabled><TeamsMeetingsEnabled>true</TeamsMeetingsEnabled>'), 'teams-4.9');
    expect(brief(later.problems)).toEqual([{ severity: 'error', code: 'out-of-order', path: 'SkypeSettings/TeamsMeetingsEnabled' }]);
  });

  it('unknown elements, with hints for case and place', () => {
    const result = parse(wrap('<Foo>1</Foo><autoScreenShare>true</autoScreenShare><Password>zz</Password>'), 'teams-4.17');
    expect(brief(result.problems)).toEqual([
      { severity: 'warning', code: 'unknown-element', path: 'SkypeSettings/Foo' },
      { severity: 'warning', code: 'unknown-element', path: 'SkypeSettings/autoScreenShare' },
      { severity: 'warning', code: 'unknown-element', path: 'SkypeSettings/Password' },
    ]);
    expect(result.problems[0]!.message).toMatch(/ignores it/);
    expect(result.problems[1]!.message).toMatch(/case-sensitive.*SkypeSettings\/AutoScreenShare/);
    expect(result.problems[2]!.message).toContain('SkypeSettings/UserAccount/Password');
    expect(result.settings).toEqual({});
  });

  it('unknown attributes', () => {
    const result = parse(wrap('<AutoScreenShare when="now">true</AutoScreenShare><CoordinatedMeetings enabled="true" mode="x"/>'), 'teams-4.17');
    expect(brief(result.problems)).toEqual([
      { severity: 'warning', code: 'unknown-attribute', path: 'SkypeSettings/AutoScreenShare/@when' },
      { severity: 'warning', code: 'unknown-attribute', path: 'SkypeSettings/CoordinatedMeetings/@mode' },
    ]);
    expect(result.settings).toEqual({ autoScreenShare: true, 'coordinatedMeetings.enabled': true });
  });

  it.each([
    ['<AutoScreenShare>yes</AutoScreenShare>', 'SkypeSettings/AutoScreenShare', 'wrong-type'],
    ['<AutoScreenShare></AutoScreenShare>', 'SkypeSettings/AutoScreenShare', 'empty-value'],
    ['<AutoScreenShare/>', 'SkypeSettings/AutoScreenShare', 'empty-value'],
    ['<AudioRenderDefaultDeviceVolume>loud</AudioRenderDefaultDeviceVolume>', 'SkypeSettings/AudioRenderDefaultDeviceVolume', 'wrong-type'],
    ['<AudioRenderDefaultDeviceVolume>50.5</AudioRenderDefaultDeviceVolume>', 'SkypeSettings/AudioRenderDefaultDeviceVolume', 'wrong-type'],
    ['<AudioRenderDefaultDeviceVolume> </AudioRenderDefaultDeviceVolume>', 'SkypeSettings/AudioRenderDefaultDeviceVolume', 'empty-value'],
    ['<UserAccount>text</UserAccount>', 'SkypeSettings/UserAccount', 'text-outside-elements'],
    ['<HideMeetingName><True/></HideMeetingName>', 'SkypeSettings/HideMeetingName', 'wrong-type'],
    ['<CoordinatedMeetings enabled="yes"/>', 'SkypeSettings/CoordinatedMeetings/@enabled', 'wrong-type'],
    ['<CoordinatedMeetings><Settings><Audio default=""/></Settings></CoordinatedMeetings>', 'SkypeSettings/CoordinatedMeetings/Settings/Audio/@default', 'empty-value'],
  ])('a wrong value type: %s', (body, path, code) => {
    const result = parse(wrap(body), 'teams-4.17');
    expect(brief(result.problems)).toEqual([{ severity: 'error', code, path }]);
  });

  it('quotes the wrong value (but never a password)', () => {
    expect(parse(wrap('<AutoScreenShare>yes</AutoScreenShare>')).problems[0]!.message).toContain('"yes"');
  });

  it.each([
    ['<AudioRenderCommunicationDeviceVolume>150</AudioRenderCommunicationDeviceVolume>', 'SkypeSettings/AudioRenderCommunicationDeviceVolume', 'teams-4.17'],
    ['<Theming><CustomThemeColor><RedComponent>300</RedComponent><GreenComponent>0</GreenComponent><BlueComponent>0</BlueComponent></CustomThemeColor></Theming>', 'SkypeSettings/Theming/CustomThemeColor/RedComponent', 'srs-v2'],
    ['<NoiseSuppressionDefault>3</NoiseSuppressionDefault>', 'SkypeSettings/NoiseSuppressionDefault', 'teams-4.17'],
    ['<FrontRowVideoSize>huge</FrontRowVideoSize>', 'SkypeSettings/FrontRowVideoSize', 'teams-4.17'],
    ['<EnableResolutionAndScalingSetting>true</EnableResolutionAndScalingSetting><MainFoRDisplay><MainFoRDisplayResolution>1920x1080</MainFoRDisplayResolution><MainFoRDisplayScaling>100</MainFoRDisplayScaling></MainFoRDisplay>', 'SkypeSettings/MainFoRDisplay/MainFoRDisplayResolution', 'teams-4.17'],
    ['<EnableResolutionAndScalingSetting>true</EnableResolutionAndScalingSetting><MainFoRDisplay><MainFoRDisplayResolution>1920,1080</MainFoRDisplayResolution><MainFoRDisplayScaling>275</MainFoRDisplayScaling></MainFoRDisplay>', 'SkypeSettings/MainFoRDisplay/MainFoRDisplayScaling', 'teams-4.9'],
  ] as const)('a value out of range: %s', (body, path, era) => {
    expect(brief(parse(wrap(body), era).problems)).toEqual([{ severity: 'error', code: 'out-of-range', path }]);
  });

  it('a theme name no reference lists is a warning', () => {
    expect(brief(parse(wrap('<Theming><ThemeName>Autumn</ThemeName></Theming>'), 'teams-4.17').problems)).toEqual([
      { severity: 'warning', code: 'unknown-value', path: 'SkypeSettings/Theming/ThemeName' },
    ]);
  });

  it('duplicates: a warning naming the first line; the last value is read', () => {
    const result = parse(wrap('<HideMeetingName>true</HideMeetingName>\n<HideMeetingName>false</HideMeetingName>'), 'teams-4.17');
    expect(brief(result.problems)).toEqual([{ severity: 'warning', code: 'duplicate', path: 'SkypeSettings/HideMeetingName' }]);
    expect(result.problems[0]!.message).toContain('first on line 2');
    expect(result.settings.hideMeetingName).toBe(false);
  });

  it('elements the given era does not document', () => {
    const result = parse(wrap('<UserAccount><SkypeSignInAddress>r@contoso.com</SkypeSignInAddress><ModernAuthEnabled>true</ModernAuthEnabled></UserAccount>'), 'teams-4.17');
    expect(brief(result.problems)).toEqual([{ severity: 'warning', code: 'not-in-era', path: 'SkypeSettings/UserAccount/ModernAuthEnabled' }]);
    expect(result.problems[0]!.message).toContain('Microsoft Teams Rooms 4.9 to 4.16');
    // The value is still read, so the UI can show it and offer to drop it.
    expect(result.settings['userAccount.modernAuthEnabled']).toBe(true);
  });

  it('a container the era does not document is reported once, not for each child', () => {
    const result = parse(wrap('<CoordinatedMeetings enabled="true"><TrustedAccounts>a@b.c</TrustedAccounts></CoordinatedMeetings>'), 'srs-v2');
    expect(brief(result.problems)).toEqual([{ severity: 'warning', code: 'not-in-era', path: 'SkypeSettings/CoordinatedMeetings' }]);
  });

  it("another era's spelling", () => {
    expect(brief(parse(wrap('<WebexMeetingsEnabled>true</WebexMeetingsEnabled>'), 'teams-4.17').problems)).toEqual([
      { severity: 'warning', code: 'other-era-spelling', path: 'SkypeSettings/WebexMeetingsEnabled' },
    ]);
    expect(brief(parse(wrap('<SkypeMeetingsEnabled>true</SkypeMeetingsEnabled>'), 'teams-4.9').problems)).toEqual([
      { severity: 'warning', code: 'other-era-spelling', path: 'SkypeSettings/SkypeMeetingsEnabled' },
    ]);
  });

  it('both meeting types disabled', () => {
    const r2 = parse(wrap('<TeamsMeetingsEnabled>false</TeamsMeetingsEnabled><SfbMeetingEnabled>0</SfbMeetingEnabled>'), 'teams-4.9');
    expect(brief(r2.problems)).toEqual([{ severity: 'error', code: 'meetings-disabled', path: 'SkypeSettings/TeamsMeetingsEnabled' }]);
    const r1 = parse(wrap('<TeamsMeetingsEnabled>false</TeamsMeetingsEnabled><SkypeMeetingsEnabled>false</SkypeMeetingsEnabled>'), 'srs-v2');
    expect(brief(r1.problems)).toEqual([{ severity: 'error', code: 'meetings-disabled', path: 'SkypeSettings/TeamsMeetingsEnabled' }]);
    expect(r1.problems[0]!.message).toContain('SkypeMeetingsEnabled');
  });

  it('cross-element rules point at the missing element', () => {
    const result = parse(wrap('<UseCustomInfoForThirdPartyMeetings>true</UseCustomInfoForThirdPartyMeetings><CustomDisplayNameForThirdPartyMeetings>Guest</CustomDisplayNameForThirdPartyMeetings>\n<Theming><ThemeName>Custom</ThemeName></Theming>'), 'teams-4.17');
    expect(brief(result.problems)).toEqual([
      { severity: 'error', code: 'constraint', path: 'SkypeSettings/UseCustomInfoForThirdPartyMeetings' },
      { severity: 'error', code: 'constraint', path: 'SkypeSettings/Theming/CustomBackgroundMainFoRDisplay' },
    ]);
    expect(result.problems[1]!.line).toBe(3);
  });

  it('a password: a warning that does not quote it', () => {
    const result = parse(wrap('<UserAccount><SkypeSignInAddress>r@contoso.com</SkypeSignInAddress><Password>Correct-Horse-42</Password></UserAccount>'), 'teams-4.17');
    expect(brief(result.problems)).toEqual([{ severity: 'warning', code: 'plain-text-password', path: 'SkypeSettings/UserAccount/Password' }]);
    expect(result.problems[0]!.message).toMatch(/plain text/);
    expect(result.problems[0]!.message).toMatch(/deletes the file/);
    expect(JSON.stringify(result.problems)).not.toContain('Correct-Horse-42');
  });

  it('an undefined entity', () => {
    expect(brief(parse(wrap('<Theming><ThemeName>&nbsp;Sunset</ThemeName></Theming>')).problems)).toEqual([
      { severity: 'error', code: 'not-well-formed', path: 'SkypeSettings/Theming/ThemeName' },
    ]);
  });

  it('a character XML does not allow, with its position', () => {
    const result = parse(wrap('<Devices><DefaultSpeaker>a\u0001b</DefaultSpeaker></Devices>'));
    expect(brief(result.problems)).toEqual([{ severity: 'error', code: 'not-well-formed', path: 'SkypeSettings' }]);
    expect(result.problems[0]).toMatchObject({ line: 2, column: 27 });
    expect(result.problems[0]!.message).toContain('U+0001');
  });

  it('two root elements', () => {
    expect(brief(parse('<SkypeSettings/><SkypeSettings/>').problems)).toEqual([{ severity: 'error', code: 'not-well-formed', path: 'SkypeSettings' }]);
  });

  it('a DOCTYPE, whose entities are not expanded', () => {
    const result = parse('<!DOCTYPE SkypeSettings [<!ENTITY room "r@contoso.com">]>\n' + wrap('<UserAccount><SkypeSignInAddress>&room;</SkypeSignInAddress></UserAccount>'));
    expect(brief(result.problems)).toEqual([
      { severity: 'warning', code: 'doctype', path: 'SkypeSettings' },
      { severity: 'error', code: 'not-well-formed', path: 'SkypeSettings/UserAccount/SkypeSignInAddress' },
    ]);
  });

  it('a namespace on the root', () => {
    expect(brief(parse('<SkypeSettings xmlns="urn:x"><AutoScreenShare>1</AutoScreenShare></SkypeSettings>').problems)).toEqual([
      { severity: 'warning', code: 'unknown-attribute', path: 'SkypeSettings/@xmlns' },
    ]);
  });
});

describe('parseSkypeSettingsXml: the password never leaks', () => {
  const secret = fc.stringMatching(/^[A-Za-z0-9]{8,16}$/).map((tail) => `QZ${tail}`);
  const breakages = [
    (p: string) => wrap(`<UserAccount><Password>${p}</Password><Password>${p}</Password></UserAccount>`),
    (p: string) => wrap(`<UserAccount><Password>${p}</Password><SkypeSignInAddress>r@c.com</SkypeSignInAddress></UserAccount>`),
    (p: string) => wrap(`<UserAccount><Password>${p}<x/></Password></UserAccount>`),
    (p: string) => wrap(`<UserAccount><Password>${p}<</Password></UserAccount>`),
    (p: string) => wrap(`<UserAccount><Password>${p}&bad;</Password></UserAccount>`),
    (p: string) => wrap(`<UserAccount><Password>x&${p};</Password></UserAccount>`),
    (p: string) => wrap(`<UserAccount><Password>${p}</Passwd></UserAccount>`),
    // The XML library names tags in its messages: here the password's text stands where a tag name belongs.
    (p: string) => wrap(`<UserAccount><Password><${p}></Password></UserAccount>`),
    (p: string) => wrap(`<UserAccount><Password>${p}</${p}></UserAccount>`),
    (p: string) => wrap(`<UserAccount><Password a="${p}">${p}</Password></UserAccount>`),
    (p: string) => `<UserAccount><Password>${p}</Password></UserAccount>`,
    (p: string) => `<SkypeSettings><UserAccount><Password>${p}`,
    (p: string) => wrap(`<UserAccount><Password>${p}\u0002</Password></UserAccount>`),
  ];
  it('appears in no problem, whatever is wrong with the file', () => {
    fc.assert(
      fc.property(secret, fc.constantFrom(...breakages), fc.constantFrom<ConsoleEra | undefined>(undefined, 'srs-v2', 'teams-4.9', 'teams-4.17'), (password, breakage, era) => {
        const result = parse(breakage(password), era);
        expect(result.problems.length).toBeGreaterThan(0);
        expect(JSON.stringify(result.problems)).not.toContain(password);
      }),
    );
  });
});

describe('parseSkypeSettingsXml: era inference', () => {
  it.each([
    ['<SkypeMeetingsEnabled>true</SkypeMeetingsEnabled>', 'srs-v2'],
    ['<UserAccount><AutoRotatePassword>1</AutoRotatePassword></UserAccount>', 'srs-v2'],
    ['<CortanaWakewordEnabled>true</CortanaWakewordEnabled>', 'teams-4.9'],
    ['<WebexMeetingsEnabled>true</WebexMeetingsEnabled>', 'teams-4.9'],
    ['<EnableResolutionAndScalingSetting>true</EnableResolutionAndScalingSetting><MainFoRDisplay><MainFoRDisplayResolution>3840,2160</MainFoRDisplayResolution><MainFoRDisplayScaling>400</MainFoRDisplayScaling></MainFoRDisplay>', 'teams-4.9'],
    ['<BlueJeansMeetingsEnabled>true</BlueJeansMeetingsEnabled>', 'teams-4.17'],
    ['<AutoScreenShare>true</AutoScreenShare>', 'teams-4.17'],
    ['', 'teams-4.17'],
  ])('%s -> %s', (body, era) => {
    const result = parse(wrap(body));
    expect(result.era).toBe(era);
    expect(result.eraInferred).toBe(true);
    expect(result.problems.filter((problem) => problem.code === 'not-in-era' || problem.code === 'other-era-spelling')).toEqual([]);
  });

  it('reports the given era as given', () => {
    const result = parse(wrap('<SkypeMeetingsEnabled>true</SkypeMeetingsEnabled>'), 'teams-4.17');
    expect(result).toMatchObject({ era: 'teams-4.17', eraInferred: false });
  });
});

describe('parseSkypeSettingsXml: any input', () => {
  it.each([
    ['an empty string', ''],
    ['only whitespace', ' \r\n\t '],
    ['plain text', 'hello world'],
    ['JSON', '{"AutoScreenShare": true}'],
    ['half a tag', '<SkypeSettings'],
    ['a lone BOM', '\uFEFF'],
    ['a NUL', '\u0000'],
    ['deep nesting', `${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}`],
  ])('%s: an error, no exception', (_name, input) => {
    const result = parse(input);
    expect(result.settings).toEqual({});
    expect(result.problems).toEqual([expect.objectContaining({ severity: 'error', path: expect.any(String) })]);
  });

  it('an era it does not know, or no options at all, means: infer the era', () => {
    const xml = wrap('<CortanaWakewordEnabled>true</CortanaWakewordEnabled>');
    expect(parseSkypeSettingsXml(xml, { era: 'teams-9.9' as ConsoleEra })).toMatchObject({ era: 'teams-4.9', eraInferred: true });
    expect(parseSkypeSettingsXml(xml, null as unknown as undefined)).toMatchObject({ era: 'teams-4.9', eraInferred: true });
    expect(parseSkypeSettingsXml(undefined as unknown as string).problems).toEqual([expect.objectContaining({ severity: 'error', code: 'not-well-formed' })]);
  });

  it('reads -0 and +5 as numbers', () => {
    const result = parse(wrap('<AudioRenderDefaultDeviceVolume>-0</AudioRenderDefaultDeviceVolume><AudioRenderCommunicationDeviceVolume>+5</AudioRenderCommunicationDeviceVolume>'), 'teams-4.17');
    expect(Object.is(result.settings.audioRenderDefaultDeviceVolume, 0)).toBe(true);
    expect(result.settings.audioRenderCommunicationDeviceVolume).toBe(5);
  });

  it('random strings never throw and always give a result', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (input) => {
        const result = parse(input);
        expect(Array.isArray(result.problems)).toBe(true);
        for (const problem of result.problems) expect(problem.path.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('mangled valid files never throw', () => {
    const valid = writeSkypeSettingsXml(
      { autoScreenShare: true, 'userAccount.skypeSignInAddress': 'r@contoso.com', 'coordinatedMeetings.enabled': true, 'coordinatedMeetings.settings.audio.default': false, 'theming.themeName': 'Sunset' },
      'teams-4.17',
    );
    const edit = fc.record({ at: fc.nat(valid.length), remove: fc.nat(8), insert: fc.string({ unit: fc.constantFrom('<', '>', '/', '&', ';', '"', '=', '!', '?', '[', ']', 'a', ' ', '\n'), maxLength: 6 }) });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = valid;
        for (const { at, remove, insert } of edits) text = text.slice(0, at) + insert + text.slice(at + remove);
        const result = parse(text);
        expect(Array.isArray(result.problems)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('a byte-order mark and CRLF line ends', () => {
    const xml = '\uFEFF<?xml version="1.0" encoding="utf-8"?>\r\n<SkypeSettings>\r\n  <AutoScreenShare>true</AutoScreenShare>\r\n  <Foo/>\r\n</SkypeSettings>\r\n';
    const result = parse(xml, 'teams-4.17');
    expect(result.settings).toEqual({ autoScreenShare: true });
    expect(result.problems).toEqual([expect.objectContaining({ code: 'unknown-element', path: 'SkypeSettings/Foo', line: 4, column: 3 })]);
  });

  it('a 5 MB file with one long value', () => {
    const long = 'x&y'.repeat(1_750_000);
    const xml = wrap(`<!-- ${'c'.repeat(100_000)} --><Devices><DefaultSpeaker>${long.replaceAll('&', '&amp;')}</DefaultSpeaker></Devices>`);
    expect(xml.length).toBeGreaterThan(5_000_000);
    const started = performance.now();
    const result = parse(xml, 'teams-4.17');
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(result.problems).toEqual([]);
    expect(result.settings['devices.defaultSpeaker']).toBe(long);
  });

  it('a 5 MB file of unknown elements: one warning with a count', () => {
    const count = 500_000;
    const xml = wrap('<Foo/>'.repeat(count) + '<AutoScreenShare>true</AutoScreenShare>');
    expect(xml.length).toBeGreaterThan(3_000_000);
    const result = parse(xml, 'teams-4.17');
    expect(brief(result.problems)).toEqual([{ severity: 'warning', code: 'unknown-element', path: 'SkypeSettings/Foo' }]);
    expect(result.problems[0]!.message).toContain(`${count} times`);
    expect(result.settings).toEqual({ autoScreenShare: true });
  });

  it('5 MB of garbage', () => {
    const garbage = Array.from({ length: 5_000_000 }, (_, i) => String.fromCharCode(32 + ((i * 7919) % 90))).join('');
    const result = parse(garbage);
    expect(result.problems).toEqual([expect.objectContaining({ severity: 'error', code: 'not-well-formed' })]);
  });
});
