// The documented constraints, for the writer (which refuses errors) and the parser (which reports them).
import type { ConsoleEra } from '../console-era.ts';
import type { ElementKey, ElementRow, Revision, SettingKey, SkypeSettings } from './elements.ts';
import type { ProblemCode, ProblemSeverity, SkypeSettingsProblem } from './problems.ts';
import { quoteValue } from './problems.ts';
import { allowedValues, documents, eraLabel, eraOfRevision, isSettingKey, revisionOfEra, ROOT_ELEMENT, rowOf, xmlName, xmlPath } from './schema.ts';
import { unwritableCharacter } from './values.ts';

/** A problem about one setting, before it is given a path (the parser uses the file's spelling and line). */
export interface Finding {
  severity: ProblemSeverity;
  code: ProblemCode;
  key: ElementKey;
  message: string;
}

const error = (code: ProblemCode, key: ElementKey, message: string): Finding => ({ severity: 'error', code, key, message });
const warning = (code: ProblemCode, key: ElementKey, message: string): Finding => ({ severity: 'warning', code, key, message });

const typeName = (row: ElementRow) => (row.kind === 'attribute' ? 'boolean' : row.kind);

/** Type, range, listed values and shape of one value. `writing` also refuses characters XML readers would not return as written. */
export function checkValue(row: ElementRow, value: unknown, revision: Revision, writing: boolean): Finding[] {
  const key = row.key as SettingKey;
  const expected = typeName(row);
  if (typeof value !== (expected === 'boolean' ? 'boolean' : expected === 'number' ? 'number' : 'string')) {
    return [error('wrong-type', key, `must be a ${expected}, not ${value === null ? 'null' : typeof value}`)];
  }
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) return [error('wrong-type', key, `must be a whole number, not ${value}`)];
    if (row.range && (value < row.range.min || value > row.range.max)) {
      return [error('out-of-range', key, `must be between ${row.range.min} and ${row.range.max}, not ${value}`)];
    }
  }
  if (typeof value === 'string') {
    if (writing) {
      const bad = unwritableCharacter(value);
      if (bad) return [error('invalid-characters', key, `contains ${bad}, which cannot be written to SkypeSettings.xml (control characters and line breaks are not kept)`)];
    }
    if (value === '' && row.nonEmpty) return [error('empty-value', key, 'must not be empty: an empty value clears the setting on the console')];
    if (value !== '' && row.pattern && !row.pattern.regex.test(value)) {
      return [error('out-of-range', key, `${quoteValue(row, value)} does not have the form ${row.pattern.hint}`)];
    }
  }
  const allowed = allowedValues(row, revision);
  if (allowed && (typeof value === 'string' || typeof value === 'number') && !allowed.some((entry) => entry.value === value)) {
    const list = allowed.map((entry) => String(entry.value)).join(', ');
    const era = eraLabel(eraOfRevision(revision));
    const shown = typeof value === 'number' ? String(value) : quoteValue(row, value);
    return row.openList
      ? [warning('unknown-value', key, `${shown} is not one the reference for ${era} lists (${list}); the console may not know it`)]
      : [error('out-of-range', key, `${shown} is not allowed for ${era}; use one of ${list}`)];
  }
  return [];
}

const present = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

const DISPLAYS = [
  { container: 'mainFoRDisplay', resolution: 'mainFoRDisplay.mainFoRDisplayResolution', scaling: 'mainFoRDisplay.mainFoRDisplayScaling' },
  { container: 'extendedFoRDisplay', resolution: 'extendedFoRDisplay.extendedFoRDisplayResolution', scaling: 'extendedFoRDisplay.extendedFoRDisplayScaling' },
] as const;

const THEME_COLOUR = ['theming.customThemeColor.redComponent', 'theming.customThemeColor.greenComponent', 'theming.customThemeColor.blueComponent'] as const;

/** The rules that tie elements together (mtr-facts §3.2, §3.3). */
export function checkRules(settings: SkypeSettings, revision: Revision): Finding[] {
  const findings: Finding[] = [];
  const name = (key: ElementKey) => xmlName(rowOf(key), revision);

  if (settings.teamsMeetingsEnabled === false && settings.sfbMeetingsEnabled === false) {
    findings.push(error('meetings-disabled', 'teamsMeetingsEnabled', `${name('teamsMeetingsEnabled')} and ${name('sfbMeetingsEnabled')} are both false: the reference calls such a file badly formed; enable at least one`));
  }

  if (settings.useCustomInfoForThirdPartyMeetings === true) {
    const missing = (['customDisplayNameForThirdPartyMeetings', 'customDisplayEmailForThirdPartyMeetings'] as const).filter((key) => !present(settings[key]));
    if (missing.length > 0) {
      findings.push(error('constraint', 'useCustomInfoForThirdPartyMeetings', `is true, so ${missing.map(name).join(' and ')} must be given as well`));
    }
  }

  for (const display of DISPLAYS) {
    const hasResolution = settings[display.resolution] !== undefined;
    const hasScaling = settings[display.scaling] !== undefined;
    if (hasResolution !== hasScaling) {
      const missing = hasResolution ? display.scaling : display.resolution;
      const given = hasResolution ? display.resolution : display.scaling;
      findings.push(error('constraint', missing, `is missing: ${name(given)} and ${name(missing)} must be given together, or the console ignores both`));
    }
    if ((hasResolution || hasScaling) && settings.enableResolutionAndScalingSetting !== true && documents(rowOf('enableResolutionAndScalingSetting'), revision)) {
      findings.push(warning('not-applied', 'enableResolutionAndScalingSetting', `is not true, so the console ignores ${name(display.container)}`));
    }
  }

  const colours = THEME_COLOUR.filter((key) => settings[key] !== undefined);
  if (colours.length > 0 && colours.length < THEME_COLOUR.length) {
    const missing = THEME_COLOUR.filter((key) => settings[key] === undefined);
    findings.push(error('constraint', missing[0]!, `is missing: ${name('theming.customThemeColor')} needs all of ${THEME_COLOUR.map(name).join(', ')}`));
  }

  if (settings['theming.themeName'] === 'Custom') findings.push(...customThemeFindings(settings, revision));
  return findings;
}

/** ThemeName Custom needs its image(s): one image and a colour before 4.17, per-display backgrounds from 4.17. */
function customThemeFindings(settings: SkypeSettings, revision: Revision): Finding[] {
  const name = (key: ElementKey) => xmlName(rowOf(key), revision);
  const findings: Finding[] = [];
  if (revision === 'R3') {
    const main = present(settings['theming.customBackgroundMainFoRDisplay']);
    if (!main && !present(settings['theming.customThemeImageUrl'])) {
      findings.push(error('constraint', 'theming.customBackgroundMainFoRDisplay', `is required when ThemeName is Custom (or, with a Basic licence, ${name('theming.customThemeImageUrl')})`));
    }
    if (main && settings.dualScreenMode === true && !present(settings['theming.customBackgroundExtendedFoRDisplay'])) {
      findings.push(error('constraint', 'theming.customBackgroundExtendedFoRDisplay', 'is required when ThemeName is Custom and DualScreenMode is true'));
    }
    return findings;
  }
  if (!present(settings['theming.customThemeImageUrl'])) {
    findings.push(error('constraint', 'theming.customThemeImageUrl', 'is required when ThemeName is Custom'));
  }
  if (THEME_COLOUR.every((key) => settings[key] === undefined)) {
    findings.push(error('constraint', 'theming.customThemeColor', `is required when ThemeName is Custom (${THEME_COLOUR.map(name).join(', ')}, 0–255)`));
  }
  return findings;
}

/**
 * Everything wrong with a model for a console of `era`, as the writer sees it: unknown keys,
 * settings the era does not document, bad values and broken rules.
 */
export function validateSkypeSettings(settings: SkypeSettings, era: ConsoleEra): SkypeSettingsProblem[] {
  const revision = revisionOfEra(era);
  const problems: SkypeSettingsProblem[] = [];
  const toProblem = (finding: Finding): SkypeSettingsProblem => ({
    severity: finding.severity,
    code: finding.code,
    path: xmlPath(finding.key, revision),
    message: finding.message,
  });
  const entries = Object.entries(settings as Record<string, unknown>).filter(([, value]) => value !== undefined);
  for (const [key, value] of entries) {
    if (!isSettingKey(key)) {
      problems.push({ severity: 'error', code: 'unknown-setting', path: ROOT_ELEMENT, message: `"${key.slice(0, 80)}" is not a SkypeSettings setting` });
      continue;
    }
    const row = rowOf(key);
    if (!documents(row, revision)) {
      const documentedIn = row.revisions.map((r) => eraLabel(eraOfRevision(r))).join('; ');
      problems.push({ severity: 'error', code: 'not-in-era', path: xmlPath(key, revision), message: `is not documented for ${eraLabel(era)} (documented for ${documentedIn})` });
      continue;
    }
    problems.push(...checkValue(row, value, revision, true).map(toProblem));
  }
  problems.push(...checkRules(settings, revision).map(toProblem));
  return problems;
}

