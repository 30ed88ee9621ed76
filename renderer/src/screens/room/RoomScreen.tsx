// The Room screen: a left rail of the nine stages (state icon each) and the chosen stage's checklist.
// Refreshes on site.changed and provision events.
import { Button, Spinner, Tab, TabList } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { ROOM_STAGES, type RoomProgress, type RoomStage, type SiteView } from '../../../../shared/ipc.ts';
import { call, type Failure } from '../../api/client.ts';
import { useApi, useApiEvent } from '../../api/context.tsx';
import { FailureMessage } from '../../components/FailureMessage.tsx';
import { ScreenHeading } from '../../components/ScreenHeading.tsx';
import { STATE_ICONS } from '../../components/StateBadge.tsx';
import type { Navigate } from '../../navigation.ts';
import { t } from '../../strings/t.ts';
import { ReportPanel } from '../report/ReportPanel.tsx';
import { ChecklistItemCard } from './ChecklistItemCard.tsx';

export function RoomScreen({ view, upn, navigate }: { view: SiteView; upn: string; navigate: Navigate }) {
  const api = useApi();
  const [progress, setProgress] = useState<RoomProgress | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [stage, setStage] = useState<RoomStage>('topology');

  const load = useCallback(async () => {
    const result = await call(() => api.rooms.progress({ siteId: view.id, upn }));
    if (result.ok) {
      setProgress(result.data);
      setFailure(null);
    } else setFailure(result);
  }, [api, view.id, upn]);

  useEffect(() => {
    void load();
  }, [load]);
  useApiEvent('site.changed', (payload) => {
    if (payload.siteId === view.id) void load();
  });
  useApiEvent('provision.finished', (payload) => {
    if (payload.siteId === view.id) void load();
  });
  useApiEvent('provision.progress', (payload) => {
    const event = payload.event;
    if (payload.siteId === view.id && event.type === 'room-finished' && event.outcome.upn === upn) void load();
  });

  const name = progress?.displayName ?? view.rooms.find((room) => room.upn === upn)?.displayName ?? upn;
  const current = progress?.stages.find((s) => s.id === stage);

  return (
    <div className="screen room-screen">
      <div className="button-row">
        <Button appearance="subtle" onClick={() => navigate({ name: 'site' })}>
          {t('common.back')}
        </Button>
        <Button appearance="subtle" onClick={() => navigate({ name: 'console', upn })}>
          {t('room.openConsole')}
        </Button>
        <Button appearance="subtle" onClick={() => navigate({ name: 'onsite', upn })}>
          {t('room.openOnSite')}
        </Button>
      </div>
      <ScreenHeading>{t('room.title', { name })}</ScreenHeading>
      <p className="upn">{upn}</p>
      <FailureMessage failure={failure} />
      {!progress && !failure && <Spinner label={t('common.working')} />}
      {progress && (
        <div className="room-layout">
          <nav aria-label={t('room.stages')} className="stage-rail">
            <TabList vertical selectedValue={stage} onTabSelect={(_, data) => setStage(data.value as RoomStage)} aria-label={t('room.stages')}>
              {ROOM_STAGES.map((id) => {
                const state = progress.stages.find((s) => s.id === id)?.state ?? 'unknown';
                return (
                  <Tab key={id} value={id} aria-label={t('room.stageState', { stage: t(`stage.${id}`), state: t(`state.${state}`) })}>
                    <span className={`state-icon state-${state}`} aria-hidden="true">
                      {STATE_ICONS[state]}
                    </span>{' '}
                    {t(`stage.${id}`)}
                  </Tab>
                );
              })}
            </TabList>
          </nav>
          <section className="stage-panel" aria-labelledby="stage-title">
            <h2 id="stage-title">{current?.title ?? t(`stage.${stage}`)}</h2>
            {!current || current.items.length === 0 ? (
              <p>{t('room.noItems')}</p>
            ) : (
              <ol className="checklist">
                {current.items.map((item) => (
                  <ChecklistItemCard key={item.id} item={item} siteId={view.id} upn={upn} onChanged={setProgress} />
                ))}
              </ol>
            )}
            {stage === 'report' && <ReportPanel siteId={view.id} upn={upn} progress={progress} onStagesChanged={() => void load()} />}
          </section>
        </div>
      )}
    </div>
  );
}
