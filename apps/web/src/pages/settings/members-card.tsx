import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useMe } from '../../api/auth.ts';
import { api } from '../../api/client.ts';
import { session } from '../../api/session.ts';
import type { Member, Page } from '../../api/workspaces.ts';
import { useNotifyError } from '../../components/notify.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

const ROLES = ['owner', 'admin', 'editor', 'viewer'] as const;

/** Cloud mode: members of the current workspace, roles, invitations and new team workspaces. */
export function MembersCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const me = useMe();
  const workspaceId = session.workspaceId() ?? me.data?.default_workspace_id ?? undefined;
  const members = useQuery({
    queryKey: ['members', workspaceId],
    queryFn: () => api<Page<Member>>(`/api/workspaces/${workspaceId}/members`, { query: { limit: 200 } }),
    enabled: workspaceId !== undefined,
  });
  const [email, setEmail] = useState('');
  const [teamName, setTeamName] = useState('');

  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      void message.success(t('settings.vault.done'));
      await queryClient.invalidateQueries({ queryKey: ['members'] });
      await queryClient.invalidateQueries({ queryKey: ['workspaces'] });
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <Card title={t('settings.members')} style={{ marginBottom: 16 }}>
      <QueryState query={members} feature={t('settings.members')}>
        {(page) => (
          <Table<Member>
            size="small"
            rowKey="user_id"
            pagination={false}
            dataSource={page.items}
            columns={[
              { title: t('common.name'), dataIndex: 'name' },
              { title: t('account.email'), dataIndex: 'email' },
              {
                title: t('account.role'),
                dataIndex: 'role',
                render: (role: Member['role'], m) => (
                  <Select
                    size="small"
                    value={role}
                    style={{ width: 110 }}
                    disabled={role === 'owner'}
                    onChange={(next) => void run(() => api(`/api/workspaces/${workspaceId}/members/${m.user_id}`, { method: 'PATCH', body: { role: next } }))}
                    options={ROLES.map((r) => ({ value: r, label: t(`account.role.${r}`) }))}
                  />
                ),
              },
            ]}
          />
        )}
      </QueryState>
      <Space wrap style={{ marginTop: 12 }}>
        <Input value={email} onChange={(e) => setEmail(e.target.value)} placeholder={t('settings.inviteEmail')} style={{ width: 220 }} />
        <Button disabled={!email.includes('@')} onClick={() => void run(() => api(`/api/workspaces/${workspaceId}/invitations`, { body: { email, role: 'editor' } }))}>
          {t('account.invite')}
        </Button>
        <Input value={teamName} onChange={(e) => setTeamName(e.target.value)} placeholder={t('account.workspaceName')} style={{ width: 180 }} />
        <Button disabled={!teamName.trim()} onClick={() => void run(() => api('/api/workspaces', { body: { name: teamName.trim() } }))}>
          {t('settings.newWorkspace')}
        </Button>
      </Space>
    </Card>
  );
}
