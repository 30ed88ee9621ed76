// The last validation as checklist items: one per check result in the validate stage, and each
// result that does not pass once more in the stage whose step sets what it checks.
import { checkById } from '../checks/registry.ts';
import type { CheckResult } from '../checks/types.ts';
import type { ChecklistItemView } from '../ipc.ts';
import { CHECK_CATEGORY_STAGES, type StepStage } from './stages.ts';

export interface ValidationInput {
  generatedAt: string;
  results: readonly CheckResult[];
}

export const checkItemId = (result: Pick<CheckResult, 'id'>): string => `check:${result.id}`;
/** The same finding where its fix belongs. */
export const stageCheckItemId = (result: Pick<CheckResult, 'id'>): string => `finding:${result.id}`;

function resultItem(result: CheckResult, id: string, title: string): ChecklistItemView {
  const detail = result.status === 'unknown' && result.reason ? `${result.message} ${result.reason}` : result.message;
  return {
    id,
    title,
    state: result.status,
    detail,
    evidence: result.evidence as ChecklistItemView['evidence'],
    ...(result.remediation ? { remediation: { ...result.remediation } } : {}),
    manual: false,
  };
}

export function validateItems(validation: ValidationInput | undefined): ChecklistItemView[] {
  if (!validation) {
    return [{ id: 'validate:not-run', title: 'Validation', state: 'pending', detail: 'Validation has not run for this room yet.', manual: false }];
  }
  if (validation.results.length === 0) {
    return [{ id: 'validate:no-results', title: 'Validation', state: 'unknown', detail: `The validation of ${validation.generatedAt} has no results for this room.`, manual: false }];
  }
  return validation.results.map((result) => resultItem(result, checkItemId(result), result.title));
}

/** Results that do not pass, by the stage their category belongs to. */
export function findingsByStage(validation: ValidationInput | undefined): Map<StepStage, ChecklistItemView[]> {
  const byStage = new Map<StepStage, ChecklistItemView[]>();
  for (const result of validation?.results ?? []) {
    if (result.status === 'passed') continue;
    const stage = CHECK_CATEGORY_STAGES[checkById(result.id).category];
    byStage.set(stage, [...(byStage.get(stage) ?? []), resultItem(result, stageCheckItemId(result), `Validation: ${result.title}`)]);
  }
  return byStage;
}
