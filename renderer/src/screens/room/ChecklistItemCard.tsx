// One checklist item: state (icon + text), detail, evidence (observed vs expected), remediation with
// its PowerShell to copy, the value to type, and for manual items: mark done with a note.
import { Button, Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { ChecklistItemView, RoomProgress } from '../../../../shared/ipc.ts';
import { call, type Failure } from '../../api/client.ts';
import { useApi } from '../../api/context.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { CopyButton } from '../../components/CopyButton.tsx';
import { FailureMessage } from '../../components/FailureMessage.tsx';
import { StateBadge } from '../../components/StateBadge.tsx';
import { t } from '../../strings/t.ts';

const json = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value, null, 2));

export interface ChecklistItemCardProps {
  item: ChecklistItemView;
  siteId: string;
  upn: string;
  onChanged: (progress: RoomProgress) => void;
  /** Larger targets for the console's touch screen. */
  large?: boolean;
  /** Shown inside a step that already names it and shows its values (on-site first-run screens): only state, fix and mark. */
  embedded?: boolean;
}

export function ChecklistItemCard({ item, siteId, upn, onChanged, large = false, embedded = false }: ChecklistItemCardProps) {
  const api = useApi();
  const announce = useAnnounce();
  const [note, setNote] = useState(item.note ?? '');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const done = item.doneAt !== undefined;

  const mark = async (next: boolean) => {
    setBusy(true);
    const trimmed = note.trim();
    const result = await call(() => api.rooms.markManual({ siteId, upn, itemId: item.id, done: next, ...(trimmed ? { note: trimmed } : {}) }));
    setBusy(false);
    if (result.ok) {
      setFailure(null);
      onChanged(result.data);
      announce(t('room.marked', { title: item.title, state: next ? t('room.done') : t('room.notDone') }));
    } else setFailure(result);
  };

  const size = large ? 'large' : 'medium';
  return (
    <li className={`checklist-item item-${item.state}`}>
      <div className="checklist-item-head">
        <StateBadge state={item.state} />
        {!embedded && <h3 className="checklist-item-title">{item.title}</h3>}
      </div>
      {item.detail && !embedded && <p>{item.detail}</p>}
      {item.value !== undefined && !embedded && (
        <div className="value-row">
          <span className="muted">{t('room.value')}</span> <code className="typed-value">{item.value}</code>
          <CopyButton text={item.value} label={t('onsite.copyValue', { label: item.title })} size={size} />
        </div>
      )}
      {item.evidence && (
        <div className="evidence">
          <h4>{t('room.evidence')}</h4>
          <dl>
            <dt>{t('room.observed')}</dt>
            <dd>
              <pre>{json(item.evidence.observed)}</pre>
            </dd>
            <dt>{t('room.expected')}</dt>
            <dd>
              <pre>{json(item.evidence.expected)}</pre>
            </dd>
          </dl>
        </div>
      )}
      {item.remediation && (
        <div className="remediation">
          <h4>{t('room.remediation')}</h4>
          <p>{item.remediation.text}</p>
          {item.remediation.runIn && <p className="muted">{t('room.runIn', { where: item.remediation.runIn })}</p>}
          {item.remediation.powershell && (
            <>
              <pre className="powershell" tabIndex={0} aria-label={t('room.powershell', { title: item.title })}>
                {item.remediation.powershell}
              </pre>
              <CopyButton text={item.remediation.powershell} label={t('room.copyPowerShell', { title: item.title })} size={size} />
            </>
          )}
          {item.remediation.portal && <p className="muted">{t('room.portal', { portal: item.remediation.portal })}</p>}
        </div>
      )}
      {item.manual && (
        <div className="manual">
          {done && item.doneAt && <p>{t('room.doneAt', { date: new Date(item.doneAt).toLocaleString() })}</p>}
          {item.note && done && <p>{t('room.noteShown', { note: item.note })}</p>}
          <Field label={t('room.note', { title: item.title })}>
            <Textarea value={note} resize="vertical" onChange={(_, data) => setNote(data.value)} />
          </Field>
          <Button size={size} appearance={done ? 'secondary' : 'primary'} disabled={busy}
            aria-label={t(done ? 'room.markNotDoneNamed' : 'room.markDoneNamed', { title: item.title })}
            onClick={() => void mark(!done)}
          >
            {done ? t('room.markNotDone') : t('room.markDone')}
          </Button>
          <FailureMessage failure={failure} />
        </div>
      )}
    </li>
  );
}
