import { CloudOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Input, Popconfirm, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { cloudLinkApi, type CloudLinkState } from '../../api/cloud-link.ts';
import { useNotifyError } from '../../components/notify.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n, type Translate } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { shortTime } from '../../lib/time.ts';

function failureMessage(state: Extract<CloudLinkState, { state: 'failed' }>, t: Translate): string {
  const key = `cloud.error.${state.error.code}` as MessageKey;
  const known = t(key);
  return known === key ? state.error.message : known;
}

/** 设置 → 连接云端 (local install): device-code sign-in to a cloud deployment, the link, unlink. */
export function CloudLinkCard() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  // While a sign-in waits for confirmation in the cloud, ask every 2 s whether it went through.
  const link = useQuery({ queryKey: ['cloud-link'], queryFn: cloudLinkApi.state, refetchInterval: (q) => (q.state.data?.state === 'pending' ? 2000 : false) });
  const linked = link.data?.state === 'linked';
  // The link completes on the cloud's side: when it does, the sync card should show without a reload.
  useEffect(() => {
    if (linked) void queryClient.invalidateQueries({ queryKey: ['sync-status'] });
  }, [linked, queryClient]);

  const act = async (fn: () => Promise<unknown>, done?: string) => {
    setBusy(true);
    try {
      const result = await fn();
      if (done) void message.success(done);
      queryClient.setQueryData(['cloud-link'], undefined);
      await queryClient.invalidateQueries({ queryKey: ['cloud-link'] });
      // The sync card appears once linked and goes with the link.
      await queryClient.invalidateQueries({ queryKey: ['sync-status'] });
      return result;
    } catch (error) {
      notifyError(error);
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  const connectForm = (
    <Space.Compact style={{ maxWidth: 520, width: '100%' }}>
      <Input value={url} onChange={(e) => setUrl(e.target.value)} placeholder={t('cloud.urlPlaceholder')} aria-label={t('cloud.url')} data-testid="cloud-url" onPressEnter={() => url && void act(() => cloudLinkApi.start(url))} />
      <Button type="primary" icon={<CloudOutlined />} loading={busy} disabled={!url.trim()} onClick={() => void act(() => cloudLinkApi.start(url))} data-testid="cloud-connect">
        {t('cloud.connect')}
      </Button>
    </Space.Compact>
  );

  return (
    <Card title={t('cloud.title')} style={{ marginBottom: 16 }} data-testid="cloud-link-card">
      <Typography.Paragraph type="secondary">{t('cloud.desc')}</Typography.Paragraph>
      <QueryState query={link} feature={t('cloud.title')}>
        {(state) => {
          if (state.state === 'pending') {
            return (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Typography.Text>{t('cloud.pendingHint', { time: shortTime(state.expires_at, locale) })}</Typography.Text>
                <Typography.Title level={2} copyable style={{ letterSpacing: 4, margin: 0 }} data-testid="cloud-user-code">
                  {state.user_code}
                </Typography.Title>
                <Space wrap>
                  <Button type="primary" href={state.verification_uri_complete} target="_blank" rel="noreferrer">
                    {t('cloud.openConfirm')}
                  </Button>
                  <Tag color="processing">{t('cloud.waiting')}</Tag>
                  <Button type="link" onClick={() => void act(() => cloudLinkApi.unlink())}>
                    {t('common.cancel')}
                  </Button>
                </Space>
              </Space>
            );
          }
          if (state.state === 'linked') {
            return (
              <Space orientation="vertical" style={{ width: '100%' }} data-testid="cloud-linked">
                <Tag color="green">{t('cloud.linked')}</Tag>
                <Typography.Text>{t('cloud.linkedTo', { url: state.cloud_url, workspace: state.cloud_workspace.name, user: state.cloud_user })}</Typography.Text>
                <Descriptions
                  column={1}
                  size="small"
                  items={[
                    { key: 'token', label: t('cloud.title'), children: state.token_store === 'keychain' ? t('cloud.tokenKeychain') : t('cloud.tokenFile') },
                    { key: 'since', label: t('cloud.since'), children: shortTime(state.linked_at, locale) },
                  ]}
                />
                <Popconfirm
                  title={t('cloud.unlinkConfirm')}
                  onConfirm={() =>
                    void act(async () => {
                      const result = await cloudLinkApi.unlink();
                      void message[result.revoked_on_cloud ? 'success' : 'warning'](result.revoked_on_cloud ? t('cloud.unlinked') : t('cloud.unlinkedLocalOnly'));
                    })
                  }
                >
                  <Button danger loading={busy} data-testid="cloud-unlink">
                    {t('cloud.unlink')}
                  </Button>
                </Popconfirm>
              </Space>
            );
          }
          return (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {state.state === 'failed' ? <Alert type="warning" showIcon message={t('cloud.failed', { message: failureMessage(state, t) })} data-testid="cloud-failed" /> : null}
              {connectForm}
            </Space>
          );
        }}
      </QueryState>
    </Card>
  );
}
