import { TeamOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Select, Space } from 'antd';
import { useMe } from '../../api/auth.ts';
import { session } from '../../api/session.ts';
import { useHealth } from '../../api/system.ts';
import { useWorkspaces } from '../../api/workspaces.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** Cloud mode: choose the workspace every request acts in (sent as X-Workspace-Id). */
export function WorkspaceSwitcher() {
  const { t } = useI18n();
  const health = useHealth();
  const cloud = health.data?.mode === 'cloud';
  const me = useMe(cloud);
  const workspaces = useWorkspaces(cloud && me.isSuccess);
  const queryClient = useQueryClient();
  const items = workspaces.data?.items ?? [];
  if (!cloud || items.length === 0) return <span />;
  const current = session.workspaceId() ?? me.data?.default_workspace_id ?? items[0]?.id;
  return (
    <Space>
      <TeamOutlined />
      <Select
        aria-label={t('shell.workspace')}
        data-testid="workspace-switcher"
        value={current}
        style={{ minWidth: 200 }}
        options={items.map((w) => ({ value: w.id, label: w.name }))}
        onChange={(id: string) => {
          session.setWorkspace(id);
          // Every cached answer belonged to the previous workspace.
          void queryClient.resetQueries();
        }}
      />
    </Space>
  );
}
