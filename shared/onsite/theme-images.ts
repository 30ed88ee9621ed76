// The image files a SkypeSettings.xml asks the Teams Rooms app to find next to it (mtr-facts.md §3.1,
// §3.3: the Theming elements name a file in LocalState, no folder), and whether the images handed
// over with it match: a named image left behind breaks the custom theme; an image the file does not
// name is never read and never deleted by the app.
import type { ConsoleEra } from '../console-era.ts';
import type { SettingKey, SkypeSettings } from '../skype-settings/elements.ts';
import { revisionOfEra, xmlPath } from '../skype-settings/schema.ts';

/** The settings whose value is an image's file name. */
export const THEME_IMAGE_SETTINGS = [
  'theming.customThemeImageUrl',
  'theming.customBackgroundMainFoRDisplay',
  'theming.customBackgroundExtendedFoRDisplay',
  'theming.customBackgroundConsole',
] as const satisfies readonly SettingKey[];

export interface NamedImage {
  /** The element, e.g. "SkypeSettings/Theming/CustomThemeImageUrl". */
  element: string;
  fileName: string;
}

/** The image files the settings name, each once per element that names it. */
export function imagesNamedBy(settings: SkypeSettings, era: ConsoleEra): NamedImage[] {
  const revision = revisionOfEra(era);
  return THEME_IMAGE_SETTINGS.flatMap((key) => {
    const value = settings[key];
    return typeof value === 'string' && value.trim() !== '' ? [{ element: xmlPath(key, revision), fileName: value.trim() }] : [];
  });
}

/** What does not match between the images the settings name and those given; empty when all is well. */
export function themeImageProblems(settings: SkypeSettings, era: ConsoleEra, given: readonly string[], settingsFile: string): string[] {
  const named = imagesNamedBy(settings, era);
  const givenLower = new Set(given.map((name) => name.toLowerCase()));
  const namedLower = new Set(named.map((image) => image.fileName.toLowerCase()));
  return [
    ...named.filter((image) => !givenLower.has(image.fileName.toLowerCase())).map((image) => `${settingsFile} names the image "${image.fileName}" (${image.element}): choose that file too`),
    ...given.filter((name) => !namedLower.has(name.toLowerCase())).map((name) => `${name} is not named by any Theming element of ${settingsFile}: the app would never read or delete it`),
  ];
}
