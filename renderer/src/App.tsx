// The app shell: theme, header (product name, practice banner, theme and on-site switches), skip
// link, navigation between screens, and the notice shown when the page runs without the bridge.
import { RendererProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { SiteView } from '../../shared/ipc.ts';
import type { Api } from './api/client.ts';
import { ApiContext } from './api/context.tsx';
import { AnnouncerProvider } from './components/Announcer.tsx';
import { AppHeader } from './components/AppHeader.tsx';
import { useFirstLaunch } from './first-launch.ts';
import type { Screen } from './navigation.ts';
import { ConsoleConfigScreen } from './screens/console/ConsoleConfigScreen.tsx';
import { NoBridgeNotice } from './screens/NoBridgeNotice.tsx';
import { OnSiteScreen } from './screens/onsite/OnSiteScreen.tsx';
import { RoomScreen } from './screens/room/RoomScreen.tsx';
import { SiteScreen } from './screens/site/SiteScreen.tsx';
import { StartScreen } from './screens/start/StartScreen.tsx';
import { t } from './strings/t.ts';
import { createCspStyleRenderer } from './styles/csp-style-renderer.ts';
import { useThemeSheet } from './styles/theme-sheet.ts';
import { useColourScheme } from './theme.ts';

export interface AppProps {
  /** window.roomready; undefined when the page runs without the app's preload. */
  api: Api | undefined;
}

export function App({ api }: AppProps) {
  const [dark, setDark] = useColourScheme();
  // No FluentProvider: it writes the theme into a <style> element, which the CSP refuses. The theme's
  // variables go on :root and Griffel's rules into constructable stylesheets instead.
  const renderer = useMemo(() => createCspStyleRenderer(document), []);
  useThemeSheet(dark ? webDarkTheme : webLightTheme, dark);
  return (
    <RendererProvider renderer={renderer} targetDocument={document}>
      <div className="app-root">
        <AnnouncerProvider>
          {api ? (
            <ApiContext.Provider value={api}>
              <Shell api={api} dark={dark} setDark={setDark} />
            </ApiContext.Provider>
          ) : (
            <NoBridgeNotice />
          )}
        </AnnouncerProvider>
      </div>
    </RendererProvider>
  );
}

function Shell({ api, dark, setDark }: { api: Api; dark: boolean; setDark: (dark: boolean) => void }) {
  const [site, setSite] = useState<SiteView | null>(null);
  const [screen, setScreen] = useState<Screen>({ name: 'start' });
  const [lastUpn, setLastUpn] = useState<string | undefined>(undefined);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());

  const navigate = (next: Screen) => {
    if ('upn' in next && next.upn) setLastUpn(next.upn);
    setScreen(next);
  };
  const openSite = (view: SiteView) => {
    setSite(view);
    setLastUpn(undefined);
    setSelected(new Set());
    setScreen({ name: 'site' });
  };
  const closeSite = () => {
    if (site) void api.sites.close({ siteId: site.id }).catch(() => undefined);
    setSite(null);
    setScreen({ name: 'start' });
  };
  const deciding = useFirstLaunch(api, openSite);
  const onSite = screen.name === 'onsite';
  const setOnSite = (on: boolean) => navigate(on ? { name: 'onsite', upn: lastUpn } : { name: 'site' });

  return (
    <div className={onSite ? 'shell shell-onsite' : 'shell'}>
      <a className="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <AppHeader
        site={site}
        screen={screen}
        navigate={navigate}
        dark={dark}
        setDark={setDark}
        onSite={onSite}
        setOnSite={setOnSite}
        closeSite={closeSite}
      />
      <main id="main" tabIndex={-1} className="main">
        {deciding && site === null && <p className="muted">{t('app.starting')}</p>}
        {!deciding && (screen.name === 'start' || site === null) && <StartScreen onOpen={openSite} />}
        {site && screen.name === 'site' && <SiteScreen view={site} setView={setSite} navigate={navigate} selected={selected} setSelected={setSelected} />}
        {site && screen.name === 'room' && <RoomScreen view={site} upn={screen.upn} navigate={navigate} />}
        {site && screen.name === 'console' && <ConsoleConfigScreen view={site} upn={screen.upn} navigate={navigate} />}
        {site && screen.name === 'onsite' && <OnSiteScreen view={site} upn={screen.upn} navigate={navigate} />}
      </main>
      <footer className="app-footer">
        {api.appName} · {t('app.footer', { version: api.version, platform: api.platform })}
      </footer>
    </div>
  );
}
