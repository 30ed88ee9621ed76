// A plan step as a checklist item: what it sets, and how far it got (the last run's outcome, a step
// running now, or never run). Steps the app cannot run are manual, with the PowerShell to paste.
import type { ChecklistItemView, RoomOutcomeView, StepOutcomeView } from '../ipc.ts';
import { stepSettings } from '../plan.ts';
import { RUNTIMES } from '../plan/runtimes.ts';
import type { ParamValue, Step, StepId } from '../plan/types.ts';
import { MANUAL_RUNTIMES } from './stages.ts';
import { stepPowerShell } from './step-powershell.ts';
import type { Json } from '../checks/types.ts';

export const stepItemId = (id: StepId): string => `step:${id}`;

type StepStatus = StepOutcomeView['status'];
type Change = StepOutcomeView['changes'][number];

/** How each outcome status reads as an item state. */
export const STEP_STATUS_STATES = {
  passed: 'passed',
  changed: 'passed',
  'would-change': 'pending',
  failed: 'failed',
  skipped: 'failed',
  pending: 'pending',
  manual: 'manual',
} as const satisfies Record<StepStatus, ChecklistItemView['state']>;

const HIDDEN = '(hidden)';

/** Parameters and properties of a step that carry the room password: their values are never shown. */
function secretNames(step: Step): Set<string> {
  const names = new Set<string>();
  const add = (entries: Readonly<Record<string, ParamValue>>) => {
    for (const [name, value] of Object.entries(entries)) if (typeof value === 'object' && value !== null && 'secret' in value) names.add(name.toLowerCase());
  };
  if (step.kind === 'create') add(step.create.parameters);
  if (step.kind === 'ensure') {
    add(step.write.parameters);
    for (const rule of step.properties) {
      if (!rule.write) continue;
      add({ [rule.write.parameter]: rule.write.value, ...rule.write.with });
      if (typeof rule.write.value === 'object' && 'secret' in rule.write.value) names.add(rule.property.toLowerCase());
    }
  }
  return names;
}

function shown(change: Change, secrets: ReadonlySet<string>, side: 'before' | 'after'): Json {
  if (secrets.has(change.property.toLowerCase())) return HIDDEN;
  const value = change[side];
  return value === undefined ? null : (value as Json);
}

function evidenceOf(outcome: StepOutcomeView, step: Step): ChecklistItemView['evidence'] {
  if (outcome.changes.length === 0) return undefined;
  const secrets = secretNames(step);
  const observed: Record<string, Json> = {};
  const expected: Record<string, Json> = {};
  for (const change of outcome.changes) {
    observed[change.property] = shown(change, secrets, 'before');
    expected[change.property] = shown(change, secrets, 'after');
  }
  return { observed, expected } as ChecklistItemView['evidence'];
}

function describeChanges(outcome: StepOutcomeView, step: Step): string {
  const secrets = secretNames(step);
  return outcome.changes
    .map((change) => {
      const after = shown(change, secrets, 'after');
      return `${change.property} -> ${typeof after === 'string' ? after : JSON.stringify(after)}`;
    })
    .join('; ');
}

function settingsSentence(step: Step): string {
  if (step.kind === 'manual') return step.instructions.join(' ');
  const settings = stepSettings(step);
  if (settings.length === 0) return `Checks: ${step.verification}`;
  return `Sets ${settings.map((setting) => `${setting.name} = ${setting.value}`).join('; ')}.`;
}

/** The remediation of a step a person carries out: its words, where it runs, and the PowerShell. */
function manualRemediation(step: Step, text: string): NonNullable<ChecklistItemView['remediation']> {
  const powershell = stepPowerShell(step);
  const runtime = RUNTIMES[step.runtime];
  return {
    text,
    runIn: runtime.manual ? runtime.where : `${runtime.label}: ${runtime.where}`,
    ...(powershell ? { powershell } : {}),
  };
}

function sentence(...parts: (string | undefined)[]): string {
  return parts.filter((part): part is string => part !== undefined && part.trim() !== '').join(' ');
}

export function stepItem(step: Step, outcome: StepOutcomeView | undefined, running: boolean): ChecklistItemView {
  const base = { id: stepItemId(step.id), title: step.title };
  const sets = settingsSentence(step);
  if (running) return { ...base, state: 'running', detail: sentence('Running now.', sets), manual: false };
  if (!outcome) {
    if (MANUAL_RUNTIMES.has(step.runtime)) {
      return {
        ...base,
        state: 'manual',
        detail: sentence(`Done by hand in ${RUNTIMES[step.runtime].label}.`, sets),
        remediation: manualRemediation(step, step.kind === 'manual' ? step.instructions.join(' ') : `Run this in ${RUNTIMES[step.runtime].where}, then mark it done.`),
        manual: true,
      };
    }
    return { ...base, state: 'pending', detail: sentence('Not run yet.', sets), manual: false };
  }
  const state = STEP_STATUS_STATES[outcome.status];
  const evidence = evidenceOf(outcome, step);
  const item: ChecklistItemView = { ...base, state, manual: state === 'manual', ...(evidence ? { evidence } : {}) };
  switch (outcome.status) {
    case 'passed':
    case 'changed':
      return { ...item, detail: sentence(outcome.message, sets) };
    case 'would-change':
      return { ...item, detail: sentence(`Would change: ${describeChanges(outcome, step) || outcome.message}.`, outcome.changes.length > 0 ? outcome.message : undefined) };
    case 'pending':
      return { ...item, detail: sentence('Waiting for replication.', outcome.message), remediation: { text: outcome.remediation ?? step.remediation } };
    case 'failed':
    case 'skipped':
      return { ...item, detail: outcome.message, remediation: { text: outcome.remediation ?? step.remediation } };
    case 'manual':
      return { ...item, detail: sentence(outcome.message, sets), remediation: manualRemediation(step, outcome.remediation ?? step.remediation) };
  }
}

/** The outcome of each step in a run (the last one wins when a step appears twice). */
export function outcomesByStep(provision: RoomOutcomeView | undefined): Map<StepId, StepOutcomeView> {
  const outcomes = new Map<StepId, StepOutcomeView>();
  for (const outcome of provision?.steps ?? []) outcomes.set(outcome.step, outcome);
  return outcomes;
}
