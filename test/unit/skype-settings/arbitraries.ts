// fast-check arbitraries for SkypeSettings models, derived from the element table, with hostile text.
// The documented cross-element rules are encoded here independently of shared/skype-settings/validate.ts,
// so a validator that rejected a valid model would fail the round-trip property instead of hiding it.
import fc from 'fast-check';
import type { ConsoleEra } from '../../../shared/console-era.ts';
import {
  allowedValues,
  documents,
  revisionOfEra,
  SKYPE_SETTINGS_ELEMENTS,
  type ElementRow,
  type Revision,
  type SkypeSettings,
} from '../../../shared/skype-settings.ts';

// Characters an XML 1.0 document can carry, minus tab and line breaks (readers normalise those).
const NOT_WRITABLE = /[^\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
export const writable = (text: string) => text.replace(NOT_WRITABLE, '');

const HOSTILE_SAMPLES = [
  '<',
  '>',
  '&',
  'a&b<c>',
  ']]>',
  '<![CDATA[x]]>',
  '<!-- not a comment -->',
  '"',
  "'",
  `"'"'`,
  '&amp;',
  '&#65;',
  '&nbsp;',
  '😀',
  '👩🏽‍💻 room',
  '\u202Eevil\u202C',
  'שלום עולם',
  'قاعة الاجتماعات',
  ' leading',
  'trailing ',
  '   ',
  '',
  'true',
  '0',
  '\uFEFFbom',
  '\uFFFD',
];

const HOSTILE_UNITS = fc.constantFrom('<', '>', '&', ']', ']]>', '"', "'", '😀', '\u202E', 'א', 'ع', 'a', ' ', ';', '#');

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE_SAMPLES),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }).map(writable),
  fc.string({ unit: HOSTILE_UNITS, maxLength: 40 }),
  fc.string({ unit: 'grapheme-ascii', minLength: 2_000, maxLength: 12_000 }).map(writable),
);

function valueArbitrary(row: ElementRow, revision: Revision): fc.Arbitrary<boolean | number | string> {
  if (row.kind === 'boolean' || row.kind === 'attribute') return fc.boolean();
  const allowed = allowedValues(row, revision);
  if (allowed) return fc.constantFrom(...allowed.map((entry) => entry.value));
  if (row.kind === 'number') return fc.integer({ min: row.range?.min ?? -1_000_000, max: row.range?.max ?? 1_000_000 });
  if (row.pattern) {
    const regex = row.pattern.regex;
    return fc
      .stringMatching(regex)
      .map(writable)
      .filter((text) => regex.test(text));
  }
  return row.nonEmpty ? hostileString.filter((text) => text !== '') : hostileString;
}

/** Rows that hold a value in `revision` (elements and attributes). */
export function valueRows(revision: Revision): ElementRow[] {
  return (SKYPE_SETTINGS_ELEMENTS as readonly ElementRow[]).filter((row) => row.kind !== 'container' && documents(row, revision));
}

const blank = (value: string | undefined) => value === undefined || value.trim() === '';

/** Makes a random model satisfy the documented rules (mtr-facts §3.2–3.3). */
export function repair(input: SkypeSettings, revision: Revision): SkypeSettings {
  const settings: SkypeSettings = { ...input };
  if (settings.teamsMeetingsEnabled === false && settings.sfbMeetingsEnabled === false) settings.teamsMeetingsEnabled = true;
  if (settings.useCustomInfoForThirdPartyMeetings === true) {
    if (blank(settings.customDisplayNameForThirdPartyMeetings)) settings.customDisplayNameForThirdPartyMeetings = 'Guest';
    if (blank(settings.customDisplayEmailForThirdPartyMeetings)) settings.customDisplayEmailForThirdPartyMeetings = 'guest@example.com';
  }
  const pairs = [
    ['mainFoRDisplay.mainFoRDisplayResolution', 'mainFoRDisplay.mainFoRDisplayScaling'],
    ['extendedFoRDisplay.extendedFoRDisplayResolution', 'extendedFoRDisplay.extendedFoRDisplayScaling'],
  ] as const;
  for (const [resolution, scaling] of pairs) {
    if (settings[resolution] !== undefined && settings[scaling] === undefined) settings[scaling] = 100;
    if (settings[scaling] !== undefined && settings[resolution] === undefined) settings[resolution] = '1920,1080';
    if (settings[resolution] !== undefined) settings.enableResolutionAndScalingSetting = true;
  }
  const colours = ['theming.customThemeColor.redComponent', 'theming.customThemeColor.greenComponent', 'theming.customThemeColor.blueComponent'] as const;
  const anyColour = colours.some((key) => settings[key] !== undefined);
  if (settings['theming.themeName'] === 'Custom') {
    if (revision === 'R3') {
      if (blank(settings['theming.customBackgroundMainFoRDisplay']) && blank(settings['theming.customThemeImageUrl'])) {
        settings['theming.customBackgroundMainFoRDisplay'] = 'main.png';
      }
      if (!blank(settings['theming.customBackgroundMainFoRDisplay']) && settings.dualScreenMode === true && blank(settings['theming.customBackgroundExtendedFoRDisplay'])) {
        settings['theming.customBackgroundExtendedFoRDisplay'] = 'extended.png';
      }
    } else {
      if (blank(settings['theming.customThemeImageUrl'])) settings['theming.customThemeImageUrl'] = 'theme.jpg';
      for (const key of colours) settings[key] ??= 0;
    }
  }
  if (anyColour) for (const key of colours) settings[key] ??= 128;
  return settings;
}

/** A valid random model for a console of `era`: any subset of the era's settings, hostile text included. */
export function validSettings(era: ConsoleEra): fc.Arbitrary<SkypeSettings> {
  const revision = revisionOfEra(era);
  const shape: Record<string, fc.Arbitrary<boolean | number | string>> = {};
  for (const row of valueRows(revision)) shape[row.key] = valueArbitrary(row, revision);
  const keys = Object.keys(shape);
  // Dense models exercise every element; sparse ones the omission of empty containers.
  const dense = fc.record(shape, { requiredKeys: [] });
  const sparse = fc.subarray(keys, { maxLength: 6 }).chain((chosen) => fc.record(Object.fromEntries(chosen.map((key) => [key, shape[key]!]))));
  return fc.oneof(dense, sparse).map((settings) => repair(settings as SkypeSettings, revision));
}
