// Constructors for the values an item lists, so every item states its presentation the same way.
import type { ChecklistValue } from './types.ts';

/** Typed exactly as shown. */
export const verbatim = (label: string, value: string): ChecklistValue => ({ label, value });

/** Says what to enter without being the text itself. */
export const described = (label: string, description: string): ChecklistValue => ({ label, value: description, presentation: 'description' });

/** A room value when known, otherwise a description of what is missing. */
export const verbatimOr = (label: string, value: string | undefined, missing: string): ChecklistValue =>
  value ? verbatim(label, value) : described(label, missing);

/** A line to fill in on paper. */
export const blank = (label: string): ChecklistValue => ({ label, value: '', presentation: 'blank' });
