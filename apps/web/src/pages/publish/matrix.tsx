import { DeleteOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Popconfirm,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useMe } from '../../api/auth.ts';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/lists.ts';
import { publishApi, type AccountGroup, type AccountHealth, type PublishAccount } from '../../api/publish.ts';
import { session } from '../../api/session.ts';
import { useHealth } from '../../api/system.ts';
import { useWorkspaces, type Member } from '../../api/workspaces.ts';
import { useNotifyError } from '../../components/notify.tsx';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { shortTime } from '../../lib/time.ts';
import { usePlatformName } from '../../lib/use-platform-name.ts';

export const GROUP_KINDS = ['client', 'niche', 'person', 'other'] as const;

/** Groups and each account's health, shared by 发布中心 and the publish dialog. */
export function useMatrix(enabled = true) {
  const groups = useQuery({ queryKey: ['publish-groups'], queryFn: publishApi.groups, enabled });
  const health = useQuery({ queryKey: ['publish-health'], queryFn: publishApi.health, enabled });
  const byAccount = new Map((health.data?.accounts ?? []).map((h) => [h.account_id, h]));
  return {
    groups: groups.data?.groups ?? [],
    health: byAccount,
    loading: groups.isPending || health.isPending,
  };
}

export function invalidateMatrix(queryClient: ReturnType<typeof useQueryClient>) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['publish-groups'] }),
    queryClient.invalidateQueries({ queryKey: ['publish-health'] }),
    queryClient.invalidateQueries({ queryKey: ['publish-accounts'] }),
  ]);
}

/** One account at a glance: last success, today's posts against its cap, followers, breaker, groups, access. */
export function HealthLine({
  health,
  groups,
}: {
  health: AccountHealth | undefined;
  groups: AccountGroup[];
}) {
  const { t, locale } = useI18n();
  if (!health) return null;
  const over = health.daily_cap !== null && health.posts_today >= health.daily_cap;
  return (
    <Space wrap size={4} style={{ margin: '4px 0 8px' }} data-testid="account-health">
      <Tag data-testid="health-last-success">
        {health.last_success_at
          ? t('matrix.lastSuccess', { time: shortTime(health.last_success_at, locale) })
          : t('matrix.noSuccess')}
      </Tag>
      <Tag color={over ? 'red' : undefined} data-testid="health-today">
        {health.daily_cap !== null
          ? t('matrix.todayCap', { n: health.posts_today, cap: health.daily_cap })
          : t('matrix.today', { n: health.posts_today })}
      </Tag>
      {health.followers !== null ? (
        <Tag color="blue" data-testid="health-followers">
          {t('matrix.followers', { n: health.followers.toLocaleString(locale) })}
        </Tag>
      ) : null}
      {health.breaker === 'open' ? <Tag color="red">{t('matrix.breakerOpen')}</Tag> : null}
      {health.member_ids.length > 0 ? (
        <Tag icon={<LockOutlined />} color={health.may_publish ? 'gold' : 'red'}>
          {health.may_publish ? t('matrix.restricted') : t('matrix.noPermission')}
        </Tag>
      ) : null}
      {groups
        .filter((g) => health.group_ids.includes(g.id))
        .map((g) => (
          <Tag key={g.id} color="purple" data-testid="health-group">
            {g.name}
          </Tag>
        ))}
    </Space>
  );
}

/** Create, fill, rename and delete account groups. */
export function GroupsDialog({
  open,
  onClose,
  accounts,
}: {
  open: boolean;
  onClose: () => void;
  accounts: PublishAccount[];
}) {
  const { t } = useI18n();
  const platformName = usePlatformName();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const { groups } = useMatrix(open);
  const [form] = Form.useForm<{ name: string; kind: (typeof GROUP_KINDS)[number]; account_ids: string[] }>();
  const options = accounts.map((a) => ({ value: a.id, label: `${a.name} · ${platformName(a.platform)}` }));
  const save = async (work: () => Promise<unknown>) => {
    try {
      await work();
      await invalidateMatrix(queryClient);
      void message.success(t('matrix.saved'));
    } catch (error) {
      notifyError(error);
    }
  };
  return (
    <Modal
      open={open}
      title={t('matrix.manageGroups')}
      onCancel={onClose}
      footer={null}
      width={640}
      destroyOnHidden
      data-testid="groups-dialog"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'client', account_ids: [] }}
        onFinish={(values) =>
          void save(async () => {
            await api('/api/publish/account-groups', { body: values });
            form.resetFields();
          })
        }
      >
        <Space wrap align="end" style={{ width: '100%' }}>
          <Form.Item
            name="name"
            label={t('matrix.groupName')}
            rules={[{ required: true, whitespace: true }]}
            style={{ marginBottom: 8 }}
          >
            <Input maxLength={60} style={{ width: 180 }} data-testid="group-name" />
          </Form.Item>
          <Form.Item name="kind" label={t('matrix.groupKind')} style={{ marginBottom: 8 }}>
            <Select
              style={{ width: 110 }}
              options={GROUP_KINDS.map((k) => ({ value: k, label: t(`matrix.kind.${k}` as MessageKey) }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="account_ids" label={t('matrix.groupAccounts')} style={{ marginBottom: 8 }}>
          <Select mode="multiple" options={options} optionFilterProp="label" data-testid="group-accounts" />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />} data-testid="group-create">
          {t('matrix.newGroup')}
        </Button>
      </Form>
      <List
        style={{ marginTop: 16 }}
        dataSource={groups}
        locale={{ emptyText: t('matrix.noGroups') }}
        renderItem={(g) => (
          <List.Item data-testid="group-row">
            <div style={{ width: '100%' }}>
              <Space style={{ marginBottom: 6 }}>
                <Typography.Text strong>{g.name}</Typography.Text>
                <Tag>{t(`matrix.kind.${g.kind}` as MessageKey)}</Tag>
                <Popconfirm
                  title={t('matrix.deleteGroup')}
                  onConfirm={() =>
                    void save(() => api(`/api/publish/account-groups/${g.id}`, { method: 'DELETE' }))
                  }
                >
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('common.delete')}
                  />
                </Popconfirm>
              </Space>
              <Select
                mode="multiple"
                style={{ width: '100%' }}
                value={g.account_ids}
                options={options}
                optionFilterProp="label"
                onChange={(ids: string[]) =>
                  void save(() =>
                    api(`/api/publish/account-groups/${g.id}`, { method: 'PUT', body: { account_ids: ids } }),
                  )
                }
              />
            </div>
          </List.Item>
        )}
      />
    </Modal>
  );
}

/** Who may use the account (cloud team workspaces; admins decide) and its daily cap. */
export function AccessDialog({
  open,
  onClose,
  account,
  health,
}: {
  open: boolean;
  onClose: () => void;
  account: PublishAccount;
  health: AccountHealth | undefined;
}) {
  const { t } = useI18n();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const cloud = useHealth().data?.mode === 'cloud';
  const me = useMe(cloud && open);
  const workspaces = useWorkspaces(cloud && open);
  const workspaceId = session.workspaceId() ?? me.data?.default_workspace_id;
  const role = workspaces.data?.items.find((w) => w.id === workspaceId)?.role;
  const admin = role === 'owner' || role === 'admin';
  const members = useQuery({
    queryKey: ['workspace-members', workspaceId],
    queryFn: () => api<Page<Member>>(`/api/workspaces/${workspaceId}/members`, { query: { limit: 200 } }),
    enabled: open && cloud && Boolean(workspaceId),
  });
  const [picked, setPicked] = useState<string[]>();
  const [cap, setCap] = useState<number | null>();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      if (cap !== undefined)
        await api(`/api/publish/accounts/${account.id}/daily-cap`, {
          method: 'PUT',
          body: { daily_cap: cap },
        });
      if (picked !== undefined && admin)
        await api(`/api/publish/accounts/${account.id}/members`, {
          method: 'PUT',
          body: { user_ids: picked },
        });
      await invalidateMatrix(queryClient);
      onClose();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={`${t('matrix.access')} · ${account.name}`}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={busy}
      destroyOnHidden
      data-testid="access-dialog"
    >
      {cloud ? (
        <Form layout="vertical" component="div">
          <Form.Item label={t('matrix.members')} extra={admin ? t('matrix.membersHint') : undefined}>
            <Select
              mode="multiple"
              disabled={!admin}
              value={picked ?? health?.member_ids ?? []}
              onChange={setPicked}
              loading={members.isPending}
              optionFilterProp="label"
              options={(members.data?.items ?? []).map((m) => ({
                value: m.user_id,
                label: m.name ? `${m.name}（${m.email}）` : m.email,
              }))}
              data-testid="access-members"
            />
          </Form.Item>
          {!admin ? (
            <Alert type="info" showIcon message={t('matrix.membersAdminOnly')} style={{ marginBottom: 12 }} />
          ) : null}
        </Form>
      ) : null}
      <Form layout="vertical" component="div">
        <Form.Item label={t('matrix.dailyCap')} extra={t('matrix.dailyCapHint')}>
          <InputNumber
            min={1}
            max={1000}
            value={cap === undefined ? health?.daily_cap : cap}
            onChange={(v) => setCap(typeof v === 'number' ? v : null)}
            style={{ width: 160 }}
            data-testid="access-daily-cap"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
