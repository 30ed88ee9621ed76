// The room's console configuration (onsite.applyConsole): SkypeSettings.xml and optional theme
// images, written into the Teams Rooms app's LocalState on a console or exported for a USB stick;
// the answer says which happened. After the app restarts, onsite.confirmConsole says whether it
// took the files.
import { Button } from '@fluentui/react-components';
import { useId, useState, type ChangeEvent } from 'react';
import { THEME_IMAGE_EXTENSIONS } from '../../../../../shared/onsite/console-files.ts';
import type { ConsoleApplyResult, ConsoleConsumedResult } from '../../../../../shared/onsite/results.ts';
import { call, type Failure } from '../../../api/client.ts';
import { useApi } from '../../../api/context.tsx';
import { useAnnounce } from '../../../components/Announcer.tsx';
import { CopyButton } from '../../../components/CopyButton.tsx';
import { FailureMessage } from '../../../components/FailureMessage.tsx';
import { StateBadge } from '../../../components/StateBadge.tsx';
import { t } from '../../../strings/t.ts';
import { CheckResults, LastRun } from './CheckResults.tsx';
import { hasExtension, readPickedFiles, readText } from './files.ts';
import type { ToolPanelProps } from './NetworkPanel.tsx';

/** As many as onsite.applyConsole takes. */
const MAX_IMAGES = 4;
const IMAGE_EXTENSIONS = THEME_IMAGE_EXTENSIONS.map((extension) => `.${extension}`);

export function ConsoleApplyPanel({ siteId, upn, recorded, onRan }: ToolPanelProps) {
  const api = useApi();
  const announce = useAnnounce();
  const imagesId = useId();
  const xmlId = useId();
  const [images, setImages] = useState<File[]>([]);
  const [settingsFile, setSettingsFile] = useState<File | null>(null);
  const [applied, setApplied] = useState<ConsoleApplyResult | null>(null);
  const [consumed, setConsumed] = useState<ConsoleConsumedResult | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  /** Shown by the confirm button: it is the answer to that question, not to the apply. */
  const [confirmFailure, setConfirmFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);

  const chooseImages = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(event.currentTarget.files ?? [])];
    event.currentTarget.value = '';
    const wrong = chosen.find((file) => !hasExtension(file.name, IMAGE_EXTENSIONS));
    if (wrong) return setFailure({ ok: false, code: 'bad-file', message: t('consoleApply.notImage', { file: wrong.name }) });
    if (chosen.length > MAX_IMAGES) return setFailure({ ok: false, code: 'bad-file', message: t('consoleApply.imagesTooMany', { max: MAX_IMAGES }) });
    setFailure(null);
    setImages(chosen);
  };

  const chooseSettings = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.currentTarget.files?.[0] ?? null;
    event.currentTarget.value = '';
    if (chosen && !hasExtension(chosen.name, ['.xml'])) return setFailure({ ok: false, code: 'bad-file', message: t('consoleApply.notXml', { file: chosen.name }) });
    setFailure(null);
    setSettingsFile(chosen);
  };

  /** Applies on a console (exports elsewhere); `usb` exports for a USB stick even on a console. */
  const apply = async (usb: boolean) => {
    setBusy(true);
    setFailure(null);
    let read;
    let settingsXml: { fileName: string; text: string } | undefined;
    try {
      read = await readPickedFiles(images);
      if (settingsFile) settingsXml = await readText(settingsFile);
    } catch (error) {
      setBusy(false);
      setFailure({ ok: false, code: 'bad-file', message: t('certs.readFailed', { fileName: error instanceof Error ? error.message : '' }) });
      return;
    }
    const result = await call(() =>
      api.onsite.applyConsole({ siteId, upn, ...(settingsXml ? { settingsXml } : {}), ...(read.length > 0 ? { images: read } : {}), ...(usb ? { usb: true } : {}) }),
    );
    setBusy(false);
    if (result.ok) {
      setApplied(result.data);
      setConsumed(null);
      announce(t('consoleApply.done', { mode: t(`consoleApply.mode.${result.data.mode}`), folder: result.data.folder }));
      onRan();
    } else if (result.code !== 'cancelled') setFailure(result);
  };

  const confirm = async () => {
    setBusy(true);
    setConfirmFailure(null);
    const result = await call(() => api.onsite.confirmConsole({ siteId, upn }));
    setBusy(false);
    if (result.ok) {
      setConsumed(result.data);
      announce(result.data.consumed ? t('consoleApply.consumed') : t('consoleApply.notConsumed'));
      onRan();
    } else setConfirmFailure(result);
  };

  const checks = [applied?.check, consumed?.check].filter((check) => check !== undefined);
  const shown = checks.length > 0 ? checks : recorded;
  return (
    <section className="onsite-tool" aria-labelledby="console-apply-title">
      <h3 id="console-apply-title">{t('consoleApply.title')}</h3>
      <p className="muted">{t('consoleApply.intro')}</p>
      <div className="file-field">
        <label htmlFor={xmlId}>{t('consoleApply.settingsFile')}</label>
        <input id={xmlId} type="file" accept=".xml" disabled={busy} onChange={chooseSettings} aria-describedby={`${xmlId}-hint`} />
        <p id={`${xmlId}-hint`} className="muted">
          {settingsFile ? t('consoleApply.settingsChosen', { name: settingsFile.name }) : t('consoleApply.settingsPrepared')}
        </p>
      </div>
      <div className="file-field">
        <label htmlFor={imagesId}>{t('consoleApply.images')}</label>
        <input id={imagesId} type="file" multiple accept={IMAGE_EXTENSIONS.join(',')} disabled={busy} onChange={chooseImages} />
      </div>
      {images.length > 0 && <p className="muted">{t('consoleApply.imagesChosen', { names: images.map((file) => file.name).join(', ') })}</p>}
      <div className="button-row">
        <Button size="large" appearance="primary" disabled={busy} onClick={() => void apply(false)}>
          {t('consoleApply.run')}
        </Button>
        <Button size="large" disabled={busy} onClick={() => void apply(true)}>
          {t('consoleApply.usb')}
        </Button>
      </div>
      <FailureMessage failure={failure} />
      <LastRun checks={shown} />
      {applied && (
        <div className="onsite-applied" data-testid="console-applied">
          <p>
            <StateBadge state={applied.check.status} compact /> {t(`consoleApply.mode.${applied.mode}`)}
          </p>
          <dl className="onsite-facts">
            <dt>{t('consoleApply.folder')}</dt>
            <dd>
              <code className="value-cell">{applied.folder}</code>
            </dd>
            <dt>{t('consoleApply.files')}</dt>
            <dd>
              <ul>
                {applied.files.map((file) => (
                  <li key={file.name}>{t('consoleApply.fileSize', { name: file.name, bytes: file.bytes })}</li>
                ))}
              </ul>
            </dd>
          </dl>
          <h4>{t('consoleApply.instructions')}</h4>
          <ol className="onsite-instructions">
            {applied.instructions.map((step, index) =>
              // An indented step is a command to type (as the USB stick's README lays it out): shown as code to copy.
              /^\s/.test(step) ? (
                <li key={index} className="install-command">
                  <code className="value-cell">{step.trim()}</code>
                  <CopyButton text={step.trim()} label={t('consoleApply.copyCommand', { command: step.trim() })} size="large" />
                </li>
              ) : (
                <li key={index}>{step}</li>
              ),
            )}
          </ol>
        </div>
      )}
      <p className="muted">{t('consoleApply.confirmHint')}</p>
      <div className="button-row">
        <Button size="large" disabled={busy} onClick={() => void confirm()}>
          {t('consoleApply.confirm')}
        </Button>
      </div>
      <FailureMessage failure={confirmFailure} />
      {consumed && (
        <p className={consumed.consumed ? undefined : 'warning-text'}>
          {consumed.consumed ? t('consoleApply.consumed') : t('consoleApply.notConsumed')}
          {consumed.remaining.length > 0 && ` ${t('consoleApply.remaining', { files: consumed.remaining.join(', ') })}`}
        </p>
      )}
      <CheckResults checks={shown} label={t('toolkit.checks')} />
    </section>
  );
}
