// The checklist table: every item of every section, in order. Each section's rows live in their own
// module under items/; this is the one list the builder reads.
import { CERTIFICATE_ITEMS } from './items/certificates.ts';
import { CONSOLE_SETTINGS_ITEMS } from './items/console-settings.ts';
import { DOMAIN_JOIN_ITEMS } from './items/domain-join.ts';
import { FIRST_RUN_ITEMS } from './items/first-run.ts';
import { IMAGING_ITEMS } from './items/imaging.ts';
import { INSTALLATION_MEDIA_ITEMS } from './items/installation-media.ts';
import { MANAGEMENT_ITEMS } from './items/management.ts';
import { NETWORK_ITEMS } from './items/network.ts';
import { POST_SETUP_ITEMS } from './items/post-setup.ts';
import { SIGN_OFF_ITEMS } from './items/sign-off.ts';
import { WINDOWS_SETTINGS_ITEMS } from './items/windows-settings.ts';
import type { ChecklistItemDefinition } from './types.ts';

export const CHECKLIST_ITEMS: readonly ChecklistItemDefinition[] = [
  ...INSTALLATION_MEDIA_ITEMS,
  ...IMAGING_ITEMS,
  ...FIRST_RUN_ITEMS,
  ...CERTIFICATE_ITEMS,
  ...DOMAIN_JOIN_ITEMS,
  ...WINDOWS_SETTINGS_ITEMS,
  ...CONSOLE_SETTINGS_ITEMS,
  ...POST_SETUP_ITEMS,
  ...NETWORK_ITEMS,
  ...MANAGEMENT_ITEMS,
  ...SIGN_OFF_ITEMS,
];
