import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { llmApi, type GroupMember, type LlmGroup } from '../../api/llm.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { useNotifyError } from '../../components/notify.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n, type Translate } from '../../i18n/i18n.tsx';
import { useProviderNames } from './provider-names.ts';

const DRAG = 'application/x-creatorflow-member';

/** One group: members in tier columns; drag a member to another tier, edit weights, save. */
function GroupEditor({ group, models }: { group: LlmGroup; models: Array<{ provider: string; model: string }> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const [members, setMembers] = useState<GroupMember[]>(group.members);
  const [adding, setAdding] = useState<string>();
  const tiers = [...new Set(members.map((m) => m.tier))].sort((a, b) => a - b);
  const columns = [...tiers, (tiers[tiers.length - 1] ?? 0) + 1];
  const dirty = JSON.stringify(members) !== JSON.stringify(group.members);
  const keyOf = (m: GroupMember) => `${m.provider}/${m.model}`;
  const providerName = useProviderNames();

  const save = async () => {
    try {
      await api(`/api/llm/groups/${encodeURIComponent(group.alias)}`, { method: 'PUT', body: { description: group.description ?? undefined, members: members.map(({ provider, model, tier, weight }) => ({ provider, model, tier, weight })) } });
      void message.success(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: ['llm-groups'] });
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <Card size="small" title={<Space><Typography.Text strong translate="no">{group.alias}</Typography.Text>{group.description ? <Typography.Text type="secondary">{groupDescription(group.description, t)}</Typography.Text> : null}</Space>} extra={<Button type="primary" size="small" disabled={!dirty} onClick={() => void save()}>{t('common.save')}</Button>} style={{ marginBottom: 12 }}>
      <div style={{ display: 'grid', gridTemplateColumns: `repeat(${columns.length}, minmax(200px, 1fr))`, gap: 8, overflowX: 'auto' }}>
        {columns.map((tier) => (
          <div
            key={tier}
            className="cf-tier"
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              const key = e.dataTransfer.getData(DRAG);
              setMembers((list) => list.map((m) => (keyOf(m) === key ? { ...m, tier } : m)));
            }}
          >
            <Typography.Text type="secondary">{tiers.includes(tier) ? t('llm.tier', { n: tier }) : t('llm.newTier')}</Typography.Text>
            {members
              .filter((m) => m.tier === tier)
              .map((m) => (
                <div key={keyOf(m)} className="cf-member" draggable onDragStart={(e) => e.dataTransfer.setData(DRAG, keyOf(m))}>
                  <div>
                    <Typography.Text>{m.model}</Typography.Text>
                    <div style={{ fontSize: 12, color: 'var(--cf-text-secondary)' }}>
                      <span translate="no">{providerName(m.provider)}</span> {m.circuit && m.circuit !== 'closed' ? <Tag color="red">{m.circuit}</Tag> : null}
                    </div>
                  </div>
                  <InputNumber size="small" min={1} value={m.weight} style={{ width: 64 }} aria-label={t('llm.weight')} onChange={(w) => setMembers((list) => list.map((x) => (keyOf(x) === keyOf(m) ? { ...x, weight: Number(w) || 1 } : x)))} />
                </div>
              ))}
          </div>
        ))}
      </div>
      <Space style={{ marginTop: 8 }}>
        <Select
          size="small"
          style={{ width: 260 }}
          placeholder={t('llm.addMember')}
          value={adding}
          onChange={setAdding}
          options={models.filter((m) => !members.some((x) => x.provider === m.provider && x.model === m.model)).map((m) => ({ value: `${m.provider}/${m.model}`, label: `${providerName(m.provider)} / ${m.model}` }))}
        />
        <Button
          size="small"
          disabled={!adding}
          onClick={() => {
            const [provider, ...rest] = adding!.split('/');
            setMembers((list) => [...list, { provider: provider!, model: rest.join('/'), tier: tiers[0] ?? 1, weight: 1 }]);
            setAdding(undefined);
          }}
        >
          {t('llm.addMember')}
        </Button>
      </Space>
    </Card>
  );
}

export function GroupsTab() {
  const { t } = useI18n();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const groups = useQuery({ queryKey: ['llm-groups'], queryFn: llmApi.groups });
  const models = useQuery({ queryKey: ['llm-models'], queryFn: llmApi.models });
  const [alias, setAlias] = useState('');
  const [first, setFirst] = useState<string>();
  const providerName = useProviderNames();

  const create = async () => {
    const [provider, ...rest] = first!.split('/');
    try {
      await api(`/api/llm/groups/${encodeURIComponent(alias.trim())}`, { method: 'PUT', body: { members: [{ provider, model: rest.join('/'), tier: 1, weight: 1 }] } });
      setAlias('');
      setFirst(undefined);
      await queryClient.invalidateQueries({ queryKey: ['llm-groups'] });
    } catch (error) {
      notifyError(error);
    }
  };

  const modelOptions = (models.data?.models ?? []).map((m) => ({ value: `${m.provider}/${m.model}`, label: `${providerName(m.provider)} / ${m.model}` }));
  return (
    <>
      <Typography.Paragraph type="secondary">{t('llm.groupHint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input value={alias} onChange={(e) => setAlias(e.target.value)} placeholder={t('llm.groupAlias')} style={{ width: 180 }} />
        <Select value={first} onChange={setFirst} options={modelOptions} style={{ width: 260 }} placeholder={t('llm.addMember')} />
        <Button icon={<PlusOutlined />} disabled={!alias.trim() || !first} onClick={() => void create()}>
          {t('llm.addGroup')}
        </Button>
      </Space>
      <QueryState query={groups} feature={t('llm.tab.groups')}>
        {(data) =>
          data.groups.length === 0 ? (
            <EmptyState title={t('empty.noData')} hint={t('llm.groupHint')} />
          ) : (
            data.groups.map((g) => <GroupEditor key={`${g.alias}-${JSON.stringify(g.members)}`} group={g} models={models.data?.models ?? []} />)
          )
        }
      </QueryState>
    </>
  );
}

/** The descriptions the server writes on groups it sets up itself are stable English sentences; a person's own is shown as written. */
function groupDescription(description: string, t: Translate): string {
  if (description === 'Seeded from the environment on first start') return t('llm.groupSeeded');
  const added = /^Set when (.+) was added$/.exec(description);
  return added ? t('llm.groupSetWhenAdded', { name: added[1]! }) : description;
}
