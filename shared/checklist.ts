// The on-site console checklist: one table of items (shared/checklist/items.ts) evaluated per room
// into plain data, and that data rendered as a printable Markdown task list.
export { buildConsoleChecklist } from './checklist/build.ts';
export { renderChecklistMarkdown } from './checklist/markdown.ts';
export { CHECKLIST_ITEMS } from './checklist/items.ts';
export { CHECKLIST_SECTIONS, type ChecklistSectionId } from './checklist/sections.ts';
export { MEETING_MODE_LABELS, PASSWORD_DESCRIPTION, PASSWORD_NOTICE } from './checklist/facts.ts';
export type {
  ChecklistItem,
  ChecklistItemDefinition,
  ChecklistItemKind,
  ChecklistOptions,
  ChecklistSection,
  ChecklistValue,
  ConsoleChecklist,
  TeamsSignIn,
  ValuePresentation,
} from './checklist/types.ts';
