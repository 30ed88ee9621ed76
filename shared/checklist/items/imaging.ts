// Imaging the console from the USB media (mtr-facts.md §4.2).
import { consoleSetupPage } from '../context.ts';
import { LANGUAGE_COMMAND } from '../facts.ts';
import type { ChecklistItemDefinition } from '../types.ts';


export const IMAGING_ITEMS: readonly ChecklistItemDefinition[] = [
  {
    id: 'imaging.undock',
    section: 'imaging',
    kind: 'do',
    text: 'If the console sits in a dock (for example a Surface Pro), take it out of the dock.',
    source: consoleSetupPage,
  },
  {
    id: 'imaging.offline',
    section: 'imaging',
    kind: 'do',
    text: 'Disconnect the console from the network.',
    source: consoleSetupPage,
  },
  {
    id: 'imaging.ac-power',
    section: 'imaging',
    kind: 'do',
    text: 'Connect the console to AC power.',
    source: consoleSetupPage,
  },
  {
    id: 'imaging.boot-usb',
    section: 'imaging',
    kind: 'do',
    text: 'Plug in the USB stick and boot from it. Surface Pro: hold Volume-Down, press and release Power, and release Volume-Down when Windows setup starts.',
    source: consoleSetupPage,
  },
  {
    id: 'imaging.shutdown',
    section: 'imaging',
    kind: 'do',
    text: "Wait until the console shuts down at the end of the installation. Then remove the USB stick, put the console in its dock, attach the room's peripherals and connect the network.",
    source: consoleSetupPage,
  },
  {
    id: 'imaging.language',
    section: 'imaging',
    kind: 'command',
    text: 'Only if the app comes up in the wrong language: in Admin mode open Settings → Time & language, add the language and make it the default, then run this command in an elevated prompt and restart the console.',
    command: () => LANGUAGE_COMMAND,
    source: consoleSetupPage,
  },
];
