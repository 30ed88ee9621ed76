// validate.run's report: the coverage summary, then each room's checks with status and evidence.
import type { ChannelOutput } from '../../../../shared/ipc.ts';
import { t } from '../../strings/t.ts';

export type ValidationReportView = ChannelOutput<'validate.run'>;
type CheckView = ValidationReportView['tenant'][number];

function CheckList({ results }: { results: readonly CheckView[] }) {
  return (
    <ul className="check-list">
      {results.map((check) => (
        <li key={check.id} className={`check check-${check.status}`}>
          <strong>{check.title}</strong>: {t(`state.${check.status}`)} — {check.message}
          {check.remediation && <div className="muted">{check.remediation.text}</div>}
        </li>
      ))}
    </ul>
  );
}

export function ValidateResults({ report }: { report: ValidationReportView }) {
  const c = report.coverage;
  return (
    <div className="validate-results">
      <h3>{t('validate.title')}</h3>
      <p>{t('validate.summary', { rooms: c.rooms, passed: c.passed, failed: c.failed, warning: c.warning, unknown: c.unknown })}</p>
      {report.tenant.length > 0 && (
        <details>
          <summary>{t('validate.tenant')}</summary>
          <CheckList results={report.tenant} />
        </details>
      )}
      {report.rooms.map((room) => (
        <details key={room.upn} className="plan-room">
          <summary>{t('validate.room', { room: room.upn, status: t(`state.${room.status}`) })}</summary>
          <CheckList results={room.results} />
        </details>
      ))}
    </div>
  );
}
