// The room's sign-in test (onsite.signInTest): signs in as the room with its stored password, or
// with one typed here for this test only. The typed password leaves the field as the call starts.
import { Button, Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import type { SignInTestResult } from '../../../../../shared/onsite/results.ts';
import { call, type Failure } from '../../../api/client.ts';
import { useApi } from '../../../api/context.tsx';
import { useAnnounce } from '../../../components/Announcer.tsx';
import { FailureMessage } from '../../../components/FailureMessage.tsx';
import { StateBadge } from '../../../components/StateBadge.tsx';
import { t } from '../../../strings/t.ts';
import { CheckResults, LastRun } from './CheckResults.tsx';
import type { ToolPanelProps } from './NetworkPanel.tsx';

export function SignInTestPanel({ siteId, upn, recorded, onRan, hasStoredPassword }: ToolPanelProps & { hasStoredPassword: boolean }) {
  const api = useApi();
  const announce = useAnnounce();
  const [password, setPassword] = useState('');
  const [result, setResult] = useState<SignInTestResult | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    const typed = password;
    setPassword('');
    setBusy(true);
    setFailure(null);
    announce(t('toolkit.running'));
    const outcome = await call(() => api.onsite.signInTest({ siteId, upn, ...(typed ? { password: typed } : {}) }));
    setBusy(false);
    if (outcome.ok) {
      setResult(outcome.data);
      announce(t('signInTest.done', { upn: outcome.data.upn, explanation: outcome.data.explanation }));
      onRan();
    } else setFailure(outcome);
  };

  const checks = result ? [result.check] : recorded;
  return (
    <section className="onsite-tool" aria-labelledby="sign-in-test-title">
      <h3 id="sign-in-test-title">{t('signInTest.title')}</h3>
      <p className="muted">{t('signInTest.intro')}</p>
      <p>{hasStoredPassword ? t('signInTest.stored') : t('signInTest.noStored')}</p>
      <Field label={hasStoredPassword ? t('signInTest.password') : t('signInTest.passwordRequired')} hint={t('signInTest.passwordHint')} size="large">
        <Input size="large" type="password" autoComplete="off" value={password} onChange={(_, data) => setPassword(data.value)} />
      </Field>
      <div className="button-row">
        <Button size="large" appearance="primary" disabled={busy || (!hasStoredPassword && password.length === 0)} onClick={() => void run()}>
          {busy ? t('toolkit.running') : t('signInTest.run')}
        </Button>
      </div>
      <FailureMessage failure={failure} />
      <LastRun checks={checks} />
      {result ? (
        <dl className="onsite-facts">
          <dt>{t('signInTest.outcome')}</dt>
          <dd>
            <StateBadge state={result.check.status} compact /> <span>{t(`signInOutcome.${result.outcome}`)}</span>
          </dd>
          {result.aadsts && (
            <>
              <dt>{t('signInTest.code')}</dt>
              <dd>
                <code>{result.aadsts}</code>
              </dd>
            </>
          )}
          <dt>{t('signInTest.explanation')}</dt>
          <dd>{result.explanation}</dd>
          {result.remedy && (
            <>
              <dt>{t('signInTest.remedy')}</dt>
              <dd>{result.remedy}</dd>
            </>
          )}
          {result.licences && (
            <>
              <dt>{t('signInTest.licences')}</dt>
              <dd>{result.licences.length > 0 ? result.licences.join(', ') : t('signInTest.noLicences')}</dd>
            </>
          )}
        </dl>
      ) : (
        <CheckResults checks={checks} label={t('toolkit.checks')} />
      )}
    </section>
  );
}
