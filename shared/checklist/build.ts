// buildConsoleChecklist: evaluates the item table for one room into plain data. Nothing of the room
// is copied wholesale: only the fields named here reach the result, so no secret can ride along.
import { CONSOLE_ERA_INFO } from '../console-era.ts';
import type { ResolvedRoom, Site } from '../model.ts';
import { checklistContext, meetingModeLabel } from './context.ts';
import { PASSWORD_NOTICE } from './facts.ts';
import { CHECKLIST_ITEMS } from './items.ts';
import { CHECKLIST_SECTIONS } from './sections.ts';
import type { ChecklistContext, ChecklistItem, ChecklistItemDefinition, ChecklistOptions, ConsoleChecklist, Derived } from './types.ts';

function resolve<T>(value: Derived<T>, context: ChecklistContext): T {
  return typeof value === 'function' ? (value as (context: ChecklistContext) => T)(context) : value;
}

function applies(item: ChecklistItemDefinition, context: ChecklistContext): boolean {
  return (item.eras === undefined || item.eras.includes(context.era)) && (item.when === undefined || item.when(context));
}

function evaluate(item: ChecklistItemDefinition, context: ChecklistContext): ChecklistItem {
  const result: ChecklistItem = {
    id: item.id,
    kind: item.kind,
    text: resolve(item.text, context),
    values: item.values ? item.values(context) : [],
  };
  if (item.command) result.command = item.command(context);
  const why = item.why === undefined ? undefined : resolve(item.why, context);
  if (why !== undefined) result.why = why;
  if (item.source !== undefined) result.source = resolve(item.source, context);
  return result;
}

export function buildConsoleChecklist(room: ResolvedRoom, site: Site, options: ChecklistOptions = {}): ConsoleChecklist {
  const context = checklistContext(room, site, options);
  const sections = CHECKLIST_SECTIONS.map(({ id, title }) => ({
    id,
    title,
    items: CHECKLIST_ITEMS.filter((item) => item.section === id && applies(item, context)).map((item) => evaluate(item, context)),
  })).filter((section) => section.items.length > 0);

  const checklist: ConsoleChecklist = {
    title: `Console checklist: ${room.displayName}`,
    site: site.name,
    room: { displayName: room.displayName, upn: room.upn, meetingMode: room.meetingMode, meetingModeLabel: meetingModeLabel(context) },
    topology: { id: context.topology.id, label: context.topology.label },
    era: { id: context.era, label: CONSOLE_ERA_INFO[context.era].label },
    passwordNotice: PASSWORD_NOTICE,
    sections,
  };
  if (room.building) checklist.room.building = room.building;
  if (room.floor) checklist.room.floor = room.floor;
  if (context.topology.warning) checklist.topology.warning = context.topology.warning;
  if (options.generatedAt) checklist.generatedAt = options.generatedAt;
  return checklist;
}
