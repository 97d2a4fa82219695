import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { publishApi } from '../../api/publish.ts';
import { useNotifyError } from '../../components/notify.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { VaultSetup } from '../publish/vault-setup.tsx';

/** Master password: set, unlock, lock, change; wipe cloud copies. */
export function VaultCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const vault = useQuery({ queryKey: ['publish-vault'], queryFn: publishApi.vault });
  const [password, setPassword] = useState('');
  const [next, setNext] = useState('');
  const [busy, setBusy] = useState(false);

  const call = async (path: string, body: unknown) => {
    setBusy(true);
    try {
      await api(path, { body });
      setPassword('');
      setNext('');
      void message.success(t('settings.vault.done'));
      await queryClient.invalidateQueries({ queryKey: ['publish-vault'] });
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('settings.vault')} style={{ marginBottom: 16 }} data-testid="vault-card">
      <Typography.Paragraph type="secondary">{t('settings.vaultDesc')}</Typography.Paragraph>
      <QueryState query={vault} feature={t('settings.vault')}>
        {(status) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <div>
              {!status.initialized ? (
                <Tag>{t('settings.vault.notInit')}</Tag>
              ) : status.unlocked ? (
                <Tag color="green" icon={<UnlockOutlined />}>
                  {t('settings.vault.unlocked')}
                </Tag>
              ) : (
                <Tag color="orange" icon={<LockOutlined />}>
                  {t('settings.vault.locked')}
                </Tag>
              )}
            </div>
            {!status.initialized || !status.unlocked ? (
              <VaultSetup status={status} onReady={() => void message.success(t('settings.vault.done'))} />
            ) : (
              <Space wrap>
                <Button icon={<LockOutlined />} onClick={() => void call('/api/publish/vault/lock', {})}>
                  {t('settings.vault.lock')}
                </Button>
                <Input.Password value={password} onChange={(e) => setPassword(e.target.value)} placeholder={t('settings.vault.oldPassword')} style={{ width: 200 }} />
                <Input.Password value={next} onChange={(e) => setNext(e.target.value)} placeholder={t('settings.vault.newPassword')} style={{ width: 200 }} />
                <Button loading={busy} disabled={password.length < 8 || next.length < 8} onClick={() => void call('/api/publish/vault/change-password', { old_password: password, new_password: next })}>
                  {t('settings.vault.change')}
                </Button>
              </Space>
            )}
            <Popconfirm title={t('settings.vault.wipeCloudConfirm')} onConfirm={() => void call('/api/publish/vault/wipe-cloud', {})}>
              <Button danger type="link" style={{ paddingInline: 0 }}>
                {t('settings.vault.wipeCloud')}
              </Button>
            </Popconfirm>
          </Space>
        )}
      </QueryState>
    </Card>
  );
}
