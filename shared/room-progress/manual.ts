// Marks a person puts on manual items (by item id): done turns the item passed and keeps the note
// and when; not done keeps it manual, with the note.
import type { ChecklistItemView } from '../ipc.ts';

export interface ManualMark {
  done: boolean;
  note?: string;
  doneAt: string;
}

export function applyMark(item: ChecklistItemView, marks: Readonly<Record<string, ManualMark>>): ChecklistItemView {
  if (!item.manual || item.state !== 'manual' || !Object.hasOwn(marks, item.id)) return item;
  const mark = marks[item.id]!;
  const note = mark.note !== undefined && mark.note !== '' ? { note: mark.note } : {};
  if (!mark.done) return { ...item, ...note };
  return { ...item, state: 'passed', ...note, doneAt: mark.doneAt };
}
