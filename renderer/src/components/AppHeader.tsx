// The header: product name, the site's navigation, theme and on-site switches, the practice banner,
// and, for a site opened from an installer package, where it came from and whether it carries passwords.
import { Button, Switch } from '@fluentui/react-components';
import type { SiteView } from '../../../shared/ipc.ts';
import type { Navigate, Screen } from '../navigation.ts';
import { t } from '../strings/t.ts';

export interface AppHeaderProps {
  site: SiteView | null;
  screen: Screen;
  navigate: Navigate;
  dark: boolean;
  setDark: (dark: boolean) => void;
  onSite: boolean;
  setOnSite: (on: boolean) => void;
  closeSite: () => void;
}

export function AppHeader({ site, screen, navigate, dark, setDark, onSite, setOnSite, closeSite }: AppHeaderProps) {
  const current = (name: Screen['name']) => (screen.name === name ? 'page' : undefined);
  return (
    <header className="app-header">
      <div className="app-header-row">
        <span className="product-name">{t('app.name')}</span>
        {site && (
          <nav aria-label={t('app.nav')} className="app-nav">
            <Button appearance="subtle" aria-current={current('site')} onClick={() => navigate({ name: 'site' })}>
              {t('nav.site')}
            </Button>
            <Button appearance="subtle" aria-current={current('console')} onClick={() => navigate({ name: 'console' })}>
              {t('nav.console')}
            </Button>
            <Button appearance="subtle" onClick={closeSite}>
              {t('app.closeSite')}
            </Button>
          </nav>
        )}
        <div className="app-header-switches">
          <Switch label={t('app.onSiteMode')} checked={onSite} disabled={!site} onChange={(_, data) => setOnSite(data.checked)} />
          <Switch label={t('app.theme')} checked={dark} onChange={(_, data) => setDark(data.checked)} />
        </div>
      </div>
      {site?.practice && (
        <div className="practice-banner" role="note">
          <span aria-hidden="true">⚠ </span>
          {t('app.practiceBanner')}
        </div>
      )}
      {site?.package && (
        <div className="package-banner" role="note" data-testid="package-banner">
          {t('package.banner', { path: site.package.path, date: new Date(site.package.createdAt).toLocaleString() })}{' '}
          <strong>{site.package.includesPasswords ? t('package.passwordsIncluded') : t('package.passwordsLeftOut')}</strong>
        </div>
      )}
    </header>
  );
}
