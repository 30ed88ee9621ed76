// The first launch on a machine with no tenant configured (and no site worked on yet) opens the
// practice site at once: a new user walks the whole flow on the simulated tenant before anything
// real. Later launches, or a configured tenant, start at the Start screen.
import { useEffect, useState } from 'react';
import type { SiteView } from '../../shared/ipc.ts';
import { call, type Api } from './api/client.ts';

/** True while deciding; `open` receives the practice site when it is the place to start. */
export function useFirstLaunch(api: Api, open: (view: SiteView) => void): boolean {
  const [deciding, setDeciding] = useState(true);
  useEffect(() => {
    let live = true;
    void (async () => {
      const [info, recent] = await Promise.all([call(() => api.app.info({})), call(() => api.sites.recent({}))]);
      const firstLaunch = info.ok && !info.data.tenantConfigured && recent.ok && recent.data.sites.length === 0;
      if (live && firstLaunch) {
        const practice = await call(() => api.sites.openPractice({}));
        if (live && practice.ok) open(practice.data);
      }
      if (live) setDeciding(false);
    })();
    return () => {
      live = false;
    };
    // Once per app start: `open` changes identity on every render and must not start it again.
  }, [api]);
  return deciding;
}
