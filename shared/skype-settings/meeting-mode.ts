// The meeting-mode matrix (mtr-facts §3.5): which meeting elements express each MeetingMode, per era.
import type { ConsoleEra } from '../console-era.ts';
import type { MeetingMode } from '../topology.ts';
import type { Revision, SkypeSettings } from './elements.ts';
import { revisionOfEra } from './schema.ts';

export type MeetingModeKey = 'teamsMeetingsEnabled' | 'sfbMeetingsEnabled' | 'isTeamsDefaultClient';
export type MeetingModeValues = Partial<Record<MeetingModeKey, boolean>>;

export { MEETING_MODE_LABELS } from '../topology.ts';

/** "Supported meeting modes, app version 4.9" (documented in the 4.9 and 4.17 references). */
export const MEETING_MODE_MATRIX: Record<MeetingMode, Required<MeetingModeValues>> = {
  'sfb-default-with-teams': { teamsMeetingsEnabled: true, sfbMeetingsEnabled: true, isTeamsDefaultClient: false },
  'teams-default-with-sfb': { teamsMeetingsEnabled: true, sfbMeetingsEnabled: true, isTeamsDefaultClient: true },
  'sfb-only': { teamsMeetingsEnabled: false, sfbMeetingsEnabled: true, isTeamsDefaultClient: false },
  'teams-only': { teamsMeetingsEnabled: true, sfbMeetingsEnabled: false, isTeamsDefaultClient: true },
};

/**
 * "Supported meeting modes, app version 4.8 or lower": only TeamsMeetingsEnabled and
 * IsTeamsDefaultClient, and no Teams-only mode. SRS v2 still documents SkypeMeetingsEnabled
 * (enabled by default), and turning it off is what makes a room Teams-only there.
 */
export const LEGACY_MEETING_MODE_MATRIX: Record<MeetingMode, MeetingModeValues> = {
  'sfb-default-with-teams': { teamsMeetingsEnabled: true, isTeamsDefaultClient: false },
  'teams-default-with-sfb': { teamsMeetingsEnabled: true, isTeamsDefaultClient: true },
  'sfb-only': { teamsMeetingsEnabled: false, isTeamsDefaultClient: false },
  'teams-only': { teamsMeetingsEnabled: true, sfbMeetingsEnabled: false, isTeamsDefaultClient: true },
};

export const MEETING_MODE_MATRIX_BY_REVISION: Record<Revision, Record<MeetingMode, MeetingModeValues>> = {
  R1: LEGACY_MEETING_MODE_MATRIX,
  R2: MEETING_MODE_MATRIX,
  R3: MEETING_MODE_MATRIX,
};

const MODES = Object.keys(MEETING_MODE_MATRIX) as MeetingMode[];

/** The meeting elements a console of `era` needs for `mode`. */
export function meetingModeSettings(mode: MeetingMode, era: ConsoleEra): MeetingModeValues {
  return { ...MEETING_MODE_MATRIX_BY_REVISION[revisionOfEra(era)][mode] };
}

/** The mode the settings express in `era`, or undefined when they set no mode or one the matrix does not list. */
export function meetingModeFromSettings(settings: SkypeSettings, era: ConsoleEra): MeetingMode | undefined {
  const revision = revisionOfEra(era);
  const { teamsMeetingsEnabled: teams, sfbMeetingsEnabled: sfb, isTeamsDefaultClient: teamsDefault } = settings;
  if (revision === 'R1') {
    // SkypeMeetingsEnabled off leaves Teams as the only client, whatever IsTeamsDefaultClient says.
    if (sfb === false) return teams === true ? 'teams-only' : undefined;
    return MODES.find((mode) => {
      const row = LEGACY_MEETING_MODE_MATRIX[mode];
      return row.sfbMeetingsEnabled === undefined && row.teamsMeetingsEnabled === teams && row.isTeamsDefaultClient === teamsDefault;
    });
  }
  if (teams === undefined || sfb === undefined || teamsDefault === undefined) return undefined;
  return MODES.find((mode) => {
    const row = MEETING_MODE_MATRIX[mode];
    return row.teamsMeetingsEnabled === teams && row.sfbMeetingsEnabled === sfb && row.isTeamsDefaultClient === teamsDefault;
  });
}
