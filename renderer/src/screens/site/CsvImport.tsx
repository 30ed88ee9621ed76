// CSV import: the file's bytes are read here and sent to rooms.importCsv, which decodes them as the
// CLI does (UTF-8, UTF-16, Excel's Windows-1252); rejected rows and warnings come back one by one
// (row, field, value, message) and are listed in tables.
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useRef, useState, type ChangeEvent } from 'react';
import type { ChannelOutput, SiteView } from '../../../../shared/ipc.ts';
import { bytesToBase64 } from '../../api/base64.ts';
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
    let base64: string;
    try {
      base64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
    } catch {
      setBusy(false);
      onImported({ ok: false, code: 'bad-file', message: t('csv.readFailed', { fileName: file.name }) });
      return;
    }
    const result = await call(() => api.rooms.importCsv({ siteId: view.id, fileName: file.name, base64 }));
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
      <RowIssueTable caption={t('csv.rejected')} rows={data.rejected} />
      <RowIssueTable caption={t('csv.warnings')} rows={data.warnings} />
      {data.unknownColumns.length > 0 && <p>{t('csv.unknownColumns', { columns: data.unknownColumns.join(', ') })}</p>}
      <Button appearance="subtle" onClick={onDismiss}>
        {t('csv.dismiss')}
      </Button>
    </section>
  );
}

function RowIssueTable({ caption, rows }: { caption: string; rows: ImportResult['rejected'] }) {
  if (rows.length === 0) return null;
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('csv.col.row')}</th>
          <th scope="col">{t('csv.col.field')}</th>
          <th scope="col">{t('csv.col.value')}</th>
          <th scope="col">{t('csv.col.message')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={`${row.row}-${row.field ?? ''}-${index}`}>
            <td>{row.row}</td>
            <td>{row.field ?? ''}</td>
            <td className="value-cell">{row.value ?? ''}</td>
            <td>{row.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export type { ImportResult };
