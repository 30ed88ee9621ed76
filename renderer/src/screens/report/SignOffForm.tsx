// One party's sign-off (installer or customer): name, role, date, and a signature typed or drawn.
// The recorded sign-off is shown above the form; signing again replaces it.
import { Button, Field, Input, Radio, RadioGroup } from '@fluentui/react-components';
import { useState } from 'react';
import type { RoomRecord } from '../../../../shared/ipc.ts';
import type { Signature, SignOffParty } from '../../../../shared/report/schema.ts';
import { call, type Failure } from '../../api/client.ts';
import { useApi } from '../../api/context.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { FailureMessage } from '../../components/FailureMessage.tsx';
import { t } from '../../strings/t.ts';
import { SignaturePad } from './SignaturePad.tsx';

/** Today in the user's time zone, as YYYY-MM-DD. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export interface SignOffFormProps {
  siteId: string;
  upn: string;
  party: SignOffParty;
  record: RoomRecord;
  onRecorded: (record: RoomRecord) => void;
}

export function SignOffForm({ siteId, upn, party, record, onRecorded }: SignOffFormProps) {
  const api = useApi();
  const announce = useAnnounce();
  const current = record.signOffs.find((signOff) => signOff.party === party);
  const partyName = t(`report.signOff.${party}`);
  const [name, setName] = useState(current?.name ?? '');
  const [role, setRole] = useState(current?.role ?? '');
  const [date, setDate] = useState(today());
  const [kind, setKind] = useState<Signature['kind']>('typed');
  const [typed, setTyped] = useState('');
  const [drawn, setDrawn] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const id = (field: string) => `signoff-${party}-${field}`;

  const submit = async () => {
    if (kind === 'drawn' && drawn === null) {
      setFailure({ ok: false, code: 'invalid-input', message: t('report.signOff.needDrawing') });
      return;
    }
    const signature: Signature = kind === 'drawn' ? { kind: 'drawn', mediaType: 'image/png', data: drawn! } : { kind: 'typed', text: typed.trim() || name.trim() };
    setBusy(true);
    const result = await call(() => api.reports.signOff({ siteId, upn, party, name: name.trim(), role: role.trim(), date, signature }));
    setBusy(false);
    if (result.ok) {
      setFailure(null);
      onRecorded(result.data);
      announce(t('report.signOff.done', { party: partyName, name: name.trim(), role: role.trim(), date }));
    } else setFailure(result);
  };

  return (
    <section className="card sign-off" aria-labelledby={id('title')}>
      <h3 id={id('title')}>{t('report.signOff.partyTitle', { party: partyName })}</h3>
      {current ? (
        <div className="sign-off-current">
          <p>{t('report.signOff.current', { name: current.name, role: current.role, date: current.date })}</p>
          {current.signature.kind === 'drawn' ? (
            <img className="signature-image" src={`data:image/png;base64,${current.signature.data}`} alt={t('report.signOff.signatureAlt', { name: current.name })} />
          ) : (
            <p className="typed-signature">{current.signature.text}</p>
          )}
        </div>
      ) : (
        <p className="muted">{t('report.signOff.none')}</p>
      )}
      <form
        className="sign-off-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Field label={t('report.signOff.name')} required>
          <Input id={id('name')} value={name} maxLength={200} onChange={(_, data) => setName(data.value)} />
        </Field>
        <Field label={t('report.signOff.role')} required>
          <Input id={id('role')} value={role} maxLength={200} onChange={(_, data) => setRole(data.value)} />
        </Field>
        <Field label={t('report.signOff.date')} required>
          <Input id={id('date')} type="date" value={date} onChange={(_, data) => setDate(data.value)} />
        </Field>
        <Field label={t('report.signOff.kind')}>
          <RadioGroup
            layout="horizontal"
            value={kind}
            onChange={(_, data) => {
              setKind(data.value as Signature['kind']);
              setDrawn(null);
            }}
          >
            <Radio value="typed" label={t('report.signOff.typed')} />
            <Radio value="drawn" label={t('report.signOff.drawn')} />
          </RadioGroup>
        </Field>
        {kind === 'typed' ? (
          <Field label={t('report.signOff.typedText')}>
            <Input id={id('typed')} value={typed} placeholder={name} maxLength={200} onChange={(_, data) => setTyped(data.value)} />
          </Field>
        ) : (
          <SignaturePad label={t('report.signOff.pad', { party: partyName.toLowerCase() })} onChange={setDrawn} />
        )}
        <div className="button-row">
          <Button type="submit" appearance="primary" disabled={busy || name.trim() === '' || role.trim() === '' || date === ''}>
            {t('report.signOff.submit', { party: partyName.toLowerCase() })}
          </Button>
        </div>
        <FailureMessage failure={failure} />
      </form>
    </section>
  );
}
