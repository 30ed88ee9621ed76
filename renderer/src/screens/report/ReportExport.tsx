// Export a room's report (with upn) or the site's: one button per format (HTML, PDF, JSON, CSV);
// main asks where to save, then the written path and the fingerprint are shown and announced.
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import type { ChannelOutput } from '../../../../shared/ipc.ts';
import { REPORT_FORMATS, type ReportFormat } from '../../../../shared/report/schema.ts';
import { call, type Failure } from '../../api/client.ts';
import { useApi } from '../../api/context.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { FailureMessage } from '../../components/FailureMessage.tsx';
import { t } from '../../strings/t.ts';

type Exported = ChannelOutput<'reports.export'> & { format: ReportFormat };
const label = (format: ReportFormat) => format.toUpperCase();

export function ReportExport({ siteId, upn }: { siteId: string; upn?: string }) {
  const api = useApi();
  const announce = useAnnounce();
  const [busy, setBusy] = useState<ReportFormat | null>(null);
  const [done, setDone] = useState<Exported | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const titleId = upn ? 'room-report-title' : 'site-report-title';

  const run = async (format: ReportFormat) => {
    setBusy(format);
    const result = await call(() => api.reports.export({ siteId, ...(upn ? { upn } : {}), format }));
    setBusy(null);
    if (result.ok) {
      setFailure(null);
      setDone({ ...result.data, format });
      announce(t('report.export.done', { format: label(format), path: result.data.path, bytes: result.data.bytes, fingerprint: result.data.fingerprint }));
    } else if (result.code !== 'cancelled') setFailure(result);
  };

  return (
    <section className="card report-export" aria-labelledby={titleId}>
      <h2 id={titleId}>{t(upn ? 'report.export.roomTitle' : 'report.export.siteTitle')}</h2>
      <p className="muted">{t(upn ? 'report.export.roomHint' : 'report.export.siteHint')}</p>
      <div className="button-row" role="group" aria-label={t('report.export.formats')}>
        {REPORT_FORMATS.map((format) => (
          <Button key={format} disabled={busy !== null} aria-label={t('report.export.as', { format: label(format) })} onClick={() => void run(format)}>
            {label(format)}
          </Button>
        ))}
      </div>
      <FailureMessage failure={failure} />
      {done && (
        <MessageBar intent="success" layout="multiline" className="report-exported">
          <MessageBarBody>
            <dl className="report-exported-facts">
              <dt>{t('report.export.path')}</dt>
              <dd>
                <code>{done.path}</code>
              </dd>
              <dt>{t('report.export.fingerprint')}</dt>
              <dd>
                <code className="fingerprint">{done.fingerprint}</code>
              </dd>
            </dl>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
