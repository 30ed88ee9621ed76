// The site defaults the Site screen edits, in order. Labels come from the catalogue (field.<name>);
// the values' rules are the model's (SiteDefaultsSchema, checkSiteSettings), applied by main.
import { MEETING_MODES, PROVISION_MODES, type SiteDefaults } from '../../../../shared/model.ts';
import { MEETING_MODE_LABELS } from '../../../../shared/topology.ts';
import { t } from '../../strings/t.ts';

export type SiteDefaultField = Exclude<keyof SiteDefaults, 'additionalResponse'>;

export interface SiteDefaultSpec {
  name: SiteDefaultField;
  options?: readonly { value: string; label: string }[];
  placeholder?: string;
  /** A value the model always has (no empty choice). */
  required?: boolean;
}

export const SITE_DEFAULT_FIELDS: readonly SiteDefaultSpec[] = [
  { name: 'mode', required: true, options: PROVISION_MODES.map((mode) => ({ value: mode, label: t(mode === 'create' ? 'mode.create' : 'mode.convert') })) },
  { name: 'usageLocation', placeholder: 'US' },
  { name: 'license', placeholder: 'Microsoft_Teams_Rooms_Pro' },
  { name: 'conditionalAccessGroup', placeholder: 'Teams Rooms' },
  { name: 'roomList' },
  { name: 'timeZone', placeholder: 'W. Europe Standard Time' },
  { name: 'appVersion', required: true, placeholder: '5.0' },
  { name: 'meetingMode', options: MEETING_MODES.map((mode) => ({ value: mode, label: MEETING_MODE_LABELS[mode] })) },
  { name: 'organizationalUnit', placeholder: 'OU=Rooms,DC=contoso,DC=com' },
  { name: 'registrarPool' },
];

/** The defaults as the form holds them: every field a string, '' for none. */
export function defaultsForm(defaults: SiteDefaults): Record<SiteDefaultField, string> {
  return Object.fromEntries(SITE_DEFAULT_FIELDS.map(({ name }) => [name, String(defaults[name] ?? '')])) as Record<SiteDefaultField, string>;
}
