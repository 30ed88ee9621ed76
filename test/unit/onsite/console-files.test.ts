import { describe, expect, it } from 'vitest';
import { consoleFileProblem, consoleGrantCommand, grantArguments, LOCAL_STATE_FOLDER, localStatePath } from '../../../shared/onsite/console-files.ts';

describe('consoleFileProblem', () => {
  it.each(['SkypeSettings.xml', 'theme.png', 'Lobby Main (4K).JPG', 'fond-écran_2.jpeg', 'console.bmp'])('accepts %s', (name) => {
    expect(consoleFileProblem(name)).toBeUndefined();
  });

  it.each([
    ['../theme.png', /folder/],
    ['images/theme.png', /folder/],
    ['images\\theme.png', /folder/],
    ['theme..png', /\.\./],
    ['theme.gif', /jpg, jpeg, png, bmp/],
    ['theme', /jpg, jpeg, png, bmp/],
    ['skypesettings.xml', /exactly SkypeSettings\.xml/],
    ['other.xml', /jpg, jpeg, png, bmp/],
    ['50%.png', /letters, digits/],
    ['a"b.png', /letters, digits/],
    ['a^b.png', /letters, digits/],
    ['tab\there.png', /letters, digits/],
    ['.hidden.png', /start or end/],
    ['CON.png', /device/],
    ['', /empty/],
    [`${'x'.repeat(200)}.png`, /longer/],
  ])('refuses %j', (name, why) => {
    expect(consoleFileProblem(name)).toMatch(why);
  });
});

describe('the grant', () => {
  it('gives the Skype user full control, as arguments and as a Command Prompt line', () => {
    const path = localStatePath('SkypeSettings.xml');
    expect(path).toBe(`${LOCAL_STATE_FOLDER}\\SkypeSettings.xml`);
    expect(grantArguments(path)).toEqual([path, '/grant', 'Skype:(F)']);
    expect(consoleGrantCommand(path)).toBe(
      'icacls "C:\\Users\\Skype\\AppData\\Local\\Packages\\Microsoft.SkypeRoomSystem_8wekyb3d8bbwe\\LocalState\\SkypeSettings.xml" /grant Skype:(F)',
    );
  });
});
