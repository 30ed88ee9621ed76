import { describe, expect, it } from 'vitest';
import type { ConsoleEra } from '../../../shared/console-era.ts';
import {
  parseSkypeSettingsXml,
  SkypeSettingsEraError,
  SkypeSettingsError,
  validateSkypeSettings,
  writeSkypeSettingsXml,
  type SkypeSettings,
} from '../../../shared/skype-settings.ts';

/** Element names in the order the text has them. */
const elementNames = (xml: string) => [...xml.matchAll(/<([A-Za-z][\w]*)[\s/>]/g)].map((match) => match[1]);

function thrown(run: () => unknown): SkypeSettingsError {
  try {
    run();
  } catch (error) {
    if (error instanceof SkypeSettingsError) return error;
    throw error;
  }
  throw new Error('expected a SkypeSettingsError');
}

describe('writeSkypeSettingsXml: shape', () => {
  it('writes a UTF-8 declaration and the SkypeSettings root', () => {
    const xml = writeSkypeSettingsXml({ autoScreenShare: true }, 'teams-4.17');
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<SkypeSettings>')).toBe(true);
    expect(xml.trimEnd().endsWith('</SkypeSettings>')).toBe(true);
  });

  it('writes elements in the documented order whatever the order of the model', () => {
    const settings: SkypeSettings = {
      splitVideoLayoutsDisabled: false,
      'devices.defaultSpeaker': 'Speaker',
      'sendLogs.sendLogsAndFeedback': true,
      'userAccount.password': 'pw-for-order',
      'userAccount.skypeSignInAddress': 'room@contoso.com',
      teamsMeetingsEnabled: true,
      'theming.customThemeImageUrl': 'x.jpg',
      'theming.customBackgroundMainFoRDisplay': 'main.png',
      'theming.themeName': 'Sunset',
      sendFeedbackToPMP: true,
      autoScreenShare: false,
    };
    expect(elementNames(writeSkypeSettingsXml(settings, 'teams-4.17'))).toEqual([
      'SkypeSettings',
      'AutoScreenShare',
      'UserAccount',
      'SkypeSignInAddress',
      'Password',
      'TeamsMeetingsEnabled',
      'SendLogs',
      'SendLogsAndFeedback',
      'SendFeedbackToPMP',
      'Devices',
      'DefaultSpeaker',
      'Theming',
      'ThemeName',
      'CustomBackgroundMainFoRDisplay',
      'CustomThemeImageUrl',
      'SplitVideoLayoutsDisabled',
    ]);
  });

  it('writes booleans as true/false and numbers as integers', () => {
    const xml = writeSkypeSettingsXml(
      { autoScreenShare: true, hideMeetingName: false, audioRenderDefaultDeviceVolume: 0, defaultFoRExperience: 1, 'mainFoRDisplay.mainFoRDisplayScaling': 125, 'mainFoRDisplay.mainFoRDisplayResolution': '1920,1080', enableResolutionAndScalingSetting: true },
      'teams-4.9',
    );
    expect(xml).toContain('<AutoScreenShare>true</AutoScreenShare>');
    expect(xml).toContain('<HideMeetingName>false</HideMeetingName>');
    expect(xml).toContain('<AudioRenderDefaultDeviceVolume>0</AudioRenderDefaultDeviceVolume>');
    expect(xml).toContain('<DefaultFoRExperience>1</DefaultFoRExperience>');
    expect(xml).toContain('<MainFoRDisplayScaling>125</MainFoRDisplayScaling>');
  });

  it('leaves out containers with nothing in them, and writes nothing the model does not hold', () => {
    const xml = writeSkypeSettingsXml({ dualScreenMode: true }, 'srs-v2');
    expect(elementNames(xml)).toEqual(['SkypeSettings', 'DualScreenMode']);
    expect(elementNames(writeSkypeSettingsXml({}, 'teams-4.17'))).toEqual(['SkypeSettings']);
  });

  it('writes CoordinatedMeetings attributes', () => {
    const xml = writeSkypeSettingsXml(
      {
        'coordinatedMeetings.enabled': true,
        'coordinatedMeetings.trustedAccounts': 'hub@contoso.com',
        'coordinatedMeetings.settings.audio.default': true,
        'coordinatedMeetings.settings.audio.enabled': false,
        'coordinatedMeetings.settings.whiteboard.enabled': true,
      },
      'teams-4.17',
    );
    expect(xml).toContain('<CoordinatedMeetings enabled="true">');
    expect(xml).toContain('<Audio default="true" enabled="false"/>');
    expect(xml).toContain('<Whiteboard enabled="true"/>');
    expect(xml).not.toContain('<Video');
  });

  it('spells era-specific elements the way each era documents them', () => {
    expect(writeSkypeSettingsXml({ sfbMeetingsEnabled: true }, 'srs-v2')).toContain('<SkypeMeetingsEnabled>true</SkypeMeetingsEnabled>');
    expect(writeSkypeSettingsXml({ sfbMeetingsEnabled: true }, 'teams-4.9')).toContain('<SfbMeetingEnabled>true</SfbMeetingEnabled>');
    expect(writeSkypeSettingsXml({ sfbMeetingsEnabled: true }, 'teams-4.17')).toContain('<SfbMeetingEnabled>true</SfbMeetingEnabled>');
    expect(writeSkypeSettingsXml({ webexMeetingsEnabled: false }, 'teams-4.9')).toContain('<WebexMeetingsEnabled>false</WebexMeetingsEnabled>');
    expect(writeSkypeSettingsXml({ webexMeetingsEnabled: false }, 'teams-4.17')).toContain('<WebExMeetingsEnabled>false</WebExMeetingsEnabled>');
  });
});

describe('writeSkypeSettingsXml: escaping', () => {
  it('escapes through the XML library and the value comes back exactly', () => {
    const settings: SkypeSettings = { 'devices.defaultSpeaker': 'a&b<c>', 'coordinatedMeetings.trustedAccounts': `]]>"'` };
    const xml = writeSkypeSettingsXml(settings, 'teams-4.17');
    expect(xml).toContain('<DefaultSpeaker>a&amp;b&lt;c&gt;</DefaultSpeaker>');
    expect(xml).not.toContain('a&b<c>');
    expect(xml).not.toContain(']]>"');
    expect(parseSkypeSettingsXml(xml).settings).toEqual(settings);
  });

  it('keeps emoji, right-to-left text and surrounding spaces', () => {
    const settings: SkypeSettings = { 'devices.microphoneForCommunication': ' 🎤 מיקרופון ‮x ', 'theming.customBackgroundConsole': 'قاعة.png' };
    expect(parseSkypeSettingsXml(writeSkypeSettingsXml(settings, 'teams-4.17')).settings).toEqual(settings);
  });

  it('writes an empty string as an empty element (it clears the setting on the console)', () => {
    const xml = writeSkypeSettingsXml({ 'devices.contentCameraId': '' }, 'teams-4.17');
    expect(xml).toContain('<ContentCameraId/>');
    expect(parseSkypeSettingsXml(xml).settings).toEqual({ 'devices.contentCameraId': '' });
  });
});

describe('writeSkypeSettingsXml: era errors', () => {
  const cases: { era: ConsoleEra; settings: SkypeSettings; path: string }[] = [
    { era: 'srs-v2', settings: { webexMeetingsEnabled: true }, path: 'SkypeSettings/WebExMeetingsEnabled' },
    { era: 'srs-v2', settings: { 'coordinatedMeetings.settings.audio.default': true }, path: 'SkypeSettings/CoordinatedMeetings/Settings/Audio/@default' },
    { era: 'teams-4.9', settings: { 'userAccount.autoRotatePassword': true }, path: 'SkypeSettings/UserAccount/AutoRotatePassword' },
    { era: 'teams-4.9', settings: { blueJeansMeetingsEnabled: true }, path: 'SkypeSettings/BlueJeansMeetingsEnabled' },
    { era: 'teams-4.17', settings: { 'userAccount.modernAuthEnabled': true }, path: 'SkypeSettings/UserAccount/ModernAuthEnabled' },
    { era: 'teams-4.17', settings: { 'userAccount.exchangeAddress': 'room@contoso.com' }, path: 'SkypeSettings/UserAccount/ExchangeAddress' },
    { era: 'teams-4.17', settings: { cortanaWakewordEnabled: false }, path: 'SkypeSettings/CortanaWakewordEnabled' },
    { era: 'teams-4.17', settings: { 'theming.customThemeColor.redComponent': 1 }, path: 'SkypeSettings/Theming/CustomThemeColor/RedComponent' },
  ];
  it.each(cases)('$era refuses $path', ({ era, settings, path }) => {
    const error = thrown(() => writeSkypeSettingsXml({ autoScreenShare: true, ...settings }, era));
    expect(error).toBeInstanceOf(SkypeSettingsEraError);
    const eraError = error as SkypeSettingsEraError;
    expect(eraError.path).toBe(path);
    expect(eraError.era).toBe(era);
    expect(eraError.message).toContain(path);
  });
});

describe('writeSkypeSettingsXml: documented constraints', () => {
  const cases: { name: string; era: ConsoleEra; settings: SkypeSettings; path: string; code: string }[] = [
    { name: 'both meeting types off (SRS v2)', era: 'srs-v2', settings: { teamsMeetingsEnabled: false, sfbMeetingsEnabled: false }, path: 'SkypeSettings/TeamsMeetingsEnabled', code: 'meetings-disabled' },
    { name: 'both meeting types off (4.9)', era: 'teams-4.9', settings: { teamsMeetingsEnabled: false, sfbMeetingsEnabled: false }, path: 'SkypeSettings/TeamsMeetingsEnabled', code: 'meetings-disabled' },
    { name: 'custom guest identity without email', era: 'teams-4.9', settings: { useCustomInfoForThirdPartyMeetings: true, customDisplayNameForThirdPartyMeetings: 'Guest' }, path: 'SkypeSettings/UseCustomInfoForThirdPartyMeetings', code: 'constraint' },
    { name: 'custom guest identity with a blank name', era: 'teams-4.17', settings: { useCustomInfoForThirdPartyMeetings: true, customDisplayNameForThirdPartyMeetings: '  ', customDisplayEmailForThirdPartyMeetings: 'g@contoso.com' }, path: 'SkypeSettings/UseCustomInfoForThirdPartyMeetings', code: 'constraint' },
    { name: 'resolution without scaling', era: 'teams-4.17', settings: { enableResolutionAndScalingSetting: true, 'mainFoRDisplay.mainFoRDisplayResolution': '1920,1080' }, path: 'SkypeSettings/MainFoRDisplay/MainFoRDisplayScaling', code: 'constraint' },
    { name: 'scaling without resolution', era: 'teams-4.9', settings: { enableResolutionAndScalingSetting: true, 'extendedFoRDisplay.extendedFoRDisplayScaling': 100 }, path: 'SkypeSettings/ExtendedFoRDisplay/ExtendedFoRDisplayResolution', code: 'constraint' },
    { name: 'a scaling not in the list', era: 'teams-4.9', settings: { 'mainFoRDisplay.mainFoRDisplayScaling': 275, 'mainFoRDisplay.mainFoRDisplayResolution': '1920,1080' }, path: 'SkypeSettings/MainFoRDisplay/MainFoRDisplayScaling', code: 'out-of-range' },
    { name: 'a 4.9 scaling on 4.17', era: 'teams-4.17', settings: { 'mainFoRDisplay.mainFoRDisplayScaling': 350, 'mainFoRDisplay.mainFoRDisplayResolution': '1920,1080' }, path: 'SkypeSettings/MainFoRDisplay/MainFoRDisplayScaling', code: 'out-of-range' },
    { name: 'a resolution that is not width,height', era: 'teams-4.17', settings: { 'mainFoRDisplay.mainFoRDisplayScaling': 100, 'mainFoRDisplay.mainFoRDisplayResolution': '1920x1080' }, path: 'SkypeSettings/MainFoRDisplay/MainFoRDisplayResolution', code: 'out-of-range' },
    { name: 'volume 101', era: 'teams-4.9', settings: { audioRenderCommunicationDeviceVolume: 101 }, path: 'SkypeSettings/AudioRenderCommunicationDeviceVolume', code: 'out-of-range' },
    { name: 'volume -1', era: 'teams-4.17', settings: { audioRenderDefaultDeviceVolume: -1 }, path: 'SkypeSettings/AudioRenderDefaultDeviceVolume', code: 'out-of-range' },
    { name: 'a fractional number', era: 'teams-4.17', settings: { audioRenderDefaultDeviceVolume: 50.5 }, path: 'SkypeSettings/AudioRenderDefaultDeviceVolume', code: 'wrong-type' },
    { name: 'RGB 256', era: 'srs-v2', settings: { 'theming.customThemeColor.redComponent': 256, 'theming.customThemeColor.greenComponent': 0, 'theming.customThemeColor.blueComponent': 0 }, path: 'SkypeSettings/Theming/CustomThemeColor/RedComponent', code: 'out-of-range' },
    { name: 'part of a colour', era: 'teams-4.9', settings: { 'theming.customThemeColor.redComponent': 1 }, path: 'SkypeSettings/Theming/CustomThemeColor/GreenComponent', code: 'constraint' },
    { name: 'Custom theme without image (SRS v2)', era: 'srs-v2', settings: { 'theming.themeName': 'Custom', 'theming.customThemeColor.redComponent': 1, 'theming.customThemeColor.greenComponent': 1, 'theming.customThemeColor.blueComponent': 1 }, path: 'SkypeSettings/Theming/CustomThemeImageUrl', code: 'constraint' },
    { name: 'Custom theme without colour (4.9)', era: 'teams-4.9', settings: { 'theming.themeName': 'Custom', 'theming.customThemeImageUrl': 'theme.jpg' }, path: 'SkypeSettings/Theming/CustomThemeColor', code: 'constraint' },
    { name: 'Custom theme without background (4.17)', era: 'teams-4.17', settings: { 'theming.themeName': 'Custom', 'theming.customBackgroundConsole': 'console.png' }, path: 'SkypeSettings/Theming/CustomBackgroundMainFoRDisplay', code: 'constraint' },
    { name: 'Custom theme in dual mode without extended background (4.17)', era: 'teams-4.17', settings: { dualScreenMode: true, 'theming.themeName': 'Custom', 'theming.customBackgroundMainFoRDisplay': 'main.png' }, path: 'SkypeSettings/Theming/CustomBackgroundExtendedFoRDisplay', code: 'constraint' },
    { name: 'an empty sign-in address', era: 'teams-4.17', settings: { 'userAccount.skypeSignInAddress': '' }, path: 'SkypeSettings/UserAccount/SkypeSignInAddress', code: 'empty-value' },
    { name: 'a string where a boolean belongs', era: 'teams-4.17', settings: { autoScreenShare: 'yes' as unknown as boolean }, path: 'SkypeSettings/AutoScreenShare', code: 'wrong-type' },
    { name: 'a control character', era: 'teams-4.17', settings: { 'devices.defaultSpeaker': 'bad\u0001name' }, path: 'SkypeSettings/Devices/DefaultSpeaker', code: 'invalid-characters' },
    { name: 'a line break', era: 'teams-4.17', settings: { 'devices.defaultSpeaker': 'two\nlines' }, path: 'SkypeSettings/Devices/DefaultSpeaker', code: 'invalid-characters' },
    { name: 'a lone surrogate', era: 'teams-4.17', settings: { 'devices.defaultSpeaker': 'half \uD83D' }, path: 'SkypeSettings/Devices/DefaultSpeaker', code: 'invalid-characters' },
    { name: 'a front-row panel outside 1–3', era: 'teams-4.17', settings: { frontRowPanelDefaults: '4,2' }, path: 'SkypeSettings/FrontRowPanelDefaults', code: 'out-of-range' },
    { name: 'an unknown front-row size', era: 'teams-4.17', settings: { frontRowVideoSize: 'huge' }, path: 'SkypeSettings/FrontRowVideoSize', code: 'out-of-range' },
    { name: 'a key that is no setting', era: 'teams-4.17', settings: { autoScreenShare: true, notASetting: true } as SkypeSettings, path: 'SkypeSettings', code: 'unknown-setting' },
  ];
  it.each(cases)('refuses $name', ({ era, settings, path, code }) => {
    const error = thrown(() => writeSkypeSettingsXml(settings, era));
    expect(error).not.toBeInstanceOf(SkypeSettingsEraError);
    expect(error.problems).toContainEqual(expect.objectContaining({ severity: 'error', path, code }));
    expect(error.message).toContain(path);
  });

  it('accepts both meeting types on, and Teams meetings off with SfB on', () => {
    expect(() => writeSkypeSettingsXml({ teamsMeetingsEnabled: true, sfbMeetingsEnabled: true }, 'teams-4.9')).not.toThrow();
    expect(() => writeSkypeSettingsXml({ teamsMeetingsEnabled: false, sfbMeetingsEnabled: true }, 'srs-v2')).not.toThrow();
  });

  it('accepts a Custom theme with a Basic-licence image on 4.17, and scaling 350 on 4.9', () => {
    expect(() => writeSkypeSettingsXml({ 'theming.themeName': 'Custom', 'theming.customThemeImageUrl': 'basic.jpg' }, 'teams-4.17')).not.toThrow();
    expect(() => writeSkypeSettingsXml({ enableResolutionAndScalingSetting: true, 'mainFoRDisplay.mainFoRDisplayScaling': 350, 'mainFoRDisplay.mainFoRDisplayResolution': '3840,2160' }, 'teams-4.9')).not.toThrow();
  });

  it('writes despite warnings: a theme name no reference lists, display settings without the switch', () => {
    const settings: SkypeSettings = { 'theming.themeName': 'Autumn Leaves', 'mainFoRDisplay.mainFoRDisplayScaling': 100, 'mainFoRDisplay.mainFoRDisplayResolution': '1920,1080' };
    expect(validateSkypeSettings(settings, 'teams-4.17')).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'unknown-value', path: 'SkypeSettings/Theming/ThemeName' }),
      expect.objectContaining({ severity: 'warning', code: 'not-applied', path: 'SkypeSettings/EnableResolutionAndScalingSetting' }),
    ]);
    expect(writeSkypeSettingsXml(settings, 'teams-4.17')).toContain('<ThemeName>Autumn Leaves</ThemeName>');
  });
});

describe('writeSkypeSettingsXml: the password', () => {
  it('writes a Password element only when the model holds one', () => {
    expect(writeSkypeSettingsXml({ 'userAccount.skypeSignInAddress': 'room@contoso.com' }, 'teams-4.17')).not.toContain('Password');
    const xml = writeSkypeSettingsXml({ 'userAccount.skypeSignInAddress': 'room@contoso.com', 'userAccount.password': 'p&ss<word>' }, 'teams-4.17');
    expect(xml).toContain('<Password>p&amp;ss&lt;word&gt;</Password>');
  });

  it('never puts the password in a thrown error', () => {
    const secret = 'Sup3r-Secret\u0001value';
    const error = thrown(() => writeSkypeSettingsXml({ 'userAccount.password': secret }, 'teams-4.17'));
    expect(error.problems).toContainEqual(expect.objectContaining({ path: 'SkypeSettings/UserAccount/Password', code: 'invalid-characters' }));
    const everything = `${error.message} ${String(error.stack)} ${JSON.stringify(error.problems)}`;
    expect(everything).not.toContain('Sup3r-Secret');
  });

  it('never quotes the password even in a value-shape problem', () => {
    const problems = validateSkypeSettings({ 'userAccount.password': 42 as unknown as string }, 'teams-4.9');
    expect(problems).toEqual([expect.objectContaining({ code: 'wrong-type', path: 'SkypeSettings/UserAccount/Password' })]);
    expect(JSON.stringify(problems)).not.toContain('42');
  });
});
