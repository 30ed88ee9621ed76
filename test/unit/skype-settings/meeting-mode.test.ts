import { describe, expect, it } from 'vitest';
import { CONSOLE_ERAS } from '../../../shared/console-era.ts';
import { MEETING_MODES } from '../../../shared/model.ts';
import {
  LEGACY_MEETING_MODE_MATRIX,
  MEETING_MODE_MATRIX,
  meetingModeFromSettings,
  meetingModeSettings,
  parseSkypeSettingsXml,
  writeSkypeSettingsXml,
} from '../../../shared/skype-settings.ts';

// The reference's "Supported meeting modes" tables (Teams/rooms/xml-config-file.md, @0098e46b and the 2024 revision),
// as (TeamsMeetingsEnabled, SfbMeetingEnabled, IsTeamsDefaultClient).
const DOCUMENTED_4_9 = {
  'sfb-default-with-teams': [true, true, false],
  'teams-default-with-sfb': [true, true, true],
  'sfb-only': [false, true, false],
  'teams-only': [true, false, true],
} as const;
// "App version 4.8 or lower": (TeamsMeetingsEnabled, IsTeamsDefaultClient); no Teams-only row.
const DOCUMENTED_4_8 = {
  'sfb-default-with-teams': [true, false],
  'teams-default-with-sfb': [true, true],
  'sfb-only': [false, false],
} as const;

describe('the meeting-mode matrix', () => {
  it('is the 4.9 table of the reference', () => {
    for (const [mode, [teams, sfb, teamsDefault]] of Object.entries(DOCUMENTED_4_9)) {
      expect(MEETING_MODE_MATRIX[mode as keyof typeof DOCUMENTED_4_9]).toEqual({ teamsMeetingsEnabled: teams, sfbMeetingsEnabled: sfb, isTeamsDefaultClient: teamsDefault });
    }
  });

  it('is the 4.8 table for SRS v2, with Teams only expressed through SkypeMeetingsEnabled', () => {
    for (const [mode, [teams, teamsDefault]] of Object.entries(DOCUMENTED_4_8)) {
      expect(LEGACY_MEETING_MODE_MATRIX[mode as keyof typeof DOCUMENTED_4_8]).toEqual({ teamsMeetingsEnabled: teams, isTeamsDefaultClient: teamsDefault });
    }
    expect(LEGACY_MEETING_MODE_MATRIX['teams-only']).toEqual({ teamsMeetingsEnabled: true, sfbMeetingsEnabled: false, isTeamsDefaultClient: true });
  });
});

describe.each(CONSOLE_ERAS)('meeting modes for %s', (era) => {
  it.each(MEETING_MODES)('%s: mode -> elements -> XML -> mode', (mode) => {
    const settings = meetingModeSettings(mode, era);
    expect(meetingModeFromSettings(settings, era)).toBe(mode);
    const xml = writeSkypeSettingsXml(settings, era);
    const parsed = parseSkypeSettingsXml(xml, { era });
    expect(parsed.problems).toEqual([]);
    expect(meetingModeFromSettings(parsed.settings, era)).toBe(mode);
  });

  it('uses SfbMeetingEnabled from 4.9 and SkypeMeetingsEnabled only for Teams only before', () => {
    const xml = writeSkypeSettingsXml(meetingModeSettings('sfb-only', era), era);
    if (era === 'srs-v2') {
      expect(xml).not.toMatch(/SkypeMeetingsEnabled|SfbMeetingEnabled/);
      expect(xml).toContain('<TeamsMeetingsEnabled>false</TeamsMeetingsEnabled>');
      expect(writeSkypeSettingsXml(meetingModeSettings('teams-only', era), era)).toContain('<SkypeMeetingsEnabled>false</SkypeMeetingsEnabled>');
    } else {
      expect(xml).toContain('<SfbMeetingEnabled>true</SfbMeetingEnabled>');
    }
  });

  it('finds no mode in settings that set none, or one the tables do not list', () => {
    expect(meetingModeFromSettings({}, era)).toBeUndefined();
    expect(meetingModeFromSettings({ teamsMeetingsEnabled: false, isTeamsDefaultClient: true, sfbMeetingsEnabled: true }, era)).toBeUndefined();
  });
});

describe('reading modes back', () => {
  it('needs all three elements from 4.9 on', () => {
    expect(meetingModeFromSettings({ teamsMeetingsEnabled: true, isTeamsDefaultClient: true }, 'teams-4.9')).toBeUndefined();
  });

  it('reads an SRS v2 file without SkypeMeetingsEnabled by the 4.8 table', () => {
    expect(meetingModeFromSettings({ teamsMeetingsEnabled: true, isTeamsDefaultClient: true }, 'srs-v2')).toBe('teams-default-with-sfb');
    expect(meetingModeFromSettings({ teamsMeetingsEnabled: true, isTeamsDefaultClient: true, sfbMeetingsEnabled: true }, 'srs-v2')).toBe('teams-default-with-sfb');
    expect(meetingModeFromSettings({ teamsMeetingsEnabled: true, isTeamsDefaultClient: false, sfbMeetingsEnabled: false }, 'srs-v2')).toBe('teams-only');
    expect(meetingModeFromSettings({ teamsMeetingsEnabled: false, sfbMeetingsEnabled: false }, 'srs-v2')).toBeUndefined();
  });
});
