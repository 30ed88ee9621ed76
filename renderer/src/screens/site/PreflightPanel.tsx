// Preflight: findings, licences and the change plan per room (preflight.run).
import { Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useState } from 'react';
import type { PreflightView } from '../../../../shared/ipc.ts';
import { call, type Failure } from '../../api/client.ts';
import { useApi } from '../../api/context.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { CopyButton } from '../../components/CopyButton.tsx';
import { FailureMessage } from '../../components/FailureMessage.tsx';
import { t } from '../../strings/t.ts';
import { ChangePlan } from './ChangePlan.tsx';

export function PreflightPanel({ siteId, upns, scopeText }: { siteId: string; upns: string[] | undefined; scopeText: string }) {
  const api = useApi();
  const announce = useAnnounce();
  const [report, setReport] = useState<PreflightView | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    setFailure(null);
    const result = await call(() => api.preflight.run({ siteId, ...(upns ? { upns } : {}) }));
    setBusy(false);
    if (result.ok) {
      setReport(result.data);
      announce(result.data.ok ? t('preflight.ok') : t('preflight.notOk'));
    } else setFailure(result);
  };

  return (
    <section className="card" aria-labelledby="preflight-title">
      <h2 id="preflight-title">{t('preflight.title')}</h2>
      <p className="muted">{scopeText}</p>
      <div className="button-row">
        <Button appearance="primary" disabled={busy} onClick={() => void run()}>
          {t('preflight.run')}
        </Button>
        {busy && <Spinner size="tiny" label={t('common.working')} />}
      </div>
      <FailureMessage failure={failure} />
      {report && (
        <div className="preflight-report">
          <MessageBar intent={report.ok ? 'success' : 'error'}>
            <MessageBarBody>{report.ok ? t('preflight.ok') : t('preflight.notOk')}</MessageBarBody>
          </MessageBar>
          <h3>{t('preflight.findings')}</h3>
          {report.findings.length === 0 ? (
            <p>{t('preflight.noFindings')}</p>
          ) : (
            <ul className="finding-list">
              {report.findings.map((finding, index) => (
                <li key={index} className={`finding finding-${finding.severity}`}>
                  <strong>{t(`preflight.severity.${finding.severity}`)}</strong> {finding.room ? `${finding.room}: ` : ''}
                  {finding.message}
                  {finding.remediation && <div className="muted">{finding.remediation}</div>}
                </li>
              ))}
            </ul>
          )}
          <h3>{t('preflight.licences')}</h3>
          {report.licences.length === 0 ? (
            <p>{t('common.none')}</p>
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('preflight.licence.sku')}</th>
                  <th scope="col">{t('preflight.licence.needed')}</th>
                  <th scope="col">{t('preflight.licence.free')}</th>
                </tr>
              </thead>
              <tbody>
                {report.licences.map((licence) => (
                  <tr key={licence.skuPartNumber}>
                    <td>{licence.skuPartNumber}</td>
                    <td>{licence.needed}</td>
                    <td>{licence.free ?? t('preflight.licence.unknown')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>{t('preflight.plan')}</h3>
          {report.changePlan.map((outcome) => (
            <ChangePlan key={outcome.upn} outcome={outcome} />
          ))}
          <CopyButton text={report.markdown} label={t('preflight.copyMarkdown')}>
            {t('preflight.copyMarkdown')}
          </CopyButton>
        </div>
      )}
    </section>
  );
}
