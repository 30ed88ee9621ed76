// The recently opened site files, newest first.
import { Button } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/ipc.ts';
import { TOPOLOGIES } from '../../../../shared/topology.ts';
import { call } from '../../api/client.ts';
import { useApi } from '../../api/context.tsx';
import { t } from '../../strings/t.ts';

type Recent = ChannelOutput<'sites.recent'>['sites'];

export function RecentSites({ onOpenPath, disabled }: { onOpenPath: (path: string) => void; disabled: boolean }) {
  const api = useApi();
  const [sites, setSites] = useState<Recent | null>(null);
  useEffect(() => {
    let live = true;
    void call(() => api.sites.recent({})).then((result) => {
      if (live) setSites(result.ok ? result.data.sites : []);
    });
    return () => {
      live = false;
    };
  }, [api]);

  return (
    <>
      <h3>{t('start.recent.title')}</h3>
      {sites !== null && sites.length === 0 && <p>{t('start.recent.empty')}</p>}
      {sites && sites.length > 0 && (
        <ul className="recent-list">
          {sites.map((site) => (
            <li key={site.path}>
              <Button appearance="transparent" disabled={disabled} aria-label={t('start.recent.open', { name: site.name })} onClick={() => onOpenPath(site.path)}>
                {site.name}
              </Button>
              <span className="muted">
                {t('start.recent.detail', { topology: TOPOLOGIES[site.topology].label, date: new Date(site.openedAt).toLocaleString() })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
