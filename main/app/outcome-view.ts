// The engine's outcomes as the contract carries them: before/after values as plain JSON.
import type { RoomOutcomeView, StepOutcomeView } from '../../shared/ipc.ts';
import type { RoomOutcome, StepOutcome } from '../provision/types.ts';

const json = (value: unknown) => (value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as StepOutcomeView['changes'][number]['before']));

export function stepOutcomeView(step: StepOutcome): StepOutcomeView {
  return {
    room: step.room,
    step: step.step,
    status: step.status,
    changes: step.changes.map((change) => {
      const before = json(change.before);
      const after = json(change.after);
      return { property: change.property, ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) };
    }),
    message: step.message,
    ...(step.remediation !== undefined ? { remediation: step.remediation } : {}),
    ...(step.fromJournal ? { fromJournal: true } : {}),
  };
}

export function roomOutcomeView(room: RoomOutcome): RoomOutcomeView {
  return { upn: room.upn, status: room.status, steps: room.steps.map(stepOutcomeView) };
}
