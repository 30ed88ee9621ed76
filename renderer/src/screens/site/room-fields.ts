// The room form's fields, in the order the dialog shows them, grouped. Labels come from the catalogue
// (field.<name>); the shapes come from RoomSchema in shared/model.ts.
import { MEETING_MODES, PROVISION_MODES, type Room, type RoomField } from '../../../../shared/model.ts';
import { MEETING_MODE_LABELS } from '../../../../shared/topology.ts';
import { t, type StringKey } from '../../strings/t.ts';

export interface RoomFieldSpec {
  name: RoomField;
  required?: boolean;
  kind?: 'text' | 'number' | 'select';
  options?: readonly { value: string; label: string }[];
  /** Shown under the field. */
  placeholder?: string;
}

export interface RoomFieldGroup {
  title: StringKey;
  fields: readonly RoomFieldSpec[];
}

const modeOptions = PROVISION_MODES.map((mode) => ({ value: mode, label: t(mode === 'create' ? 'mode.create' : 'mode.convert') }));
const meetingModeOptions = MEETING_MODES.map((mode) => ({ value: mode, label: MEETING_MODE_LABELS[mode] }));

export const ROOM_FIELD_GROUPS: readonly RoomFieldGroup[] = [
  {
    title: 'roomDialog.section.identity',
    fields: [
      { name: 'upn', required: true, placeholder: 'boardroom@contoso.com' },
      { name: 'displayName', required: true },
      { name: 'alias' },
      { name: 'mailboxName' },
      { name: 'primarySmtpAddress' },
      { name: 'mode', kind: 'select', options: modeOptions },
    ],
  },
  {
    title: 'roomDialog.section.licensing',
    fields: [{ name: 'usageLocation', placeholder: 'US' }, { name: 'license' }, { name: 'conditionalAccessGroup', placeholder: 'Teams Rooms' }],
  },
  {
    title: 'roomDialog.section.location',
    fields: [
      { name: 'capacity', kind: 'number' },
      { name: 'building' },
      { name: 'floor' },
      { name: 'street' },
      { name: 'city' },
      { name: 'state' },
      { name: 'postalCode' },
      { name: 'countryOrRegion' },
      { name: 'roomList' },
      { name: 'timeZone', placeholder: 'W. Europe Standard Time' },
    ],
  },
  {
    title: 'roomDialog.section.onPremises',
    fields: [
      { name: 'sipAddress' },
      { name: 'registrarPool' },
      { name: 'organizationalUnit', placeholder: 'OU=Rooms,DC=contoso,DC=com' },
      { name: 'samAccountName' },
      { name: 'meetingMode', kind: 'select', options: meetingModeOptions },
    ],
  },
];

export type RoomDraft = Partial<Record<RoomField, string>>;

export function draftOf(room: Room | undefined): RoomDraft {
  const draft: RoomDraft = {};
  if (!room) return draft;
  for (const [key, value] of Object.entries(room) as [RoomField, unknown][]) {
    if (value !== undefined && value !== null) draft[key] = String(value);
  }
  return draft;
}

/** The draft as a Room: trimmed, empty fields left out. `capacity` that is not a whole number comes back as a problem. */
export function roomOf(draft: RoomDraft): { room: Room; problems: Partial<Record<RoomField, 'roomDialog.notANumber'>> } {
  const room: Record<string, unknown> = {};
  const problems: Partial<Record<RoomField, 'roomDialog.notANumber'>> = {};
  for (const [key, raw] of Object.entries(draft) as [RoomField, string | undefined][]) {
    const value = raw?.trim();
    if (!value) continue;
    if (key === 'capacity') {
      const number = Number(value);
      if (/^\d+$/.test(value) && Number.isSafeInteger(number)) room[key] = number;
      else problems[key] = 'roomDialog.notANumber';
      continue;
    }
    room[key] = value;
  }
  room.upn ??= '';
  room.displayName ??= '';
  return { room: room as Room, problems };
}
