// What the engine reports: per step, per room and per run. The statuses are the generated scripts'
// (shared/powershell/results.ts), plus `manual` for steps that run elsewhere.
import type { StepId } from '../../shared/plan.ts';

export type StepStatus = 'passed' | 'changed' | 'would-change' | 'failed' | 'pending' | 'manual' | 'skipped';

export interface PropertyChange {
  property: string;
  before: unknown;
  after: unknown;
}

export interface StepOutcome {
  room: string;
  step: StepId;
  status: StepStatus;
  changes: PropertyChange[];
  message: string;
  /** Filled when the step did not end well: what to do about it. */
  remediation?: string;
  /** The outcome was taken from the journal of an interrupted run: no request was made. */
  fromJournal?: boolean;
}

/** A room's overall state: the worst of its steps, in the words of the JSON. */
export type RoomStatus = 'passed' | 'warning' | 'failed' | 'pending' | 'manual';

export interface RoomOutcome {
  upn: string;
  status: RoomStatus;
  steps: StepOutcome[];
}

export type ProvisionEvent =
  | { type: 'room-started'; room: string }
  | { type: 'step-started'; room: string; step: StepId; title: string }
  | { type: 'step-finished'; outcome: StepOutcome }
  | { type: 'room-finished'; outcome: RoomOutcome };

export function roomStatus(steps: readonly StepOutcome[]): RoomStatus {
  const has = (status: StepStatus) => steps.some((step) => step.status === status);
  if (has('failed') || has('skipped')) return 'failed';
  if (has('pending')) return 'pending';
  if (has('manual')) return 'manual';
  if (has('would-change')) return 'warning';
  return 'passed';
}
