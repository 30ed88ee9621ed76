// Placing the room's generated SkypeSettings.xml on the console (mtr-facts.md §3.1): the app applies
// the file at startup and then deletes it, so a file still present after a restart was not processed.
import { meetingModeLabel, usesSkypeForBusiness } from '../context.ts';
import { LOCAL_STATE_FOLDER, SKYPE_SETTINGS_FILE_NAME, SOURCES } from '../facts.ts';
import type { ChecklistItemDefinition } from '../types.ts';
import { verbatim } from '../values.ts';

export const CONSOLE_SETTINGS_ITEMS: readonly ChecklistItemDefinition[] = [
  {
    id: 'console-settings.copy',
    section: 'console-settings',
    kind: 'type',
    text: "In Admin mode, copy this room's settings file from its package into the app's LocalState folder under the exact name below.",
    values: (context) => [
      verbatim('File in the room package', context.options.skypeSettingsFile ?? SKYPE_SETTINGS_FILE_NAME),
      verbatim('Folder on the console', LOCAL_STATE_FOLDER),
      verbatim('Name on the console', SKYPE_SETTINGS_FILE_NAME),
    ],
    why: 'The app reads only a file of exactly this name in this folder.',
    source: SOURCES.xmlConfig,
  },
  {
    id: 'console-settings.images',
    section: 'console-settings',
    kind: 'do',
    text: 'If the package also holds theme or background images, copy them into the same folder.',
    why: 'The settings file names the images without a path; the app deletes them after applying the file.',
    source: SOURCES.xmlConfig,
  },
  {
    id: 'console-settings.permissions',
    section: 'console-settings',
    kind: 'check',
    text: 'The local Skype user can read, write and delete the file (best: Skype owns it with full control).',
    why: 'With wrong permissions the settings may not apply, the file may not be deleted and the app may even crash.',
    source: SOURCES.xmlConfig,
  },
  {
    id: 'console-settings.restart',
    section: 'console-settings',
    kind: 'do',
    text: 'Restart the console; the app applies the file when it starts.',
    source: SOURCES.xmlConfig,
  },
  {
    id: 'console-settings.consumed',
    section: 'console-settings',
    kind: 'check',
    text: 'After the restart the file is gone from the LocalState folder. If it is still there, it was not processed: check its permissions and ask the admin to validate it.',
    why: 'The app deletes the file once it has applied it; a badly formed file is applied only up to the first error.',
    source: SOURCES.xmlConfig,
  },
  {
    id: 'console-settings.meeting-mode',
    section: 'console-settings',
    kind: 'check',
    eras: ['teams-4.17'],
    when: usesSkypeForBusiness,
    text: 'In the app, More (…) → Settings → admin password → Account tab shows the supported meeting mode below.',
    values: (context) => [verbatim('Supported meeting mode', meetingModeLabel(context))],
    why: 'First-time setup of app 4.17 and later has no meeting-mode screen: the settings file sets it.',
    source: SOURCES.xmlConfig,
  },
];
