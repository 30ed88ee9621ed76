// The Room screen's report stage, under its checklist: photos, the installer's and the customer's
// sign-offs, and the room report's export. The record (photos, sign-offs) comes from rooms.record;
// each change returns the new record, and the room's stages are reloaded (sign-offs pass items).
import { Spinner } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { RoomProgress, RoomRecord } from '../../../../shared/ipc.ts';
import { SIGN_OFF_PARTIES } from '../../../../shared/report/schema.ts';
import { call, type Failure } from '../../api/client.ts';
import { useApi } from '../../api/context.tsx';
import { FailureMessage } from '../../components/FailureMessage.tsx';
import { t } from '../../strings/t.ts';
import { PhotosPanel } from './PhotosPanel.tsx';
import { ReportExport } from './ReportExport.tsx';
import { SignOffForm } from './SignOffForm.tsx';

export function ReportPanel({ siteId, upn, progress, onStagesChanged }: { siteId: string; upn: string; progress: RoomProgress; onStagesChanged: () => void }) {
  const api = useApi();
  const [record, setRecord] = useState<RoomRecord | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  useEffect(() => {
    let current = true;
    void call(() => api.rooms.record({ siteId, upn })).then((result) => {
      if (!current) return;
      if (result.ok) setRecord(result.data);
      else setFailure(result);
    });
    return () => {
      current = false;
    };
  }, [api, siteId, upn]);

  const recorded = useCallback(
    (next: RoomRecord) => {
      setRecord(next);
      onStagesChanged();
    },
    [onStagesChanged],
  );

  return (
    <div className="report-panel">
      <FailureMessage failure={failure} />
      {!record && !failure && <Spinner label={t('common.working')} />}
      {record && (
        <>
          <PhotosPanel siteId={siteId} upn={upn} progress={progress} record={record} onRecorded={recorded} />
          <section aria-labelledby="sign-off-title">
            <h3 id="sign-off-title">{t('report.signOff.title')}</h3>
            <div className="sign-offs">
              {SIGN_OFF_PARTIES.map((party) => (
                <SignOffForm key={party} siteId={siteId} upn={upn} party={party} record={record} onRecorded={recorded} />
              ))}
            </div>
          </section>
          <ReportExport siteId={siteId} upn={upn} />
        </>
      )}
    </div>
  );
}
