// On-site mode, for the console's touch screen: large targets, the on-site tools (network, the
// room's sign-in, certificates, console configuration), the exact values to type on each first-run
// screen with copy buttons, the post-setup checklist (mark done with a note), and notes.
import { Button, Field, Select, Textarea } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { buildConsoleChecklist } from '../../../../shared/checklist/build.ts';
import type { ChecklistSection } from '../../../../shared/checklist/types.ts';
import type { RoomProgress, SiteView } from '../../../../shared/ipc.ts';
import { resolveRoom } from '../../../../shared/model.ts';
import { call, type Failure } from '../../api/client.ts';
import { useApi, useApiEvent } from '../../api/context.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { CopyButton } from '../../components/CopyButton.tsx';
import { FailureMessage } from '../../components/FailureMessage.tsx';
import { ScreenHeading } from '../../components/ScreenHeading.tsx';
import type { Navigate } from '../../navigation.ts';
import { t } from '../../strings/t.ts';
import { ChecklistItemCard } from '../room/ChecklistItemCard.tsx';
import { OnSiteToolkit } from './toolkit/OnSiteToolkit.tsx';

/** The console stage's ids are `console:<checklist item id>` (shared/room-progress/console.ts). */
const CONSOLE_PREFIX = 'console:';
const NOTES_ITEM = 'console:sign-off.notes';

export function OnSiteScreen({ view, upn, navigate }: { view: SiteView; upn?: string; navigate: Navigate }) {
  const api = useApi();
  const announce = useAnnounce();
  const [roomUpn, setRoomUpn] = useState(upn ?? view.rooms[0]?.upn ?? '');
  const [progress, setProgress] = useState<RoomProgress | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [notes, setNotes] = useState('');

  const room = view.site.rooms.find((candidate) => candidate.upn === roomUpn);
  const firstRun = useMemo<ChecklistSection | undefined>(() => {
    if (!room) return undefined;
    try {
      return buildConsoleChecklist(resolveRoom(room, view.site), view.site).sections.find((section) => section.id === 'first-run');
    } catch {
      return undefined;
    }
  }, [room, view.site]);

  const load = useCallback(async () => {
    if (!roomUpn) return;
    const result = await call(() => api.rooms.progress({ siteId: view.id, upn: roomUpn }));
    if (result.ok) {
      setProgress(result.data);
      setFailure(null);
      const notesItem = result.data.stages.find((stage) => stage.id === 'console')?.items.find((item) => item.id === NOTES_ITEM);
      setNotes(notesItem?.note ?? '');
    } else setFailure(result);
  }, [api, view.id, roomUpn]);
  useEffect(() => {
    void load();
  }, [load]);
  useApiEvent('site.changed', (payload) => {
    if (payload.siteId === view.id) void load();
  });

  const consoleItems = progress?.stages.find((stage) => stage.id === 'console')?.items ?? [];
  const postSetup = consoleItems.filter((item) => item.id.startsWith(`${CONSOLE_PREFIX}post-setup`));
  const firstRunMarks = new Map(consoleItems.filter((item) => item.id.startsWith(`${CONSOLE_PREFIX}first-run`)).map((item) => [item.id, item]));
  const notesItem = consoleItems.find((item) => item.id === NOTES_ITEM);

  const saveNotes = async () => {
    const result = await call(() =>
      api.rooms.markManual({ siteId: view.id, upn: roomUpn, itemId: NOTES_ITEM, done: notesItem?.doneAt !== undefined, note: notes }),
    );
    if (result.ok) {
      setProgress(result.data);
      setFailure(null);
      announce(t('onsite.notesSaved'));
    } else setFailure(result);
  };

  return (
    <div className="screen onsite-screen">
      <div className="button-row">
        <Button size="large" appearance="subtle" onClick={() => navigate({ name: 'site' })}>
          {t('common.back')}
        </Button>
      </div>
      <ScreenHeading>{t('onsite.title')}</ScreenHeading>
      {room && <p className="onsite-current">{t('onsite.current', { name: room.displayName, upn: room.upn })}</p>}
      <Field label={t('onsite.room')} hint={t('onsite.chooseRoom')} size="large">
        <Select size="large" value={roomUpn} onChange={(_, data) => setRoomUpn(data.value)}>
          {view.site.rooms.map((candidate) => (
            <option key={candidate.upn} value={candidate.upn}>
              {candidate.displayName} ({candidate.upn})
            </option>
          ))}
        </Select>
      </Field>
      <FailureMessage failure={failure} />
      <p className="muted">{t('onsite.passwordNotice')}</p>

      {roomUpn && <OnSiteToolkit view={view} upn={roomUpn} />}

      {firstRun && (
        <section aria-labelledby="first-run-title" className="onsite-section">
          <h2 id="first-run-title">{t('onsite.firstRun')}</h2>
          <ol className="onsite-steps">
            {firstRun.items.map((item) => {
              const mark = firstRunMarks.get(`${CONSOLE_PREFIX}${item.id}`);
              return (
                <li key={item.id} className="onsite-step">
                  <h3>{item.text}</h3>
                  {item.values.length === 0 ? (
                    <p className="muted">{t('onsite.noValues')}</p>
                  ) : (
                    <dl className="onsite-values">
                      {item.values.map((value) => (
                        <div key={value.label} className="onsite-value">
                          <dt>{value.label}</dt>
                          <dd>
                            {(value.presentation ?? 'verbatim') === 'verbatim' ? (
                              <>
                                <code className="typed-value">{value.value}</code>
                                <CopyButton text={value.value} label={t('onsite.copyValue', { label: value.label })} size="large" />
                              </>
                            ) : value.presentation === 'blank' ? (
                              <span className="muted">______________________</span>
                            ) : (
                              <span>{value.value}</span>
                            )}
                          </dd>
                        </div>
                      ))}
                    </dl>
                  )}
                  {item.why && <p className="muted">{item.why}</p>}
                  {mark && (
                    <ul className="checklist">
                      <ChecklistItemCard item={mark} siteId={view.id} upn={roomUpn} onChanged={setProgress} large embedded />
                    </ul>
                  )}
                </li>
              );
            })}
          </ol>
        </section>
      )}

      {postSetup.length > 0 && (
        <section aria-labelledby="post-setup-title" className="onsite-section">
          <h2 id="post-setup-title">{t('onsite.postSetup')}</h2>
          <ol className="checklist">
            {postSetup.map((item) => (
              <ChecklistItemCard key={item.id} item={item} siteId={view.id} upn={roomUpn} onChanged={setProgress} large />
            ))}
          </ol>
        </section>
      )}

      {roomUpn && (
        <section aria-labelledby="notes-title" className="onsite-section">
          <h2 id="notes-title">{t('onsite.notes')}</h2>
          <Field label={t('onsite.notesLabel')} size="large">
            <Textarea size="large" resize="vertical" value={notes} onChange={(_, data) => setNotes(data.value)} />
          </Field>
          <Button size="large" appearance="primary" onClick={() => void saveNotes()}>
            {t('onsite.saveNotes')}
          </Button>
        </section>
      )}
    </div>
  );
}
