// The images a SkypeSettings.xml names (Theming elements, file names in LocalState) against the
// images handed over with it: every named one must come, and nothing it does not name.
import { describe, expect, it } from 'vitest';
import { imagesNamedBy, themeImageProblems } from '../../../shared/onsite/theme-images.ts';
import { parseSkypeSettingsXml } from '../../../shared/skype-settings/parse.ts';

const settingsOf = (theming: string) => parseSkypeSettingsXml(`<SkypeSettings><Theming>${theming}</Theming></SkypeSettings>`, { era: 'teams-4.17' }).settings;

describe('theme images', () => {
  const settings = settingsOf('<ThemeName>Custom</ThemeName><CustomBackgroundMainFoRDisplay>Lobby.png</CustomBackgroundMainFoRDisplay><CustomBackgroundConsole> console.jpg </CustomBackgroundConsole>');

  it('lists each image a Theming element names, with the element', () => {
    expect(imagesNamedBy(settings, 'teams-4.17')).toEqual([
      { element: 'SkypeSettings/Theming/CustomBackgroundMainFoRDisplay', fileName: 'Lobby.png' },
      { element: 'SkypeSettings/Theming/CustomBackgroundConsole', fileName: 'console.jpg' },
    ]);
    expect(imagesNamedBy(settingsOf('<ThemeName>Default</ThemeName>'), 'teams-4.17')).toEqual([]);
  });

  it('accepts exactly the named images (names compared as Windows does, ignoring case)', () => {
    expect(themeImageProblems(settings, 'teams-4.17', ['lobby.PNG', 'console.jpg'], 'room.xml')).toEqual([]);
  });

  it('names a missing image with its element, and an image nothing names', () => {
    const problems = themeImageProblems(settings, 'teams-4.17', ['Lobby.png', 'logo.bmp'], 'room.xml');
    expect(problems).toEqual([
      'room.xml names the image "console.jpg" (SkypeSettings/Theming/CustomBackgroundConsole): choose that file too',
      'logo.bmp is not named by any Theming element of room.xml: the app would never read or delete it',
    ]);
  });
});
