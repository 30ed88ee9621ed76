// An on-site tool's findings: one entry per check with its state (icon + word), what was found and,
// when it did not pass, what to do. Network remedies are phrased as what to ask the network team.
import type { OnSiteCheck } from '../../../../../shared/onsite/results.ts';
import { StateBadge } from '../../../components/StateBadge.tsx';
import { t } from '../../../strings/t.ts';

/** When the tool last ran: the newest of its checks, or nothing when it never did. */
export function lastRunOf(checks: readonly OnSiteCheck[]): string | undefined {
  let newest: string | undefined;
  for (const check of checks) if (newest === undefined || Date.parse(check.at) > Date.parse(newest)) newest = check.at;
  return newest;
}

export function LastRun({ checks }: { checks: readonly OnSiteCheck[] }) {
  const at = lastRunOf(checks);
  return <p className="muted">{at ? t('toolkit.lastRun', { time: new Date(at).toLocaleString() }) : t('toolkit.neverRun')}</p>;
}

export type RemedyStyle = 'do' | 'ask-network-team';

function remedyText(remedy: string, style: RemedyStyle): string {
  // A producer may already word it as a request to the network team; it is not said twice.
  if (style === 'ask-network-team' && !/^ask\b/i.test(remedy.trim())) return t('network.askTeam', { remedy });
  return style === 'ask-network-team' ? remedy : t('toolkit.remedy', { remedy });
}

export function CheckResults({ checks, remedyStyle = 'do', label }: { checks: readonly OnSiteCheck[]; remedyStyle?: RemedyStyle; label: string }) {
  if (checks.length === 0) return null;
  return (
    <ul className="onsite-checks" aria-label={label}>
      {checks.map((check) => (
        <li key={check.id} className={`onsite-check onsite-check-${check.status}`} data-check-id={check.id}>
          <div className="onsite-check-head">
            <StateBadge state={check.status} compact />
            <span className="onsite-check-title">{check.title}</span>
          </div>
          <p className="onsite-check-detail">{check.detail}</p>
          {check.remedy && check.status !== 'passed' && <p className="onsite-check-remedy">{remedyText(check.remedy, remedyStyle)}</p>}
        </li>
      ))}
    </ul>
  );
}
