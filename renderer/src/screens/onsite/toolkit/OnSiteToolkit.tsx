// The on-site tools for the chosen room, one tab each: network readiness, the room's sign-in test,
// certificates, and putting the console configuration on the console. What the tools recorded for
// the room (onsite.checks) is read when the room changes and after each run, so earlier results
// show after a restart.
import { Tab, TabList } from '@fluentui/react-components';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { SiteView } from '../../../../../shared/ipc.ts';
import { toolOfCheck, type OnSiteCheck, type OnSiteTool } from '../../../../../shared/onsite/results.ts';
import { call, type Failure } from '../../../api/client.ts';
import { useApi } from '../../../api/context.tsx';
import { FailureMessage } from '../../../components/FailureMessage.tsx';
import { t } from '../../../strings/t.ts';
import { CertificatesPanel } from './CertificatesPanel.tsx';
import { ConsoleApplyPanel } from './ConsoleApplyPanel.tsx';
import { NetworkPanel } from './NetworkPanel.tsx';
import { SignInTestPanel } from './SignInTestPanel.tsx';

const TAB_LABELS = {
  network: 'toolkit.tab.network',
  'sign-in': 'toolkit.tab.signIn',
  certificate: 'toolkit.tab.certificates',
  'console-config': 'toolkit.tab.console',
} as const satisfies Record<OnSiteTool, Parameters<typeof t>[0]>;
const TABS = Object.keys(TAB_LABELS) as OnSiteTool[];

export function OnSiteToolkit({ view, upn }: { view: SiteView; upn: string }) {
  const api = useApi();
  const [tool, setTool] = useState<OnSiteTool>('network');
  const [recorded, setRecorded] = useState<readonly OnSiteCheck[]>([]);
  const [failure, setFailure] = useState<Failure | null>(null);

  const load = useCallback(async () => {
    const result = await call(() => api.onsite.checks({ siteId: view.id, upn }));
    if (result.ok) {
      setRecorded(result.data.checks);
      setFailure(null);
    } else setFailure(result);
  }, [api, view.id, upn]);
  useEffect(() => {
    setRecorded([]);
    void load();
  }, [load]);

  const ofTool = (which: OnSiteTool) => recorded.filter((check) => toolOfCheck(check.id) === which);
  const panelProps = (which: OnSiteTool) => ({ siteId: view.id, upn, recorded: ofTool(which), onRan: () => void load() });
  const hasStoredPassword = view.rooms.find((room) => room.upn === upn)?.hasPassword ?? false;
  const panels: Record<OnSiteTool, ReactNode> = {
    network: <NetworkPanel {...panelProps('network')} />,
    'sign-in': <SignInTestPanel {...panelProps('sign-in')} hasStoredPassword={hasStoredPassword} />,
    certificate: <CertificatesPanel {...panelProps('certificate')} />,
    'console-config': <ConsoleApplyPanel {...panelProps('console-config')} />,
  };

  return (
    <section aria-labelledby="toolkit-title" className="onsite-section onsite-toolkit">
      <h2 id="toolkit-title">{t('toolkit.title')}</h2>
      <TabList size="large" selectedValue={tool} onTabSelect={(_, data) => setTool(data.value as OnSiteTool)} aria-label={t('toolkit.tabs')}>
        {TABS.map((id) => (
          <Tab key={id} value={id} id={`onsite-tab-${id}`} aria-controls={`onsite-panel-${id}`}>
            {t(TAB_LABELS[id])}
          </Tab>
        ))}
      </TabList>
      <FailureMessage failure={failure} />
      {/* Every panel stays mounted (hidden when not chosen): a result stays on screen across tabs.
          Keyed by room: a result shown belongs to the room it was run for. */}
      {TABS.map((id) => (
        <div key={`${upn}-${id}`} role="tabpanel" id={`onsite-panel-${id}`} aria-labelledby={`onsite-tab-${id}`} hidden={id !== tool} className="onsite-tool-panel">
          {panels[id]}
        </div>
      ))}
    </section>
  );
}
