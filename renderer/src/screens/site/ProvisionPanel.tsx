// Provision and validate the selected rooms: provision.start, then live progress from events (an
// overall bar, a bar and the running step per room), a cancel button, and validate.run's results.
import { Button, Checkbox, Field, ProgressBar } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { EventPayload, SiteView } from '../../../../shared/ipc.ts';
import type { Room, Site } from '../../../../shared/model.ts';
import { planRoom } from '../../../../shared/plan.ts';
import { call, type Failure } from '../../api/client.ts';
import { useApi, useApiEvent } from '../../api/context.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { FailureMessage } from '../../components/FailureMessage.tsx';
import { t } from '../../strings/t.ts';
import { ChangePlan } from './ChangePlan.tsx';
import { applyFinished, applyProgress, newRun, roomFraction, runCounts, type RunLive } from './provision-run.ts';
import { ValidateResults, type ValidationReportView } from './ValidateResults.tsx';

const REDRAW_MS = 100;

function plannedSteps(room: Room, site: Site): number {
  try {
    return planRoom(room, site).steps.length;
  } catch {
    return 0;
  }
}

export interface ProvisionPanelProps {
  view: SiteView;
  upns: string[];
  scopeText: string;
  /** Called when a run ends, so the site's table can refresh. */
  onRunEnded: () => void;
}

export function ProvisionPanel({ view, upns, scopeText, onRunEnded }: ProvisionPanelProps) {
  const api = useApi();
  const announce = useAnnounce();
  const [dryRun, setDryRun] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ValidationReportView | null>(null);
  const run = useRef<RunLive | null>(null);
  // Events can arrive before provision.start answers: keep them until the run id is known.
  const early = useRef<{ progress: EventPayload<'provision.progress'>[]; finished: EventPayload<'provision.finished'>[] }>({ progress: [], finished: [] });
  const [, setVersion] = useState(0);
  const redraw = useRef<number | undefined>(undefined);

  const scheduleRedraw = () => {
    if (redraw.current !== undefined) return;
    redraw.current = window.setTimeout(() => {
      redraw.current = undefined;
      setVersion((version) => version + 1);
    }, REDRAW_MS);
  };
  useEffect(() => () => window.clearTimeout(redraw.current), []);

  const finish = (payload: EventPayload<'provision.finished'>) => {
    if (!run.current) return;
    applyFinished(run.current, payload);
    const counts = runCounts(run.current);
    if (payload.cancelled) announce(t('provision.cancelled'));
    else if (payload.error) announce(t('provision.error', { message: payload.error }));
    else announce(t('provision.finished', { passed: counts.passed, failed: counts.failed, other: counts.total - counts.passed - counts.failed }));
    setVersion((version) => version + 1);
    onRunEnded();
  };

  useApiEvent('provision.progress', (payload) => {
    if (payload.siteId !== view.id) return;
    if (!run.current || run.current.runId !== payload.runId) {
      early.current.progress.push(payload);
      return;
    }
    applyProgress(run.current, payload);
    scheduleRedraw();
  });
  useApiEvent('provision.finished', (payload) => {
    if (payload.siteId !== view.id) return;
    if (!run.current || run.current.runId !== payload.runId) {
      early.current.finished.push(payload);
      return;
    }
    finish(payload);
  });

  const start = async () => {
    setFailure(null);
    setBusy(true);
    early.current = { progress: [], finished: [] };
    const rooms = new Map(view.site.rooms.map((room) => [room.upn, room]));
    const planned = upns.map((upn) => {
      const room = rooms.get(upn);
      return { upn, planned: room ? plannedSteps(room, view.site) : 0 };
    });
    const result = await call(() => api.provision.start({ siteId: view.id, upns, dryRun }));
    setBusy(false);
    if (!result.ok) {
      setFailure(result);
      return;
    }
    const live = newRun(result.data.runId, planned);
    run.current = live;
    announce(t('provision.started', { count: upns.length }));
    for (const payload of early.current.progress) if (payload.runId === live.runId) applyProgress(live, payload);
    const done = early.current.finished.find((payload) => payload.runId === live.runId);
    early.current = { progress: [], finished: [] };
    setVersion((version) => version + 1);
    if (done) finish(done);
  };

  const cancel = async () => {
    if (!run.current) return;
    const result = await call(() => api.provision.cancel({ runId: run.current!.runId }));
    if (!result.ok) setFailure(result);
  };

  const validate = async () => {
    setFailure(null);
    setBusy(true);
    const result = await call(() => api.validate.run({ siteId: view.id, upns }));
    setBusy(false);
    if (result.ok) {
      setReport(result.data);
      const c = result.data.coverage;
      announce(t('validate.summary', { rooms: c.rooms, passed: c.passed, failed: c.failed, warning: c.warning, unknown: c.unknown }));
      onRunEnded();
    } else setFailure(result);
  };

  const current = run.current;
  const running = current !== null && current.finished === undefined;
  const counts = current ? runCounts(current) : undefined;
  return (
    <section className="card" aria-labelledby="provision-title">
      <h2 id="provision-title">{t('provision.title')}</h2>
      <p className="muted">{scopeText}</p>
      <Checkbox label={t('provision.dryRun')} checked={dryRun} onChange={(_, data) => setDryRun(data.checked === true)} />
      <div className="button-row">
        <Button appearance="primary" disabled={busy || running || upns.length === 0} onClick={() => void start()}>
          {t('provision.start')}
        </Button>
        <Button disabled={!running} onClick={() => void cancel()}>
          {t('provision.cancel')}
        </Button>
        <Button disabled={busy || running || upns.length === 0} onClick={() => void validate()}>
          {t('validate.run')}
        </Button>
      </div>
      <FailureMessage failure={failure} />
      {current && counts && (
        <div className="run-progress">
          <Field label={t('provision.overall')} validationMessage={t('provision.overallCount', { done: counts.done, total: counts.total })} validationState="none">
            <ProgressBar value={counts.total === 0 ? 1 : counts.done / counts.total} thickness="large" />
          </Field>
          {current.finished?.cancelled && <p className="warning-text">{t('provision.cancelled')}</p>}
          {current.finished?.error && <p className="error-text">{t('provision.error', { message: current.finished.error })}</p>}
          <ul className="room-progress-list">
            {[...current.rooms.values()].map((room) => {
              const runningStep = room.steps.find((step) => step.status === 'running');
              const label = t('provision.roomProgress', { room: room.upn });
              return (
                <li key={room.upn} className="room-progress">
                  <span className="room-progress-name">{room.upn}</span>
                  <progress max={1} value={roomFraction(room)} aria-label={label} />
                  <span className="room-progress-step">
                    {room.outcome
                      ? t(`roomStatus.${room.outcome.status}`)
                      : runningStep
                        ? t('provision.step', { title: runningStep.title, status: t('stepStatus.running') })
                        : room.started
                          ? t('stepStatus.running')
                          : t('stepStatus.pending')}
                  </span>
                  {room.outcome && <ChangePlan outcome={room.outcome} />}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {report && <ValidateResults report={report} />}
    </section>
  );
}
