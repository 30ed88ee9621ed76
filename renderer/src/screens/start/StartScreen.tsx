// Start: practice mode (first and highlighted when no tenant is configured), new site, open, recent,
// and an installer package opened with its passphrase.
import { Button } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { SiteView } from '../../../../shared/ipc.ts';
import { call, type Failure } from '../../api/client.ts';
import { useApi } from '../../api/context.tsx';
import { FailureMessage } from '../../components/FailureMessage.tsx';
import { ScreenHeading } from '../../components/ScreenHeading.tsx';
import { t } from '../../strings/t.ts';
import { NewSiteForm } from './NewSiteForm.tsx';
import { OpenPackage } from './OpenPackage.tsx';
import { RecentSites } from './RecentSites.tsx';

export function StartScreen({ onOpen }: { onOpen: (view: SiteView) => void }) {
  const api = useApi();
  const [tenantConfigured, setTenantConfigured] = useState<boolean | undefined>(undefined);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void call(() => api.app.info({})).then((result) => {
      if (live && result.ok) setTenantConfigured(result.data.tenantConfigured);
    });
    return () => {
      live = false;
    };
  }, [api]);

  const open = async (request: () => ReturnType<typeof api.sites.open>) => {
    setBusy(true);
    setFailure(null);
    const result = await call(request);
    setBusy(false);
    if (result.ok) onOpen(result.data);
    else if (result.code !== 'cancelled') setFailure(result);
  };

  const practiceFirst = tenantConfigured === false;
  const practice = (
    <section className={practiceFirst ? 'card card-highlight' : 'card'} aria-labelledby="practice-title" key="practice">
      <h2 id="practice-title">{t('start.practice.title')}</h2>
      {practiceFirst && <p className="recommended">{t('start.practice.recommended')}</p>}
      <p>{t('start.practice.body')}</p>
      <Button appearance={practiceFirst ? 'primary' : 'secondary'} disabled={busy} onClick={() => void open(() => api.sites.openPractice({}))}>
        {t('start.practice.button')}
      </Button>
    </section>
  );
  const create = (
    <section className="card" aria-labelledby="new-site-title" key="new">
      <h2 id="new-site-title">{t('start.new.title')}</h2>
      <NewSiteForm onCreated={onOpen} primary={!practiceFirst} />
    </section>
  );

  return (
    <div className="screen start-screen">
      <ScreenHeading>{t('start.title')}</ScreenHeading>
      <p className="lead">{t('start.intro')}</p>
      <FailureMessage failure={failure} />
      <div className="start-grid">
        {practiceFirst ? [practice, create] : [create, practice]}
        <section className="card" aria-labelledby="open-site-title">
          <h2 id="open-site-title">{t('start.open.title')}</h2>
          <Button disabled={busy} onClick={() => void open(() => api.sites.open({}))}>
            {t('start.open.button')}
          </Button>
          <RecentSites onOpenPath={(path) => void open(() => api.sites.open({ path }))} disabled={busy} />
        </section>
        <OpenPackage onOpen={onOpen} disabled={busy} />
      </div>
    </div>
  );
}
