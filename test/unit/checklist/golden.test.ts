// Golden checklists, reviewed line by line against mtr-facts.md §4. Not a snapshot: the files are
// checked in by hand and never rewritten by the test; a difference means the checklist changed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildConsoleChecklist, renderChecklistMarkdown } from '../../../shared/checklist.ts';
import { GOLDEN_CASES } from './golden-rooms.ts';

describe('golden checklists', () => {
  for (const golden of GOLDEN_CASES) {
    it(`renders ${golden.file} exactly`, () => {
      const expected = readFileSync(new URL(`../../fixtures/checklist/${golden.file}`, import.meta.url), 'utf8');
      expect(renderChecklistMarkdown(buildConsoleChecklist(golden.room, golden.site, golden.options))).toBe(expected);
    });
  }
});
