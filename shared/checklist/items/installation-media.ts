// Building the USB installation media with CreateSrsMedia.ps1 (mtr-facts.md §4.1).
import { consoleSetupPage, TEAMS_ERAS } from '../context.ts';
import { CREATE_SRS_MEDIA_URL, DEPLOYMENT_KIT_URL, SOURCES, SRS_MEDIA_UPDATE, USB_MIN_GB } from '../facts.ts';
import type { ChecklistItemDefinition } from '../types.ts';
import { verbatim } from '../values.ts';


export const INSTALLATION_MEDIA_ITEMS: readonly ChecklistItemDefinition[] = [
  {
    id: 'media.usb-stick',
    section: 'installation-media',
    kind: 'check',
    text: `The USB stick has at least ${USB_MIN_GB} GB and holds nothing you need: everything on it is erased.`,
    source: consoleSetupPage,
  },
  {
    id: 'media.fat32',
    section: 'installation-media',
    kind: 'check',
    eras: ['srs-v2'],
    text: 'The USB stick is formatted FAT32.',
    why: 'CreateSrsMedia.ps1 only writes to a removable FAT32 drive.',
    source: SOURCES.scripts,
  },
  {
    id: 'media.build-pc',
    section: 'installation-media',
    kind: 'check',
    text: (context) =>
      context.era === 'srs-v2'
        ? 'The PC that builds the media runs Windows 10.'
        : 'The PC that builds the media runs the same or a later Windows version than the media you are creating.',
    source: consoleSetupPage,
  },
  {
    id: 'media.srs-downloads',
    section: 'installation-media',
    kind: 'type',
    eras: ['srs-v2'],
    text: 'Download the deployment kit MSI and the Windows update below, and put both next to CreateSrsMedia.ps1.',
    values: () => [verbatim('Deployment kit', DEPLOYMENT_KIT_URL), verbatim('Windows update (.msu)', SRS_MEDIA_UPDATE)],
    why: 'The script looks for the kit beside itself; Windows 10 1607 is no longer supported for new images.',
    source: SOURCES.consoleSrs,
  },
  {
    id: 'media.srs-windows',
    section: 'installation-media',
    kind: 'check',
    eras: ['srs-v2'],
    text: 'You have Windows 10 Enterprise media (OEM: Enterprise IoT) of the build the kit requires, and the driver MSI for this console hardware and that build.',
    source: SOURCES.scripts,
  },
  {
    id: 'media.teams-windows',
    section: 'installation-media',
    kind: 'check',
    eras: TEAMS_ERAS,
    text: 'You have the Windows build the script asks for, from the Volume Licensing Service Center; the script downloads the Teams Rooms installer and the other components itself.',
    source: SOURCES.consoleTeams,
  },
  {
    id: 'media.srs-script-folder',
    section: 'installation-media',
    kind: 'check',
    eras: ['srs-v2'],
    text: 'The script sits in a folder whose path has no spaces, on an NTFS drive with about 17.6 GiB free.',
    why: 'The script refuses paths with spaces and non-NTFS drives; it needs room for drivers (1.5 GiB), the Windows image (16 GiB) and the kit.',
    source: SOURCES.scripts,
  },
  {
    id: 'media.run-script',
    section: 'installation-media',
    kind: 'type',
    text: 'Download CreateSrsMedia.ps1, run it from an elevated PowerShell prompt and follow its prompts.',
    values: () => [verbatim('Download', CREATE_SRS_MEDIA_URL)],
    source: consoleSetupPage,
  },
  {
    id: 'media.transcript',
    section: 'installation-media',
    kind: 'check',
    text: 'You noted the name of the transcript (log) file the script prints when it starts.',
    why: 'Support asks for that transcript when media creation fails.',
    source: consoleSetupPage,
  },
];
