// Export: per-room scripts (export.scripts) and the installer's sealed package (packages.export):
// a passphrase typed twice (at least MIN_PASSPHRASE_LENGTH characters, both cleared once sent), room passwords only
// when the admin ticks the box, for the selected rooms or all of them.
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import type { ChannelOutput } from '../../../../shared/ipc.ts';
import type { PackageSummary } from '../../../../shared/onsite/results.ts';
import { MIN_PASSPHRASE_LENGTH } from '../../../../shared/passphrase.ts';
import { call, type Failure } from '../../api/client.ts';
import { useApi } from '../../api/context.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { FailureMessage } from '../../components/FailureMessage.tsx';
import { t } from '../../strings/t.ts';

type ExportResult = ChannelOutput<'export.scripts'>;

export function ExportPanel({ siteId, upns, scopeText }: { siteId: string; upns: string[] | undefined; scopeText: string }) {
  const api = useApi();
  const announce = useAnnounce();
  const [result, setResult] = useState<ExportResult | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);

  const scope = upns ? { upns } : {};
  const exportScripts = async () => {
    setBusy(true);
    const outcome = await call(() => api.export.scripts({ siteId, ...scope }));
    setBusy(false);
    if (outcome.ok) {
      setResult(outcome.data);
      setFailure(null);
      announce(t('export.done', { rooms: outcome.data.rooms, files: outcome.data.files, folder: outcome.data.folder }));
    } else if (outcome.code !== 'cancelled') setFailure(outcome);
  };

  return (
    <section className="card" aria-labelledby="export-title">
      <h2 id="export-title">{t('export.title')}</h2>
      <p className="muted">{scopeText}</p>
      <div className="button-row">
        <Button disabled={busy} onClick={() => void exportScripts()}>
          {t('export.scripts')}
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
      <PackageExport siteId={siteId} upns={upns} />
    </section>
  );
}

function PackageExport({ siteId, upns }: { siteId: string; upns: string[] | undefined }) {
  const api = useApi();
  const announce = useAnnounce();
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [includePasswords, setIncludePasswords] = useState(false);
  const [summary, setSummary] = useState<PackageSummary | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);

  const short = passphrase.length > 0 && passphrase.length < MIN_PASSPHRASE_LENGTH;
  const mismatch = repeat.length > 0 && repeat !== passphrase;
  const ready = passphrase.length >= MIN_PASSPHRASE_LENGTH && repeat === passphrase;

  const exportPackage = async () => {
    const typed = passphrase;
    setPassphrase('');
    setRepeat('');
    setBusy(true);
    const outcome = await call(() => api.packages.export({ siteId, ...(upns ? { upns } : {}), includePasswords, passphrase: typed }));
    setBusy(false);
    if (outcome.ok) {
      setSummary(outcome.data);
      setFailure(null);
      announce(t('export.packageDone', { path: outcome.data.path, rooms: outcome.data.rooms, bytes: outcome.data.bytes }));
    } else if (outcome.code !== 'cancelled') setFailure(outcome);
  };

  return (
    <section className="export-package" aria-labelledby="export-package-title">
      <h3 id="export-package-title">{t('export.packageTitle')}</h3>
      <p className="muted">{t('export.packageHint')}</p>
      <div className="field-grid">
        <Field
          label={t('export.passphrase')}
          hint={t('export.passphraseHint')}
          validationState={short ? 'error' : 'none'}
          validationMessage={short ? t('export.passphraseShort', { count: passphrase.length }) : undefined}
        >
          <Input type="password" autoComplete="new-password" value={passphrase} onChange={(_, data) => setPassphrase(data.value)} />
        </Field>
        <Field
          label={t('export.passphraseRepeat')}
          validationState={mismatch ? 'error' : 'none'}
          validationMessage={mismatch ? t('export.passphraseMismatch') : undefined}
        >
          <Input type="password" autoComplete="new-password" value={repeat} onChange={(_, data) => setRepeat(data.value)} />
        </Field>
      </div>
      <Checkbox label={t('export.includePasswords')} checked={includePasswords} onChange={(_, data) => setIncludePasswords(data.checked === true)} />
      {includePasswords && (
        <p className="warning-text" role="note">
          {t('export.includePasswordsWarning')}
        </p>
      )}
      <div className="button-row">
        <Button appearance="primary" disabled={busy || !ready} onClick={() => void exportPackage()}>
          {t('export.package')}
        </Button>
      </div>
      <FailureMessage failure={failure} />
      {summary && (
        <MessageBar intent="success" layout="multiline" className="package-exported">
          <MessageBarBody>
            <p>{t('export.packageDone', { path: summary.path, rooms: summary.rooms, bytes: summary.bytes })}</p>
            <dl className="report-exported-facts">
              <dt>{t('export.packagePath')}</dt>
              <dd>
                <code>{summary.path}</code>
              </dd>
              <dt>{t('export.packageRooms')}</dt>
              <dd>{summary.rooms}</dd>
              <dt>{t('export.packagePasswords')}</dt>
              <dd>{summary.includesPasswords ? t('export.packagePasswordsIncluded') : t('export.packagePasswordsLeftOut')}</dd>
            </dl>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
