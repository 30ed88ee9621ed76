// Network readiness from this machine (onsite.network): run the checks, see them grouped by kind
// (DNS, TCP, TLS, STUN, clock, proxy) with what to ask the network team, and the proxy in effect.
import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import type { NetworkReport, OnSiteCheck } from '../../../../../shared/onsite/results.ts';
import { countChecks } from '../../../../../shared/onsite/results.ts';
import { call, type Failure } from '../../../api/client.ts';
import { useApi } from '../../../api/context.tsx';
import { useAnnounce } from '../../../components/Announcer.tsx';
import { FailureMessage } from '../../../components/FailureMessage.tsx';
import { t } from '../../../strings/t.ts';
import { CheckResults, LastRun } from './CheckResults.tsx';

const KINDS = ['dns', 'tcp', 'tls', 'stun', 'clock', 'proxy'] as const;
type Kind = (typeof KINDS)[number] | 'other';

/** The kind of probe a check's id names (`network.tls.…`, or a segment further in). */
export function kindOfCheck(id: string): Kind {
  const segments = id.split('.').slice(1);
  return segments.map((segment) => segment.toLowerCase()).find((segment): segment is (typeof KINDS)[number] => (KINDS as readonly string[]).includes(segment)) ?? 'other';
}

function groupByKind(checks: readonly OnSiteCheck[]): { kind: Kind; checks: OnSiteCheck[] }[] {
  const groups = new Map<Kind, OnSiteCheck[]>();
  for (const check of checks) {
    const kind = kindOfCheck(check.id);
    groups.set(kind, [...(groups.get(kind) ?? []), check]);
  }
  return [...KINDS, 'other' as const].filter((kind) => groups.has(kind)).map((kind) => ({ kind, checks: groups.get(kind)! }));
}

export interface ToolPanelProps {
  siteId: string;
  upn: string;
  /** What this tool recorded for the room earlier (onsite.checks). */
  recorded: readonly OnSiteCheck[];
  /** A run finished: the recorded checks are read again. */
  onRan: () => void;
}

export function NetworkPanel({ siteId, upn, recorded, onRan }: ToolPanelProps) {
  const api = useApi();
  const announce = useAnnounce();
  const [report, setReport] = useState<NetworkReport | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    setFailure(null);
    announce(t('toolkit.running'));
    const result = await call(() => api.onsite.network({ siteId, upn }));
    setBusy(false);
    if (result.ok) {
      setReport(result.data);
      announce(t('network.done', { counts: t('toolkit.counts', result.data.counts) }));
      onRan();
    } else setFailure(result);
  };

  const checks = report?.checks ?? recorded;
  const counts = report?.counts ?? countChecks(checks);
  return (
    <section className="onsite-tool" aria-labelledby="network-title">
      <h3 id="network-title">{t('network.title')}</h3>
      <p className="muted">{t('network.intro')}</p>
      <div className="button-row">
        <Button size="large" appearance="primary" disabled={busy} onClick={() => void run()}>
          {busy ? t('toolkit.running') : t('network.run')}
        </Button>
      </div>
      <FailureMessage failure={failure} />
      <LastRun checks={checks} />
      {checks.length > 0 && (
        <p className="onsite-summary" data-testid="network-summary">
          {t('toolkit.counts', counts)}
          {report && ` ${t('network.proxy', { value: report.proxy.value, source: t(`network.proxySource.${report.proxy.source}`) })}`}
        </p>
      )}
      {groupByKind(checks).map((group) => (
        <div key={group.kind} className="onsite-check-group">
          <h4>{t(`network.group.${group.kind}`)}</h4>
          <CheckResults checks={group.checks} remedyStyle="ask-network-team" label={t(`network.group.${group.kind}`)} />
        </div>
      ))}
    </section>
  );
}
