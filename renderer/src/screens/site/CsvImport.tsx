// CSV import: the file is read here and its text sent to rooms.importCsv; rejected rows come back
// one by one (row, field, value, message) and are listed in a table.
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useRef, useState, type ChangeEvent } from 'react';
import type { ChannelOutput, SiteView } from '../../../../shared/ipc.ts';
import { call, type Failure } from '../../api/client.ts';
import { useApi } from '../../api/context.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { FailureMessage } from '../../components/FailureMessage.tsx';
import { t } from '../../strings/t.ts';

type ImportResult = ChannelOutput<'rooms.importCsv'> & { fileName: string };

export function CsvImportButton({ view, onImported }: { view: SiteView; onImported: (result: ImportResult | Failure) => void }) {
  const api = useApi();
  const announce = useAnnounce();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    let text: string;
    try {
      text = await file.text();
    } catch {
      setBusy(false);
      onImported({ ok: false, code: 'bad-file', message: t('csv.readFailed', { fileName: file.name }) });
      return;
    }
    const result = await call(() => api.rooms.importCsv({ siteId: view.id, fileName: file.name, text }));
    setBusy(false);
    if (result.ok) {
      const { added, replaced, rejected } = result.data;
      announce(t('csv.result', { fileName: file.name, added, replaced, rejected: rejected.length }));
      onImported({ ...result.data, fileName: file.name });
    } else onImported(result);
  };

  return (
    <>
      <Button disabled={busy} onClick={() => input.current?.click()}>
        {t('rooms.importCsv')}
      </Button>
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv,text/plain"
        className="visually-hidden"
        tabIndex={-1}
        aria-label={t('rooms.importCsv')}
        onChange={(event) => void onFile(event)}
      />
    </>
  );
}

export function CsvImportResult({ result, onDismiss }: { result: ImportResult | Failure; onDismiss: () => void }) {
  if ('ok' in result && result.ok === false) return <FailureMessage failure={result} />;
  const data = result as ImportResult;
  return (
    <section className="panel" aria-labelledby="csv-result-title">
      <h3 id="csv-result-title">{t('csv.title')}</h3>
      <MessageBar intent={data.rejected.length > 0 ? 'warning' : 'success'} layout="multiline">
        <MessageBarBody>
          {t('csv.result', { fileName: data.fileName, added: data.added, replaced: data.replaced, rejected: data.rejected.length })}
        </MessageBarBody>
      </MessageBar>
      {data.rejected.length > 0 && (
        <table className="data-table">
          <caption>{t('csv.rejected')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('csv.col.row')}</th>
              <th scope="col">{t('csv.col.field')}</th>
              <th scope="col">{t('csv.col.value')}</th>
              <th scope="col">{t('csv.col.message')}</th>
            </tr>
          </thead>
          <tbody>
            {data.rejected.map((row, index) => (
              <tr key={`${row.row}-${row.field ?? ''}-${index}`}>
                <td>{row.row}</td>
                <td>{row.field ?? ''}</td>
                <td className="value-cell">{row.value ?? ''}</td>
                <td>{row.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Button appearance="subtle" onClick={onDismiss}>
        {t('csv.dismiss')}
      </Button>
    </section>
  );
}

export type { ImportResult };
