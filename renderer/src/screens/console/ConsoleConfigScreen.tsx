// Console configuration: a SkypeSettings.xml form built from the element table, grouped as the file
// nests its settings, with live validation, an XML preview, import of an existing file and export.
// A password appears in the preview only when it was typed into this form: prefills never carry
// one, and a password read from an imported file is dropped.
import { Button, Field, Select } from '@fluentui/react-components';
import { useCallback, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { CONSOLE_ERA_INFO, CONSOLE_ERAS, type ConsoleEra } from '../../../../shared/console-era.ts';
import type { SiteView } from '../../../../shared/ipc.ts';
import { resolveRoom, siteConsoleEra } from '../../../../shared/model.ts';
import { parseSkypeSettingsXml } from '../../../../shared/skype-settings/parse.ts';
import type { SkypeSettingsProblem } from '../../../../shared/skype-settings/problems.ts';
import { skypeSettingsForRoom } from '../../../../shared/skype-settings/room.ts';
import { revisionOfEra } from '../../../../shared/skype-settings/schema.ts';
import { validateSkypeSettings } from '../../../../shared/skype-settings/validate.ts';
import { writeSkypeSettingsXml } from '../../../../shared/skype-settings/write.ts';
import { call, type Failure } from '../../api/client.ts';
import { useApi } from '../../api/context.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { FailureMessage } from '../../components/FailureMessage.tsx';
import { ScreenHeading } from '../../components/ScreenHeading.tsx';
import type { Navigate } from '../../navigation.ts';
import { t } from '../../strings/t.ts';
import { draftFromSettings, keysByPath, SECRET_KEYS, settingsFromDraft, settingsGroups, type SettingsDraft } from './settings-form.ts';
import { SettingField } from './SettingField.tsx';

export function ConsoleConfigScreen({ view, upn, navigate }: { view: SiteView; upn?: string; navigate: Navigate }) {
  const api = useApi();
  const announce = useAnnounce();
  const fileInput = useRef<HTMLInputElement>(null);
  const [era, setEra] = useState<ConsoleEra>(() => siteConsoleEra(view.site));
  const [roomUpn, setRoomUpn] = useState<string>(upn ?? '');
  const prefill = useCallback(
    (which: string, forEra: ConsoleEra): SettingsDraft => {
      const room = view.site.rooms.find((candidate) => candidate.upn === which);
      if (!room) return {};
      try {
        return draftFromSettings(skypeSettingsForRoom(resolveRoom(room, view.site), view.site, { era: forEra }));
      } catch {
        return {};
      }
    },
    [view.site],
  );
  const [draft, setDraft] = useState<SettingsDraft>(() => prefill(upn ?? '', siteConsoleEra(view.site)));
  const [imported, setImported] = useState<{ fileName: string; count: number; problems: SkypeSettingsProblem[]; droppedPassword: boolean } | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  const groups = useMemo(() => settingsGroups(era), [era]);
  const revision = revisionOfEra(era);
  const pathToKey = useMemo(() => keysByPath(era), [era]);
  const { settings, notNumbers } = useMemo(() => settingsFromDraft(draft), [draft]);
  const problems = useMemo(() => validateSkypeSettings(settings, era), [settings, era]);

  const problemByKey = useMemo(() => {
    const map = new Map<string, { severity: 'error' | 'warning'; message: string }>();
    for (const key of notNumbers) map.set(key, { severity: 'error', message: t('roomDialog.notANumber') });
    for (const problem of problems) {
      const key = pathToKey.get(problem.path);
      if (key && !map.has(key)) map.set(key, { severity: problem.severity, message: problem.message });
    }
    return map;
  }, [problems, notNumbers, pathToKey]);
  const unplaced = problems.filter((problem) => !pathToKey.has(problem.path));
  const errorCount = problems.filter((problem) => problem.severity === 'error').length + notNumbers.size;

  const xml = useMemo(() => {
    if (errorCount > 0) return null;
    try {
      return writeSkypeSettingsXml(settings, era);
    } catch {
      return null;
    }
  }, [settings, era, errorCount]);

  const onChange = useCallback((key: string, value: string) => setDraft((previous) => ({ ...previous, [key]: value })), []);

  const chooseRoom = (next: string) => {
    setRoomUpn(next);
    setDraft(prefill(next, era));
    setImported(null);
  };
  const chooseEra = (next: ConsoleEra) => {
    setEra(next);
    if (roomUpn) setDraft((previous) => ({ ...previous, ...prefill(roomUpn, next) }));
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch {
      setFailure({ ok: false, code: 'bad-file', message: t('csv.readFailed', { fileName: file.name }) });
      return;
    }
    const result = parseSkypeSettingsXml(text);
    const next = draftFromSettings(result.settings);
    let droppedPassword = false;
    for (const key of SECRET_KEYS) {
      if (key in next) {
        delete next[key];
        droppedPassword = true;
      }
    }
    if (result.era) setEra(result.era);
    setDraft(next);
    setRoomUpn('');
    setFailure(null);
    const summary = { fileName: file.name, count: Object.keys(next).length, problems: result.problems, droppedPassword };
    setImported(summary);
    announce(t('console.imported', { fileName: file.name, count: summary.count, problems: result.problems.length }));
  };

  const exportXml = async () => {
    if (!xml) return;
    const result = await call(() => api.files.save({ suggestedName: 'SkypeSettings.xml', text: xml }));
    if (result.ok) {
      setFailure(null);
      if (result.data.path) announce(t('console.exported', { path: result.data.path }));
    } else if (result.code !== 'cancelled') setFailure(result);
  };

  return (
    <div className="screen console-screen">
      <div className="button-row">
        <Button appearance="subtle" onClick={() => navigate({ name: 'site' })}>
          {t('common.back')}
        </Button>
      </div>
      <ScreenHeading>{t('console.title')}</ScreenHeading>
      <p>{t('console.intro')}</p>
      <div className="field-grid">
        <Field label={t('console.room')}>
          <Select value={roomUpn} onChange={(_, data) => chooseRoom(data.value)}>
            <option value="">{t('console.noRoom')}</option>
            {view.site.rooms.map((room) => (
              <option key={room.upn} value={room.upn}>
                {room.displayName} ({room.upn})
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('console.era')}>
          <Select value={era} onChange={(_, data) => chooseEra(data.value as ConsoleEra)}>
            {CONSOLE_ERAS.map((id) => (
              <option key={id} value={id}>
                {CONSOLE_ERA_INFO[id].label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className="button-row">
        <Button onClick={() => fileInput.current?.click()}>{t('console.import')}</Button>
        <input
          ref={fileInput}
          type="file"
          accept=".xml,text/xml,application/xml"
          className="visually-hidden"
          tabIndex={-1}
          aria-label={t('console.import')}
          onChange={(event) => void onFile(event)}
        />
        <Button appearance="primary" disabled={!xml} onClick={() => void exportXml()}>
          {t('console.export')}
        </Button>
        <Button appearance="subtle" onClick={() => chooseRoom(roomUpn)}>
          {t('console.reset')}
        </Button>
      </div>
      <FailureMessage failure={failure} />
      {imported && (
        <section className="panel" aria-labelledby="import-title">
          <h2 id="import-title">{t('console.importProblems')}</h2>
          <p>{t('console.imported', { fileName: imported.fileName, count: imported.count, problems: imported.problems.length })}</p>
          {imported.droppedPassword && <p className="warning-text">{t('console.passwordDropped')}</p>}
          {imported.problems.length > 0 && (
            <ul className="finding-list">
              {imported.problems.map((problem, index) => (
                <li key={index} className={problem.severity === 'error' ? 'error-text' : 'warning-text'}>
                  <code>{problem.path}</code>
                  {problem.line !== undefined ? ` (${t('console.line', { line: problem.line })})` : ''}: {problem.message}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <p aria-live="polite" className={errorCount > 0 ? 'error-text' : 'muted'}>
        {errorCount > 0 ? t('console.errors', { count: errorCount }) : t('console.valid')}
      </p>
      {unplaced.length > 0 && (
        <ul className="finding-list">
          {unplaced.map((problem, index) => (
            <li key={index} className={problem.severity === 'error' ? 'error-text' : 'warning-text'}>
              {t('console.problem', { path: problem.path, message: problem.message })}
            </li>
          ))}
        </ul>
      )}
      <div className="console-layout">
        <form className="console-form" aria-label={t('console.title')} onSubmit={(event) => event.preventDefault()}>
          {groups.map((group) => (
            <fieldset key={group.key ?? 'general'} className="fieldset">
              <legend>{group.label ?? t('console.general')}</legend>
              {group.help && <p className="muted">{group.help}</p>}
              <div className="field-grid">
                {group.rows.map((row) => (
                  <SettingField key={row.key} row={row} revision={revision} value={draft[row.key] ?? ''} problem={problemByKey.get(row.key)} onChange={onChange} />
                ))}
              </div>
            </fieldset>
          ))}
        </form>
        <section className="xml-preview" aria-labelledby="xml-preview-title">
          <h2 id="xml-preview-title">{t('console.preview')}</h2>
          {!('userAccount.password' in settings) && <p className="muted">{t('console.passwordHidden')}</p>}
          {xml ? (
            <pre tabIndex={0} aria-label={t('console.preview')}>
              {xml}
            </pre>
          ) : (
            <p>{t('console.previewBlocked')}</p>
          )}
        </section>
      </div>
    </div>
  );
}
