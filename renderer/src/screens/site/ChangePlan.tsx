// A room's planned or applied steps with each property's before -> after.
import type { RoomOutcomeView } from '../../../../shared/ipc.ts';
import { t } from '../../strings/t.ts';

const shown = (value: unknown) => (value === undefined || value === null ? t('preflight.nothing') : typeof value === 'string' ? value : JSON.stringify(value));

export function ChangePlan({ outcome }: { outcome: RoomOutcomeView }) {
  return (
    <details className="plan-room">
      <summary>{t('preflight.planRoom', { room: outcome.upn, status: t(`roomStatus.${outcome.status}`) })}</summary>
      <ol className="step-list">
        {outcome.steps.map((step) => (
          <li key={step.step}>
            <span className={`step-status step-${step.status}`}>{t(`stepStatus.${step.status}`)}</span> <code>{step.step}</code> — {step.message}
            {step.changes.length > 0 && (
              <ul className="change-list">
                {step.changes.map((change) => (
                  <li key={change.property}>{t('preflight.change', { property: change.property, before: shown(change.before), after: shown(change.after) })}</li>
                ))}
              </ul>
            )}
            {step.remediation && <p className="muted">{step.remediation}</p>}
          </li>
        ))}
      </ol>
    </details>
  );
}
