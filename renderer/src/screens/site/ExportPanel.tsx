// Export: per-room scripts (export.scripts) and the installer's sealed package (export.package,
// passphrase of at least 12 characters, cleared once sent).
import { Button, Field, Input, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import type { ChannelOutput } from '../../../../shared/ipc.ts';
import { call, type Failure } from '../../api/client.ts';
import { useApi } from '../../api/context.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { FailureMessage } from '../../components/FailureMessage.tsx';
import { t } from '../../strings/t.ts';

const MIN_PASSPHRASE = 12;
type ExportResult = ChannelOutput<'export.scripts'>;

export function ExportPanel({ siteId, upns, scopeText }: { siteId: string; upns: string[] | undefined; scopeText: string }) {
  const api = useApi();
  const announce = useAnnounce();
  const [passphrase, setPassphrase] = useState('');
  const [result, setResult] = useState<ExportResult | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);

  const finish = (outcome: Awaited<ReturnType<typeof call<ExportResult>>>) => {
    setBusy(false);
    if (outcome.ok) {
      setResult(outcome.data);
      setFailure(null);
      announce(t('export.done', { rooms: outcome.data.rooms, files: outcome.data.files, folder: outcome.data.folder }));
    } else if (outcome.code !== 'cancelled') setFailure(outcome);
  };
  const scope = upns ? { upns } : {};
  const exportScripts = async () => {
    setBusy(true);
    finish(await call(() => api.export.scripts({ siteId, ...scope })));
  };
  const exportPackage = async () => {
    const typed = passphrase;
    setPassphrase('');
    setBusy(true);
    finish(await call(() => api.export.package({ siteId, ...scope, passphrase: typed })));
  };

  const short = passphrase.length > 0 && passphrase.length < MIN_PASSPHRASE;
  return (
    <section className="card" aria-labelledby="export-title">
      <h2 id="export-title">{t('export.title')}</h2>
      <p className="muted">{scopeText}</p>
      <div className="button-row">
        <Button disabled={busy} onClick={() => void exportScripts()}>
          {t('export.scripts')}
        </Button>
      </div>
      <Field
        label={t('export.passphrase')}
        hint={t('export.passphraseHint')}
        validationState={short ? 'error' : 'none'}
        validationMessage={short ? t('export.passphraseShort', { count: passphrase.length }) : undefined}
      >
        <Input type="password" autoComplete="new-password" value={passphrase} onChange={(_, data) => setPassphrase(data.value)} />
      </Field>
      <div className="button-row">
        <Button appearance="primary" disabled={busy || passphrase.length < MIN_PASSPHRASE} onClick={() => void exportPackage()}>
          {t('export.package')}
        </Button>
      </div>
      <FailureMessage failure={failure} />
      {result && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {t('export.done', { rooms: result.rooms, files: result.files, folder: result.folder })}
            {result.skipped.length > 0 && (
              <>
                <div>{t('export.skipped')}</div>
                <ul>
                  {result.skipped.map((skip) => (
                    <li key={skip.upn}>{t('common.fieldIssue', { field: skip.upn, message: skip.reason })}</li>
                  ))}
                </ul>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
