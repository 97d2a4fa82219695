import { Button, Result, Spin } from 'antd';
import { useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { ApiError } from '../../api/errors.ts';
import { session } from '../../api/session.ts';
import { useHealth } from '../../api/system.ts';
import { ProblemAlert } from '../../components/problem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * Lets the app through once the caller is known. Local mode: the cookie set
 * by the printed link; cloud mode: a stored access token, else the login page.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const health = useHealth();
  // After signing in, come back here (a /device?code=… link opened from a desktop, say).
  const location = useLocation();
  const back = { from: `${location.pathname}${location.search}` };
  const cloud = health.data?.mode === 'cloud';
  const me = useMe(health.isSuccess && (!cloud || session.accessToken() !== undefined));
  // Opened without a network (a phone in the subway, the shell from the service worker): let the
  // app and its offline drafts through. The checks run when the network is back, and must not
  // unmount what the user is editing meanwhile.
  const [openedOffline] = useState(() => !navigator.onLine);

  if (health.isPending) return openedOffline ? <>{children}</> : <Spin fullscreen />;
  if (health.isError) {
    return (
      <div style={{ maxWidth: 560, margin: '15vh auto', padding: 16 }}>
        <ProblemAlert error={health.error} action={<Button onClick={() => void health.refetch()}>{t('common.retry')}</Button>} />
      </div>
    );
  }
  if (cloud && !session.accessToken()) return <Navigate to="/login" replace state={back} />;
  if (me.isPending && me.fetchStatus !== 'idle' && !openedOffline) return <Spin fullscreen />;
  if (me.isError && ApiError.isInstance(me.error) && me.error.status === 401) {
    if (cloud) {
      session.clear();
      return <Navigate to="/login" replace state={back} />;
    }
    return <Result status="403" title={t('error.authLocal')} subTitle={<code>creatorflow start</code>} />;
  }
  // A server without /api/auth/me yet still gets the app; pages show their own errors.
  return <>{children}</>;
}
