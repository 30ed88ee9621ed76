// The three documented eras of the room console app, keyed by app version (mtr-facts.md §3, §4).

export const CONSOLE_ERAS = ['srs-v2', 'teams-4.9', 'teams-4.17'] as const;
export type ConsoleEra = (typeof CONSOLE_ERAS)[number];

export interface ConsoleEraInfo {
  id: ConsoleEra;
  label: string;
  /** Lowest app version of the era, inclusive. */
  from: string;
  /** The SkypeSettings.xml reference revision that documents it (R1–R3 in mtr-facts §3). */
  revision: 'R1' | 'R2' | 'R3';
}

export const CONSOLE_ERA_INFO: Record<ConsoleEra, ConsoleEraInfo> = {
  'srs-v2': { id: 'srs-v2', label: 'Skype Room Systems v2 (app 4.8 and earlier)', from: '0', revision: 'R1' },
  'teams-4.9': { id: 'teams-4.9', label: 'Microsoft Teams Rooms 4.9 to 4.16', from: '4.9', revision: 'R2' },
  'teams-4.17': { id: 'teams-4.17', label: 'Microsoft Teams Rooms 4.17 and later', from: '4.17', revision: 'R3' },
};

/** The app version RoomReady assumes when none is given: the current era. */
export const DEFAULT_APP_VERSION = '5.0';

const VERSION = /^(\d{1,4})(?:\.(\d{1,6}))?(?:\.(\d{1,6}))?(?:\.(\d{1,6}))?$/;

export function parseAppVersion(version: string): number[] | undefined {
  const match = VERSION.exec(version.trim());
  if (!match) return undefined;
  return match.slice(1).filter((part) => part !== undefined).map(Number);
}

function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** The era of an app version such as "4.16.40.0"; undefined when the text is not a version. */
export function eraForAppVersion(version: string): ConsoleEra | undefined {
  const parsed = parseAppVersion(version);
  if (!parsed) return undefined;
  for (const era of [...CONSOLE_ERAS].reverse()) {
    if (compareVersions(parsed, parseAppVersion(CONSOLE_ERA_INFO[era].from)!) >= 0) return era;
  }
  return 'srs-v2';
}
