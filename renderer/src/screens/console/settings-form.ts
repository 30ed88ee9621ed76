// The console configuration form as data derived from shared/skype-settings' element table: groups
// (General for the top-level settings, then each top-level container as the file nests them), the
// fields each era documents, and the conversion between the form's text and the settings model.
import type { ConsoleEra } from '../../../../shared/console-era.ts';
import { SKYPE_SETTINGS_ELEMENTS, type ElementRow, type SettingKey, type SkypeSettings } from '../../../../shared/skype-settings/elements.ts';
import { documents, revisionOfEra, xmlPath } from '../../../../shared/skype-settings/schema.ts';

export interface SettingsGroup {
  /** The container's key, or undefined for the top-level settings. */
  key: string | undefined;
  label?: string;
  help?: string;
  rows: ElementRow[];
}

const ROWS: readonly ElementRow[] = SKYPE_SETTINGS_ELEMENTS;

/** The groups and fields a console of `era` documents, in the file's documented order. */
export function settingsGroups(era: ConsoleEra): SettingsGroup[] {
  const revision = revisionOfEra(era);
  const general: SettingsGroup = { key: undefined, rows: [] };
  const groups: SettingsGroup[] = [general];
  for (const row of ROWS) {
    if (!documents(row, revision)) continue;
    if (row.parent === undefined) {
      if (row.kind === 'container') groups.push({ key: row.key, label: row.label, help: row.help, rows: [] });
      else general.rows.push(row);
      continue;
    }
    if (row.kind === 'container') continue;
    const top = row.key.split('.')[0];
    groups.find((group) => group.key === top)?.rows.push(row);
  }
  return groups.filter((group) => group.rows.length > 0);
}

/** The form's text per setting key; '' = not set (the console keeps its own value). */
export type SettingsDraft = Record<string, string>;

export function draftFromSettings(settings: SkypeSettings): SettingsDraft {
  const draft: SettingsDraft = {};
  for (const [key, value] of Object.entries(settings as Record<string, unknown>)) {
    if (value === undefined) continue;
    draft[key] = typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value);
  }
  return draft;
}

/** The draft as a settings model; numbers that are not whole numbers are reported by key. */
export function settingsFromDraft(draft: SettingsDraft): { settings: SkypeSettings; notNumbers: Set<string> } {
  const settings: Record<string, boolean | number | string> = {};
  const notNumbers = new Set<string>();
  for (const row of ROWS) {
    const text = draft[row.key];
    if (text === undefined || text === '' || row.kind === 'container') continue;
    if (row.kind === 'boolean' || row.kind === 'attribute') settings[row.key] = text === 'true';
    else if (row.kind === 'number') {
      const value = Number(text.trim());
      if (/^[+-]?\d+$/.test(text.trim()) && Number.isSafeInteger(value)) settings[row.key] = value;
      else notNumbers.add(row.key);
    } else settings[row.key] = text;
  }
  return { settings: settings as SkypeSettings, notNumbers };
}

/** Element path -> key, so problems (which name paths) can be shown next to their fields. */
export function keysByPath(era: ConsoleEra): Map<string, string> {
  const revision = revisionOfEra(era);
  return new Map(ROWS.map((row) => [xmlPath(row.key as SettingKey, revision), row.key]));
}

export const SECRET_KEYS: ReadonlySet<string> = new Set(ROWS.filter((row) => row.secret).map((row) => row.key));
