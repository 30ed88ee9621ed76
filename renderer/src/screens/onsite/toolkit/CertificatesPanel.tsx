// Certificates (onsite.certificates): PEM, DER or PFX files chosen here, read as base64; a PFX
// password typed for this inspection only. Shows each certificate (subject, issuer, validity with
// days left, key, signature, usages, chain), the warnings, and the exact install commands to copy.
import { Button, Field, Input } from '@fluentui/react-components';
import { useId, useState, type ChangeEvent } from 'react';
import type { CertificateInfo, CertificateInspection } from '../../../../../shared/onsite/results.ts';
import { call, type Failure } from '../../../api/client.ts';
import { useApi } from '../../../api/context.tsx';
import { useAnnounce } from '../../../components/Announcer.tsx';
import { CopyButton } from '../../../components/CopyButton.tsx';
import { FailureMessage } from '../../../components/FailureMessage.tsx';
import { t } from '../../../strings/t.ts';
import { CheckResults, LastRun } from './CheckResults.tsx';
import { readPickedFiles } from './files.ts';
import type { ToolPanelProps } from './NetworkPanel.tsx';

/** As many as onsite.certificates takes in one call. */
const MAX_FILES = 20;
const ACCEPT = '.cer,.crt,.pem,.der,.pfx,.p12';

function chainText(inspection: CertificateInspection, certificate: CertificateInfo): string {
  const chain = inspection.chains.find((candidate) => candidate.path.includes(certificate.sha256));
  if (!chain) return t('certs.chainNone');
  return `${chain.complete ? t('certs.chainComplete') : t('certs.chainIncomplete')} (${chain.publiclyTrusted ? t('certs.chainPublic') : t('certs.chainPrivate')})`;
}

function keyText(certificate: CertificateInfo): string {
  if (certificate.curve) return t('certs.keyCurve', { type: certificate.keyType, curve: certificate.curve });
  if (certificate.keyBits !== undefined) return t('certs.keyBits', { type: certificate.keyType, bits: certificate.keyBits });
  return certificate.keyType;
}

function CertificateRow({ inspection, certificate }: { inspection: CertificateInspection; certificate: CertificateInfo }) {
  const flags = [certificate.isCA && t('certs.ca'), certificate.selfSigned && t('certs.selfSigned'), certificate.hasPrivateKey && t('certs.privateKey')].filter(Boolean);
  const usages = [...certificate.keyUsage, ...certificate.extendedKeyUsage];
  return (
    <tr>
      <th scope="row">
        <div>{t('certs.subject', { subject: certificate.subject })}</div>
        <div className="muted">{t('certs.issuer', { issuer: certificate.issuer })}</div>
        <div className="muted">{t('certs.file', { fileName: certificate.fileName, index: certificate.index + 1 })}</div>
        {flags.length > 0 && <div className="muted">{flags.join(' · ')}</div>}
      </th>
      <td>
        <div>{t('certs.validity', { from: new Date(certificate.notBefore).toLocaleDateString(), to: new Date(certificate.notAfter).toLocaleDateString() })}</div>
        <div className={certificate.daysLeft < 0 ? 'error-text' : certificate.daysLeft <= 30 ? 'warning-text' : undefined}>
          {certificate.daysLeft < 0 ? t('certs.expired', { days: -certificate.daysLeft }) : t('certs.daysLeft', { days: certificate.daysLeft })}
        </div>
      </td>
      <td>
        <div>{keyText(certificate)}</div>
        <div className="muted">{t('certs.signature', { algorithm: certificate.signatureAlgorithm })}</div>
      </td>
      <td>{usages.length > 0 ? usages.join(', ') : t('common.none')}</td>
      <td>{chainText(inspection, certificate)}</td>
    </tr>
  );
}

export function CertificatesPanel({ siteId, upn, recorded, onRan }: ToolPanelProps) {
  const api = useApi();
  const announce = useAnnounce();
  const fileId = useId();
  const [files, setFiles] = useState<File[]>([]);
  const [pfxPassword, setPfxPassword] = useState('');
  const [inspection, setInspection] = useState<CertificateInspection | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(event.currentTarget.files ?? [])];
    event.currentTarget.value = '';
    if (chosen.length > MAX_FILES) {
      setFailure({ ok: false, code: 'bad-file', message: t('certs.tooMany', { max: MAX_FILES }) });
      return;
    }
    setFailure(null);
    setFiles(chosen);
  };

  const inspect = async () => {
    const typed = pfxPassword;
    setPfxPassword('');
    setBusy(true);
    setFailure(null);
    let read;
    try {
      read = await readPickedFiles(files);
    } catch (error) {
      setBusy(false);
      setFailure({ ok: false, code: 'bad-file', message: t('certs.readFailed', { fileName: error instanceof Error ? error.message : '' }) });
      return;
    }
    const result = await call(() => api.onsite.certificates({ siteId, upn, files: read, ...(typed ? { pfxPassword: typed } : {}) }));
    setBusy(false);
    if (result.ok) {
      setInspection(result.data);
      setSaved(null);
      announce(t('certs.done', { count: result.data.certificates.length, counts: t('toolkit.counts', result.data.counts) }));
      onRan();
    } else setFailure(result);
  };

  const saveCaFiles = async () => {
    setFailure(null);
    const result = await call(() => api.onsite.saveCertificates({ siteId }));
    if (result.ok) {
      const message = t('certs.saved', { count: result.data.files.length, folder: result.data.folder });
      setSaved(message);
      announce(message);
    } else if (result.code !== 'cancelled') setFailure(result);
  };

  const checks = inspection?.checks ?? recorded;
  const warnings = checks.filter((check) => check.status !== 'passed');
  return (
    <section className="onsite-tool" aria-labelledby="certificates-title">
      <h3 id="certificates-title">{t('certs.title')}</h3>
      <p className="muted">{t('certs.intro')}</p>
      <div className="file-field">
        <label htmlFor={fileId}>{t('certs.files')}</label>
        <input id={fileId} type="file" multiple accept={ACCEPT} disabled={busy} onChange={choose} />
      </div>
      <p className="muted">{files.length > 0 ? t('certs.chosen', { count: files.length, names: files.map((file) => file.name).join(', ') }) : t('certs.noneChosen')}</p>
      <Field label={t('certs.pfxPassword')} hint={t('certs.pfxPasswordHint')} size="large">
        <Input size="large" type="password" autoComplete="off" value={pfxPassword} onChange={(_, data) => setPfxPassword(data.value)} />
      </Field>
      <div className="button-row">
        <Button size="large" appearance="primary" disabled={busy || files.length === 0} onClick={() => void inspect()}>
          {busy ? t('toolkit.running') : t('certs.inspect')}
        </Button>
      </div>
      <FailureMessage failure={failure} />
      <LastRun checks={checks} />
      {inspection && inspection.certificates.length > 0 && (
        <div className="table-scroll">
          <table className="data-table certificates-table">
            <caption>{t('certs.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('certs.col.certificate')}</th>
                <th scope="col">{t('certs.col.validity')}</th>
                <th scope="col">{t('certs.col.key')}</th>
                <th scope="col">{t('certs.col.usage')}</th>
                <th scope="col">{t('certs.col.chain')}</th>
              </tr>
            </thead>
            <tbody>
              {inspection.certificates.map((certificate) => (
                <CertificateRow key={`${certificate.fileName}#${certificate.index}`} inspection={inspection} certificate={certificate} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {checks.length > 0 && (
        <>
          <h4>{t('certs.warnings')}</h4>
          {warnings.length === 0 ? <p>{t('certs.noWarnings')}</p> : <CheckResults checks={warnings} label={t('certs.warnings')} />}
        </>
      )}
      {inspection && inspection.installCommands.length > 0 && (
        <>
          <h4>{t('certs.install')}</h4>
          <p className="muted">{t('certs.installHint')}</p>
          <ul className="install-commands">
            {inspection.installCommands.map((install) => (
              <li key={`${install.sha256}-${install.store}`}>
                <div>{t('certs.installStore', { store: install.store, file: install.file })}</div>
                <div className="install-command">
                  <code className="value-cell">{install.command}</code>
                  <CopyButton text={install.command} label={t('certs.copyCommand', { file: install.file })} size="large" />
                </div>
              </li>
            ))}
          </ul>
          <div className="button-row">
            <Button size="large" onClick={() => void saveCaFiles()}>
              {t('certs.save')}
            </Button>
          </div>
          {saved && <p role="status">{saved}</p>}
        </>
      )}
    </section>
  );
}
