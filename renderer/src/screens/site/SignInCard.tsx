// The tenant sign-in: state, account, and while a device-code sign-in waits, the code shown large
// with a copy button and the verification address. tenant.changed events keep it current.
import { Button, Link } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { TenantStatus } from '../../../../shared/ipc.ts';
import { call, type Failure } from '../../api/client.ts';
import { useApi, useApiEvent } from '../../api/context.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { CopyButton } from '../../components/CopyButton.tsx';
import { FailureMessage } from '../../components/FailureMessage.tsx';
import { t } from '../../strings/t.ts';

export function SignInCard({ siteId }: { siteId: string }) {
  const api = useApi();
  const announce = useAnnounce();
  const [status, setStatus] = useState<TenantStatus | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  useEffect(() => {
    let live = true;
    void call(() => api.tenant.status({ siteId })).then((result) => {
      if (!live) return;
      if (result.ok) setStatus(result.data);
      else setFailure(result);
    });
    return () => {
      live = false;
    };
  }, [api, siteId]);

  useApiEvent('tenant.changed', (payload) => {
    if (payload.siteId !== siteId) return;
    setStatus(payload);
    announce(t(`signin.state.${payload.state}`));
  });

  const run = async (request: () => Promise<Awaited<ReturnType<typeof api.tenant.status>>>) => {
    setFailure(null);
    const result = await call(request);
    if (result.ok) setStatus(result.data);
    else if (result.code !== 'cancelled') setFailure(result);
  };

  const code = status?.deviceCode;
  return (
    <section className="card" aria-labelledby="signin-title">
      <h2 id="signin-title">{t('signin.title')}</h2>
      {status && (
        <p>
          <strong>{t(`signin.state.${status.state}`)}</strong>
          {status.account && <> · {t('signin.account', { username: status.account.username, tenantId: status.account.tenantId })}</>}
        </p>
      )}
      {status?.practice && <p className="muted">{t('signin.practice')}</p>}
      {status?.error && <p className="error-text">{status.error}</p>}
      {code && (
        <div className="device-code" aria-labelledby="device-code-label">
          <p>
            {t('signin.code.instructions', { uri: code.verificationUri })}{' '}
            <Link href={code.verificationUri} target="_blank" rel="noreferrer">
              {t('signin.code.openLink')}
            </Link>
          </p>
          <p id="device-code-label" className="muted">
            {t('signin.code.label')}
          </p>
          <p className="device-code-value" aria-describedby="device-code-label">
            {code.userCode}
          </p>
          <CopyButton text={code.userCode} label={t('signin.code.copy')} size="large">
            {t('signin.code.copy')}
          </CopyButton>
          <p className="muted">{t('signin.code.expires', { time: new Date(code.expiresAt).toLocaleTimeString() })}</p>
        </div>
      )}
      <FailureMessage failure={failure} />
      {status && !status.practice && (
        <div className="button-row">
          {status.state !== 'signed-in' && (
            <>
              <Button appearance="primary" disabled={status.state === 'signing-in'} onClick={() => void run(() => api.tenant.signIn({ siteId, method: 'device-code' }))}>
                {t('signin.deviceCode')}
              </Button>
              <Button disabled={status.state === 'signing-in'} onClick={() => void run(() => api.tenant.signIn({ siteId, method: 'interactive' }))}>
                {t('signin.interactive')}
              </Button>
            </>
          )}
          {status.state === 'signed-in' && <Button onClick={() => void run(() => api.tenant.signOut({ siteId }))}>{t('signin.signOut')}</Button>}
        </div>
      )}
    </section>
  );
}
