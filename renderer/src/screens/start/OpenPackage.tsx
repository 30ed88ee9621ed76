// Opens an installer package (packages.open): the passphrase typed here (cleared once sent), then
// main asks for the file. A wrong passphrase or a damaged file comes back as a plain message.
import { Button, Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import type { SiteView } from '../../../../shared/ipc.ts';
import { call, type Failure } from '../../api/client.ts';
import { useApi } from '../../api/context.tsx';
import { FailureMessage } from '../../components/FailureMessage.tsx';
import { t } from '../../strings/t.ts';

export function OpenPackage({ onOpen, disabled }: { onOpen: (view: SiteView) => void; disabled: boolean }) {
  const api = useApi();
  const [passphrase, setPassphrase] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);

  const open = async () => {
    const typed = passphrase;
    setPassphrase('');
    setBusy(true);
    setFailure(null);
    const result = await call(() => api.packages.open({ passphrase: typed }));
    setBusy(false);
    if (result.ok) onOpen(result.data);
    else if (result.code !== 'cancelled') setFailure(result);
  };

  return (
    <section className="card" aria-labelledby="open-package-title">
      <h2 id="open-package-title">{t('start.package.title')}</h2>
      <p>{t('start.package.body')}</p>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (passphrase.length > 0) void open();
        }}
      >
        <Field label={t('start.package.passphrase')} hint={t('start.package.passphraseHint')}>
          <Input type="password" autoComplete="off" value={passphrase} onChange={(_, data) => setPassphrase(data.value)} />
        </Field>
        <div className="button-row">
          <Button type="submit" disabled={disabled || busy || passphrase.length === 0}>
            {t('start.package.button')}
          </Button>
        </div>
      </form>
      <FailureMessage failure={failure} />
    </section>
  );
}
