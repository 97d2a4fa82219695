import {
  CheckCircleOutlined,
  DeleteOutlined,
  FileSearchOutlined,
  LoginOutlined,
  PlusOutlined,
  SafetyOutlined,
  SyncOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Avatar, Button, Card, Input, Modal, Popconfirm, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { publishApi, type LoginSession, type PublishAccount } from '../../api/publish.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { useNotifyError } from '../../components/notify.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { usePlatformName } from '../../lib/use-platform-name.ts';
import { shortTime } from '../../lib/time.ts';
import { AccountDialog } from './account-dialog.tsx';
import { DeepCheckDialog, useDeepCheck } from './deep-check-dialog.tsx';
import { LoginDialog } from './login-dialog.tsx';
import { OAuthPanel, useOAuthReturnNotice } from './oauth-panel.tsx';
import { AccessDialog, GroupsDialog, HealthLine, useMatrix } from './matrix.tsx';
import type { AccountGroup, AccountHealth } from '../../api/publish.ts';

const LOGIN_COLOR: Record<string, string> = { logged_in: 'green', expired: 'red', unknown: 'default' };

function AccountCard({
  account,
  health,
  groups,
}: {
  account: PublishAccount;
  health: AccountHealth | undefined;
  groups: AccountGroup[];
}) {
  const { t, locale } = useI18n();
  const platformName = usePlatformName();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<string>();
  const [cookiesOpen, setCookiesOpen] = useState(false);
  const [cookies, setCookies] = useState('');
  const [login, setLogin] = useState<LoginSession>();
  const [deepCheck, setDeepCheck] = useState(false);
  const [access, setAccess] = useState(false);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['publish-accounts'] }),
      queryClient.invalidateQueries({ queryKey: ['publish-health'] }),
    ]);
  const deep = useDeepCheck(account.id, () => void refresh());

  const run = async (key: string, work: () => Promise<void>) => {
    setBusy(key);
    try {
      await work();
      await refresh();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(undefined);
    }
  };

  const [vaultStep, setVaultStep] = useState(false);
  const vault = useQuery({ queryKey: ['publish-vault'], queryFn: publishApi.vault });
  // The login is kept in the vault: set it up or unlock it in the same dialog before a QR code is shown.
  const relogin = () =>
    run('login', async () => {
      // Asked afresh: right after the vault was set up in the dialog the cached status is the old one.
      const status = await queryClient.fetchQuery({
        queryKey: ['publish-vault'],
        queryFn: publishApi.vault,
        staleTime: 0,
      });
      if (!status?.unlocked) {
        setVaultStep(true);
        return;
      }
      setVaultStep(false);
      setLogin(await publishApi.startLogin(account.id));
    });
  const loggedIn = () => {
    setLogin(undefined);
    setVaultStep(false);
    void refresh();
  };

  const status = account.login_status in LOGIN_COLOR ? account.login_status : 'unknown';
  return (
    <Card size="small" data-testid="account-card">
      <Space align="start" style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space>
          <Avatar src={account.avatar_url ?? undefined} style={{ background: '#5b5bd6' }}>
            {account.name.slice(0, 1)}
          </Avatar>
          <div>
            <Typography.Text strong>{account.name}</Typography.Text>
            <div style={{ fontSize: 12, color: 'var(--cf-text-secondary)' }}>
              {platformName(account.platform)}
              {account.nickname ? ` · ${account.nickname}` : ''}
            </div>
          </div>
        </Space>
        <Tag color={LOGIN_COLOR[status]} data-testid="login-status">
          {t(`publish.login.${status}` as MessageKey)}
        </Tag>
      </Space>
      <div style={{ fontSize: 12, color: 'var(--cf-text-secondary)', margin: '8px 0' }}>
        {t(`publish.mode.${account.credential_mode}`)}
        {account.login_checked_at ? ` · ${shortTime(account.login_checked_at, locale)}` : ''}
      </div>
      <HealthLine health={health} groups={groups} />
      <Space wrap size={4}>
        <Button
          size="small"
          icon={<CheckCircleOutlined />}
          loading={busy === 'check'}
          onClick={() =>
            void run(
              'check',
              async () => void (await api(`/api/publish/accounts/${account.id}/check`, { body: {} })),
            )
          }
        >
          {t('publish.checkLogin')}
        </Button>
        <Button
          size="small"
          type={status === 'expired' ? 'primary' : 'default'}
          icon={<LoginOutlined />}
          loading={busy === 'login'}
          onClick={() => void relogin()}
        >
          {account.has_credentials || account.login_status !== 'unknown'
            ? t('publish.relogin')
            : t('publish.login')}
        </Button>
        {account.platform !== 'wechat_mp' && (
          <Button
            size="small"
            icon={<FileSearchOutlined />}
            onClick={() => {
              setDeepCheck(true);
              void deep.check();
            }}
            data-testid="deep-check"
          >
            {t('deepCheck.button')}
          </Button>
        )}
        <Button
          size="small"
          icon={<SyncOutlined />}
          onClick={() => setCookiesOpen(true)}
          data-testid="paste-cookies"
        >
          {t('publish.pasteCookies')}
        </Button>
        <Button
          size="small"
          icon={<SafetyOutlined />}
          onClick={() => setAccess(true)}
          data-testid="account-access"
        >
          {t('matrix.access')}
        </Button>
        <Popconfirm
          title={t('common.delete')}
          onConfirm={() =>
            void run(
              'delete',
              async () => void (await api(`/api/publish/accounts/${account.id}`, { method: 'DELETE' })),
            )
          }
        >
          <Button size="small" danger type="text" icon={<DeleteOutlined />} aria-label={t('common.delete')} />
        </Popconfirm>
      </Space>
      <OAuthPanel account={account} />
      <Modal
        open={cookiesOpen}
        title={t('publish.pasteCookies')}
        onCancel={() => setCookiesOpen(false)}
        onOk={() =>
          void run('cookies', async () => {
            await api(`/api/publish/accounts/${account.id}/cookies`, { body: { cookies } });
            setCookiesOpen(false);
            setCookies('');
          })
        }
      >
        <Typography.Paragraph type="secondary">{t('publish.cookiesHint')}</Typography.Paragraph>
        <Input.TextArea
          rows={5}
          value={cookies}
          onChange={(e) => setCookies(e.target.value)}
          data-testid="cookies-input"
        />
      </Modal>
      <AccessDialog open={access} onClose={() => setAccess(false)} account={account} health={health} />
      <DeepCheckDialog account={account} open={deepCheck} onClose={() => setDeepCheck(false)} state={deep} />
      <LoginDialog
        account={account}
        started={login}
        vault={vaultStep ? vault.data : undefined}
        onVaultReady={() => void relogin()}
        onClose={() => {
          setLogin(undefined);
          setVaultStep(false);
        }}
        onRestart={() => void relogin()}
        onLoggedIn={loggedIn}
      />
    </Card>
  );
}

export function AccountsTab() {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const [grouping, setGrouping] = useState(false);
  const [group, setGroup] = useState<string>('all');
  const accounts = useQuery({ queryKey: ['publish-accounts'], queryFn: publishApi.accounts });
  const matrix = useMatrix();
  const inGroup = matrix.groups.find((g) => g.id === group);
  useOAuthReturnNotice();
  return (
    <>
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          gap: 8,
          flexWrap: 'wrap',
          marginBottom: 12,
        }}
      >
        <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
          {matrix.groups.length > 0 ? (
            <Segmented
              value={group}
              onChange={(v) => setGroup(String(v))}
              options={[
                { value: 'all', label: t('matrix.allGroups') },
                ...matrix.groups.map((g) => ({ value: g.id, label: g.name })),
              ]}
              data-testid="group-filter"
            />
          ) : null}
        </div>
        <Space wrap>
          <Button icon={<TeamOutlined />} onClick={() => setGrouping(true)} data-testid="manage-groups">
            {t('matrix.manageGroups')}
          </Button>
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-account">
            {t('publish.addAccount')}
          </Button>
        </Space>
      </div>
      <QueryState query={accounts} feature={t('publish.tab.accounts')}>
        {(data) =>
          data.accounts.length === 0 ? (
            <EmptyState
              title={t('publish.noAccounts')}
              hint={t('publish.noAccountsHint')}
              action={
                <Button type="primary" onClick={() => setAdding(true)}>
                  {t('publish.addAccount')}
                </Button>
              }
            />
          ) : (
            <div className="cf-grid">
              {data.accounts
                .filter((a) => !inGroup || inGroup.account_ids.includes(a.id))
                .map((a) => (
                  <AccountCard
                    key={a.id}
                    account={a}
                    health={matrix.health.get(a.id)}
                    groups={matrix.groups}
                  />
                ))}
            </div>
          )
        }
      </QueryState>
      <AccountDialog open={adding} onClose={() => setAdding(false)} />
      <GroupsDialog
        open={grouping}
        onClose={() => setGrouping(false)}
        accounts={accounts.data?.accounts ?? []}
      />
    </>
  );
}
