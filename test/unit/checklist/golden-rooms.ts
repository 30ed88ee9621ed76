// The rooms behind the checked-in golden checklists in test/fixtures/checklist/.
import type { ChecklistOptions } from '../../../shared/checklist.ts';
import { resolveRoom, SiteSchema, type ResolvedRoom, type Site } from '../../../shared/model.ts';

export interface GoldenCase {
  file: string;
  site: Site;
  room: ResolvedRoom;
  options: ChecklistOptions;
}

function golden(file: string, site: Site, options: ChecklistOptions): GoldenCase {
  return { file, site, room: resolveRoom(site.rooms[0]!, site), options };
}

export const GOLDEN_CASES: readonly GoldenCase[] = [
  golden(
    'onprem-srs-v2.md',
    SiteSchema.parse({
      name: 'Contoso HQ',
      topology: 'onprem',
      defaults: { appVersion: '4.8', registrarPool: 'pool01.contoso.com', organizationalUnit: 'OU=Skype_Room_System,OU=Resources,DC=contoso,DC=com' },
      rooms: [{ upn: 'mtr-board@contoso.com', displayName: 'Boardroom 4.01', building: 'HQ', floor: '4' }],
    }),
    { skypeSettingsFile: 'mtr-board/SkypeSettings.xml', computerName: 'MTR-BOARD-01' },
  ),
  golden(
    'teams-online-teams-4.17.md',
    SiteSchema.parse({
      name: 'Contoso HQ',
      topology: 'teams-online',
      defaults: { appVersion: '5.2.115.0', usageLocation: 'US', license: 'Microsoft_Teams_Rooms_Pro' },
      rooms: [{ upn: 'mtr-huddle@contoso.com', displayName: 'Huddle 2.14', building: 'HQ', floor: '2' }],
    }),
    { skypeSettingsFile: 'mtr-huddle/SkypeSettings.xml' },
  ),
];
