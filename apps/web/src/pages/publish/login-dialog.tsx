import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Space, Spin, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { publishApi, type LoginSession, type PublishAccount, type VaultStatus } from '../../api/publish.ts';
import { ProblemAlert } from '../../components/problem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { VaultSetup } from './vault-setup.tsx';

/** How often the dialog asks whether the phone confirmed; the server checks the page every 300 ms. */
const POLL_MS = 1_000;

/**
 * An interactive login in progress: shows the platform's QR code as the server's
 * browser sees it (and says when a window was opened on this computer too), and
 * closes by itself once the platform shows the account logged in.
 */
export function LoginDialog({
  account,
  started,
  vault,
  onVaultReady,
  onClose,
  onRestart,
  onLoggedIn,
}: {
  account: PublishAccount;
  started: LoginSession | undefined;
  /** The vault when it must be set up or unlocked first; the QR code comes after. */
  vault?: VaultStatus;
  onVaultReady?: () => void;
  onClose: () => void;
  onRestart: () => void;
  onLoggedIn: (session: LoginSession) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const session = useQuery({
    queryKey: ['login-session', started?.id],
    queryFn: () => publishApi.login(account.id, started!.id),
    enabled: started !== undefined,
    initialData: started,
    refetchInterval: (query) => (query.state.data?.status === 'waiting' ? POLL_MS : false),
  });
  const current = session.data;
  const announced = useRef<string>(undefined);

  useEffect(() => {
    if (current?.status !== 'logged_in' || announced.current === current.id) return;
    announced.current = current.id;
    void message.success(t('publish.loginDone', { nickname: current.nickname ?? account.name }));
    onLoggedIn(current);
  }, [current, account.name, message, onLoggedIn, t]);

  return (
    <Modal
      open={started !== undefined || (vault !== undefined && !vault.unlocked)}
      title={t('publish.loginTitle', { name: account.name })}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
      data-testid="login-dialog"
    >
      {session.isError ? <ProblemAlert error={session.error} /> : null}
      {vault && !vault.unlocked && started === undefined ? (
        <VaultSetup
          status={vault}
          onReady={onVaultReady}
          intro={vault.initialized ? t('vault.loginIntroLocked') : t('vault.loginIntroNew')}
        />
      ) : current?.status === 'failed' ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert
            type="error"
            showIcon
            title={t('publish.loginFailed')}
            description={
              <>
                {t('publish.loginFailedHint')}
                {current.error ? (
                  <details className="cf-tech-detail">
                    <summary>{t('error.details')}</summary>
                    <code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{current.error}</code>
                  </details>
                ) : null}
              </>
            }
          />
          <Button type="primary" onClick={onRestart}>
            {t('publish.loginAgain')}
          </Button>
        </Space>
      ) : current?.qr_image ? (
        <Space orientation="vertical" align="center" style={{ width: '100%' }}>
          <Typography.Text strong>{t('publish.loginQr')}</Typography.Text>
          <img
            src={current.qr_image}
            alt="QR"
            data-testid="login-qr"
            style={{ width: 240, display: 'block' }}
          />
          <Typography.Text type="secondary">{t('publish.loginWaiting')}</Typography.Text>
          {current.window ? (
            <Typography.Text type="secondary">{t('publish.loginWindowToo')}</Typography.Text>
          ) : null}
        </Space>
      ) : (
        <Space orientation="vertical" align="center" style={{ width: '100%', padding: 24 }}>
          <Spin />
          <Typography.Text type="secondary">
            {current?.window ? t('publish.loginStarted') : t('publish.loginPreparing')}
          </Typography.Text>
        </Space>
      )}
    </Modal>
  );
}
