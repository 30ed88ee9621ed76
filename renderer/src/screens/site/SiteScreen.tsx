// The Site screen: settings, sign-in, rooms (table, CSV import, add/edit, passwords), preflight,
// provision and validate, export. Actions apply to the selected rooms, or all when none is selected.
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { SiteView } from '../../../../shared/ipc.ts';
import { call, type Failure } from '../../api/client.ts';
import { useApi, useApiEvent } from '../../api/context.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { FailureMessage } from '../../components/FailureMessage.tsx';
import { ScreenHeading } from '../../components/ScreenHeading.tsx';
import type { Navigate } from '../../navigation.ts';
import { t } from '../../strings/t.ts';
import { CsvImportButton, CsvImportResult, type ImportResult } from './CsvImport.tsx';
import { ReportExport } from '../report/ReportExport.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { PasswordDialog } from './PasswordDialog.tsx';
import { PreflightPanel } from './PreflightPanel.tsx';
import { ProvisionPanel } from './ProvisionPanel.tsx';
import { RoomDialog } from './RoomDialog.tsx';
import { RoomsTable } from './RoomsTable.tsx';
import { SignInCard } from './SignInCard.tsx';
import { SiteSettingsCard } from './SiteSettingsCard.tsx';

export interface SiteScreenProps {
  view: SiteView;
  setView: (view: SiteView) => void;
  navigate: Navigate;
  /** The selected rooms, kept by the shell so they survive a visit to another screen. */
  selected: ReadonlySet<string>;
  setSelected: (update: (previous: ReadonlySet<string>) => ReadonlySet<string>) => void;
}

type RoomEditor = { kind: 'add' } | { kind: 'edit'; upn: string } | { kind: 'password'; upn: string } | null;

export function SiteScreen({ view, setView, navigate, selected, setSelected }: SiteScreenProps) {
  const api = useApi();
  const announce = useAnnounce();
  const [editor, setEditor] = useState<RoomEditor>(null);
  const [imported, setImported] = useState<ImportResult | Failure | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [notice, setNotice] = useState<string[] | null>(null);

  const refresh = useCallback(async () => {
    const result = await call(() => api.sites.get({ siteId: view.id }));
    if (result.ok) setView(result.data);
  }, [api, view.id, setView]);
  useApiEvent('site.changed', (payload) => {
    if (payload.siteId === view.id) void refresh();
  });

  const rooms = view.rooms;
  // Keep only selected rooms that still exist.
  const selection = useMemo(() => {
    const upns = new Set(rooms.map((room) => room.upn));
    return new Set([...selected].filter((upn) => upns.has(upn)));
  }, [rooms, selected]);
  const scopeUpns = selection.size > 0 ? [...selection] : undefined;
  const allUpns = useMemo(() => rooms.map((room) => room.upn), [rooms]);
  const scopeText = scopeUpns ? t('rooms.scope.selected', { count: scopeUpns.length }) : t('rooms.scope.all', { count: rooms.length });

  const onToggle = useCallback((upn: string, on: boolean) => {
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(upn);
      else next.delete(upn);
      return next;
    });
  }, [setSelected]);
  const onToggleAll = useCallback((on: boolean) => setSelected(() => (on ? new Set(allUpns) : new Set())), [allUpns, setSelected]);
  const onOpen = useCallback((upn: string) => navigate({ name: 'room', upn }), [navigate]);
  const onEdit = useCallback((upn: string) => setEditor({ kind: 'edit', upn }), []);
  const onPassword = useCallback((upn: string) => setEditor({ kind: 'password', upn }), []);

  const generate = async () => {
    const result = await call(() => api.passwords.generate({ siteId: view.id, upns: scopeUpns ?? allUpns }));
    if (result.ok) {
      setFailure(null);
      announce(t('rooms.generated', { count: result.data.generated }));
      void refresh();
    } else setFailure(result);
  };
  const remove = async () => {
    const upns = [...selection];
    const result = await call(() => api.rooms.remove({ siteId: view.id, upns }));
    if (result.ok) {
      setFailure(null);
      setView(result.data);
      setSelected(() => new Set());
      announce(t('rooms.removed', { count: upns.length }));
    } else setFailure(result);
  };

  const editedRoom = editor?.kind === 'edit' ? view.site.rooms.find((room) => room.upn === editor.upn) : undefined;
  const passwordRoom = editor?.kind === 'password' ? rooms.find((room) => room.upn === editor.upn) : undefined;
  // While the dialog animates closed it still shows the room it was for.
  const lastPasswordRoom = useRef(passwordRoom);
  if (passwordRoom) lastPasswordRoom.current = passwordRoom;

  return (
    <div className="screen site-screen">
      <ScreenHeading>{t('site.title', { name: view.site.name })}</ScreenHeading>
      <div className="site-top">
        <SiteSettingsCard view={view} setView={setView} />
        <SignInCard siteId={view.id} />
      </div>

      <section className="card" aria-labelledby="rooms-title">
        <h2 id="rooms-title">{t('rooms.title')}</h2>
        <p className="muted" aria-live="polite">
          {t('rooms.count', { count: rooms.length, selected: selection.size })}
        </p>
        <div className="button-row" role="group" aria-label={t('rooms.title')}>
          <Button appearance="primary" onClick={() => setEditor({ kind: 'add' })}>
            {t('rooms.add')}
          </Button>
          <CsvImportButton view={view} onImported={(result) => {
            setImported(result);
            if ('site' in result) setView(result.site);
          }} />
          <Button disabled={rooms.length === 0} onClick={() => void generate()}>
            {t('rooms.generatePasswords')}
          </Button>
          <Button disabled={selection.size === 0} onClick={() => void remove()}>
            {t('rooms.remove')}
          </Button>
        </div>
        <p className="muted">{t('rooms.importCsvHint')}</p>
        <FailureMessage failure={failure} />
        {notice && (
          <MessageBar intent={notice.length > 1 ? 'warning' : 'success'} layout="multiline">
            <MessageBarBody>
              {notice.map((line) => (
                <div key={line}>{line}</div>
              ))}
            </MessageBarBody>
          </MessageBar>
        )}
        {imported && <CsvImportResult result={imported} onDismiss={() => setImported(null)} />}
        {rooms.length === 0 ? (
          <p>{t('rooms.empty')}</p>
        ) : (
          <RoomsTable
            rooms={rooms}
            selected={selection}
            onToggle={onToggle}
            onToggleAll={onToggleAll}
            onOpen={onOpen}
            onEdit={onEdit}
            onPassword={onPassword}
          />
        )}
      </section>

      <PreflightPanel siteId={view.id} upns={scopeUpns} scopeText={scopeText} />
      <ProvisionPanel view={view} upns={scopeUpns ?? allUpns} scopeText={scopeText} onRunEnded={() => void refresh()} />
      <ExportPanel siteId={view.id} upns={scopeUpns} scopeText={scopeText} />
      <ReportExport siteId={view.id} />

      <RoomDialog
        open={editor?.kind === 'add' || (editor?.kind === 'edit' && editedRoom !== undefined)}
        view={view}
        room={editedRoom}
        onClose={() => setEditor(null)}
        onSaved={setView}
      />
      <PasswordDialog
        open={passwordRoom !== undefined}
        siteId={view.id}
        upn={passwordRoom?.upn ?? lastPasswordRoom.current?.upn ?? ''}
        name={passwordRoom?.displayName ?? lastPasswordRoom.current?.displayName ?? ''}
        onClose={() => setEditor(null)}
        onSet={(warnings) => {
          const name = passwordRoom?.displayName ?? '';
          setNotice([t('password.done', { name }), ...warnings]);
          void refresh();
        }}
      />
    </div>
  );
}
