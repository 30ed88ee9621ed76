// The console stage: the room's console checklist (shared/checklist), each item a manual task. An
// item's one verbatim value is offered as the value to type; described values (the password among
// them) stay descriptions, exactly as the checklist gives them.
import { buildConsoleChecklist } from '../checklist/build.ts';
import type { ChecklistItem, ChecklistOptions, ChecklistValue } from '../checklist/types.ts';
import type { ChecklistItemView } from '../ipc.ts';
import { resolveRoom, type Room, type Site } from '../model.ts';

export const consoleItemId = (item: Pick<ChecklistItem, 'id'>): string => `console:${item.id}`;
/** An item of the console checklist itself (the console stage also holds the on-site tools' items). */
export const isConsoleChecklistItem = (item: { id: string }): boolean => item.id.startsWith('console:');

const CONSOLE_SHELL = 'Windows PowerShell, elevated, on the console (the Admin account)';

function describeValue(value: ChecklistValue): string {
  switch (value.presentation ?? 'verbatim') {
    case 'verbatim':
    case 'description':
      return `${value.label}: ${value.value}`;
    case 'blank':
      return `${value.label}: (write it down on site)`;
  }
}

function consoleItem(item: ChecklistItem): ChecklistItemView {
  const verbatim = item.values.filter((value) => (value.presentation ?? 'verbatim') === 'verbatim');
  const values = item.values.length > 0 ? `${item.values.map(describeValue).join('; ')}.` : undefined;
  const detail = [values, item.why].filter((part): part is string => part !== undefined).join(' ');
  return {
    id: consoleItemId(item),
    title: item.text,
    state: 'manual',
    ...(detail ? { detail } : {}),
    ...(item.command ? { remediation: { text: 'Run this on the console.', runIn: CONSOLE_SHELL, powershell: item.command } } : {}),
    manual: true,
    ...(verbatim.length === 1 ? { value: verbatim[0]!.value } : {}),
  };
}

export function consoleItems(site: Site, room: Room, options: ChecklistOptions = {}): ChecklistItemView[] {
  const checklist = buildConsoleChecklist(resolveRoom(room, site), site, options);
  return checklist.sections.flatMap((section) => section.items.map(consoleItem));
}
