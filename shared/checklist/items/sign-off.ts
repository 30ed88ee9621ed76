// Sign-off, after the deployment-checklist template's sign-off table (peers.md §1.7, §4) and the
// advice to rotate a password that was disclosed on site (peers.md §3).
import { SOURCES } from '../facts.ts';
import type { ChecklistItemDefinition, ChecklistValue } from '../types.ts';
import { blank } from '../values.ts';

const signature = (): ChecklistValue[] => [blank('Name'), blank('Role'), blank('Date'), blank('Signature')];

export const SIGN_OFF_ITEMS: readonly ChecklistItemDefinition[] = [
  {
    id: 'sign-off.password-disclosure',
    section: 'sign-off',
    kind: 'check',
    text: 'The room password was seen only through the secure handoff; if anyone else saw it, the admin is told to change it.',
  },
  {
    id: 'sign-off.notes',
    section: 'sign-off',
    kind: 'do',
    text: 'Record open issues and notes.',
    values: () => [blank('Notes')],
    source: SOURCES.deploymentChecklist,
  },
  {
    id: 'sign-off.installer',
    section: 'sign-off',
    kind: 'do',
    text: 'Installer sign-off.',
    values: signature,
    source: SOURCES.deploymentChecklist,
  },
  {
    id: 'sign-off.customer',
    section: 'sign-off',
    kind: 'do',
    text: 'Customer sign-off.',
    values: signature,
    source: SOURCES.deploymentChecklist,
  },
];
