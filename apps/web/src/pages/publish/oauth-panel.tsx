import { ApiOutlined, DisconnectOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import type { ApiResponse } from '../../api/schema.ts';
import type { PublishAccount } from '../../api/publish.ts';
import { useNotifyError } from '../../components/notify.tsx';
import { errorMessage } from '../../i18n/error-messages.ts';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { shortTime } from '../../lib/time.ts';
import { usePlatformName } from '../../lib/use-platform-name.ts';

type Authorize = ApiResponse<'/api/publish/accounts/{id}/oauth/authorize', 'post'>;
const CALLBACK = '/api/publish/oauth/callback';

/** Platforms whose web apps get no refresh token (微博): say so instead of showing a refresh expiry. */
const NO_REFRESH = new Set(['weibo']);

/**
 * 授权登录 on an account card for a platform with an official API: the grant's
 * state and expiry, authorize (to the platform's consent page and back),
 * refresh now, revoke; and the order the account's jobs try methods.
 */
export function OAuthPanel({ account }: { account: PublishAccount }) {
  const { t, locale } = useI18n();
  const platformName = usePlatformName();
  const notifyError = useNotifyError();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<string>();
  const [form] = Form.useForm<{ client_id?: string; client_secret?: string }>();
  // The time the card was drawn: expiry is judged once per render of the list, not on every paint.
  const [now] = useState(() => Date.now());
  const oauth = account.oauth;
  if (!oauth) return null;

  const run = async (key: string, work: () => Promise<void>) => {
    setBusy(key);
    try {
      await work();
      await queryClient.invalidateQueries({ queryKey: ['publish-accounts'] });
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(undefined);
    }
  };
  const expired =
    oauth.connected && oauth.refresh_expires_at !== null && Date.parse(oauth.refresh_expires_at) < now;
  const state = oauth.connected ? (expired ? 'expired' : 'connected') : oauth.revoked_at ? 'revoked' : 'none';
  const color = { connected: 'green', expired: 'red', revoked: 'default', none: 'default' }[state];
  const go = () =>
    void run('authorize', async () => {
      const v = form.getFieldsValue();
      const body =
        v.client_id && v.client_secret
          ? { client_id: v.client_id.trim(), client_secret: v.client_secret.trim(), return_to: '/publish' }
          : { return_to: '/publish' };
      const started = await api<Authorize>(`/api/publish/accounts/${account.id}/oauth/authorize`, { body });
      window.location.assign(started.authorize_url);
    });

  return (
    <div
      data-testid="oauth-panel"
      style={{ borderTop: '1px solid var(--cf-border, #f0f0f0)', marginTop: 8, paddingTop: 8, fontSize: 12 }}
    >
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text strong style={{ fontSize: 12 }}>
          {t('oauth.title')}
        </Typography.Text>
        <Tag color={color} data-testid="oauth-state">
          {t(`oauth.state.${state}` as MessageKey)}
        </Tag>
      </Space>
      <div style={{ color: 'var(--cf-text-secondary)', margin: '4px 0' }}>
        {oauth.connected && oauth.expires_at && (
          <div data-testid="oauth-expiry">
            {t('oauth.expiresAt', { time: shortTime(oauth.expires_at, locale) })}
          </div>
        )}
        {oauth.connected &&
          (NO_REFRESH.has(account.platform) && !oauth.refresh_expires_at ? (
            <div>{t('oauth.noRefresh')}</div>
          ) : (
            oauth.refresh_expires_at && (
              <div>{t('oauth.refreshExpiresAt', { time: shortTime(oauth.refresh_expires_at, locale) })}</div>
            )
          ))}
        {oauth.rotated_at && <div>{t('oauth.rotatedAt', { time: shortTime(oauth.rotated_at, locale) })}</div>}
        {account.methods && (
          <div data-testid="method-order">
            {t('oauth.methods', {
              order: account.methods.map((m) => t(`oauth.method.${m}` as MessageKey)).join(' → '),
            })}
          </div>
        )}
      </div>
      <Space wrap size={4}>
        <Button
          size="small"
          type={oauth.connected && !expired ? 'default' : 'primary'}
          icon={<ApiOutlined />}
          onClick={() => setOpen(true)}
          data-testid="oauth-connect"
        >
          {oauth.connected ? t('oauth.reconnect') : t('oauth.connect')}
        </Button>
        {oauth.connected && (
          <Button
            size="small"
            icon={<ReloadOutlined />}
            loading={busy === 'refresh'}
            onClick={() =>
              void run('refresh', async () => {
                await api(`/api/publish/accounts/${account.id}/oauth/refresh`, { body: {} });
                void message.success(t('oauth.refreshed'));
              })
            }
          >
            {t('oauth.refresh')}
          </Button>
        )}
        {oauth.connected && (
          <Popconfirm
            title={t('oauth.revokeConfirm')}
            onConfirm={() =>
              void run('revoke', async () => {
                await api(`/api/publish/accounts/${account.id}/oauth`, { method: 'DELETE' });
                void message.success(t('oauth.revoked'));
              })
            }
          >
            <Button
              size="small"
              danger
              icon={<DisconnectOutlined />}
              loading={busy === 'revoke'}
              data-testid="oauth-revoke"
            >
              {t('oauth.revoke')}
            </Button>
          </Popconfirm>
        )}
      </Space>
      <Modal
        open={open}
        title={t('oauth.dialogTitle', { platform: platformName(account.platform) })}
        okText={t('oauth.go')}
        confirmLoading={busy === 'authorize'}
        onOk={go}
        onCancel={() => setOpen(false)}
      >
        <Typography.Paragraph type="secondary">{t('oauth.dialogHint')}</Typography.Paragraph>
        <Typography.Paragraph copyable code>
          {`${window.location.origin}${CALLBACK}`}
        </Typography.Paragraph>
        <Form form={form} layout="vertical">
          <Form.Item name="client_id" label={t('oauth.clientId')}>
            <Input autoComplete="off" data-testid="oauth-client-id" />
          </Form.Item>
          <Form.Item name="client_secret" label={t('oauth.clientSecret')}>
            <Input.Password autoComplete="new-password" data-testid="oauth-client-secret" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

/** After the platform sent the browser back (…/publish?oauth=connected|failed&code=…): say how it went, once. */
export function useOAuthReturnNotice(): void {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const outcome = params.get('oauth');
    if (!outcome) return;
    if (outcome === 'connected') void message.success(t('oauth.connected'));
    else
      void message.error(
        t('oauth.failed', {
          reason: errorMessage(params.get('code') ?? undefined, locale) ?? t('error.title'),
        }),
        8,
      );
    for (const key of ['oauth', 'code', 'account']) params.delete(key);
    const rest = params.toString();
    window.history.replaceState(null, '', `${window.location.pathname}${rest ? `?${rest}` : ''}`);
  }, [message, t, locale]);
}
