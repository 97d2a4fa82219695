import { Button, Card, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useList } from '../../api/lists.ts';
import { useGraphs, type RunListItem, type RunStatus } from '../../api/runs.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { graphTitle } from '../../lib/graph-text.ts';
import { useMoney } from '../../lib/money.ts';
import { shortTime } from '../../lib/time.ts';
import { RunStatusTag } from './run-status-tag.tsx';

const STATUSES: RunStatus[] = ['queued', 'running', 'waiting', 'completed', 'failed', 'cancelled'];

export default function RunsPage() {
  const { t, locale } = useI18n();
  const { format: formatCents } = useMoney();
  const navigate = useNavigate();
  const [status, setStatus] = useState<RunStatus>();
  const [graph, setGraph] = useState<string>();
  const list = useList<RunListItem>('/api/runs', { status, graph }, { refetchInterval: 5_000 });
  // The workspace's graphs (shipped and its own), shared with the workbench's query.
  const graphs = useGraphs();
  return (
    <>
      <PageHeader title={t('runs.title')} subtitle={t('runs.subtitle')} />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select<RunStatus> allowClear placeholder={t('common.status')} style={{ width: 150 }} value={status} onChange={setStatus} options={STATUSES.map((s) => ({ value: s, label: t(`runs.status.${s}`) }))} />
          <Select<string> allowClear placeholder={t('runs.graph')} style={{ width: 200 }} value={graph} onChange={setGraph} loading={graphs.isLoading} options={(graphs.data?.items ?? []).map((g) => ({ value: g.name, label: graphTitle(g, locale) }))} />
        </Space>
        <QueryState query={list} feature={t('runs.title')}>
          {(page) =>
            page.items.length === 0 && !status && !graph ? (
              <EmptyState title={t('runs.empty')} hint={t('runs.emptyHint')} action={<Button type="primary" onClick={() => navigate('/workbench')}>{t('nav.workbench')}</Button>} />
            ) : (
              <Table<RunListItem>
                rowKey="id"
                dataSource={page.items}
                pagination={false}
                scroll={{ x: 720 }}
                columns={[
                  {
                    title: t('runs.subject'),
                    render: (_: unknown, r) => (
                      <Link to={`/runs/${r.id}`} data-testid="run-row-link">
                        {r.subject ?? t('runs.noSubject')}
                      </Link>
                    ),
                  },
                  { title: t('runs.graph'), dataIndex: 'graph', render: (name: string) => graphTitle(graphs.data?.items.find((g) => g.name === name), locale, name) },
                  { title: t('common.status'), dataIndex: 'status', render: (s: RunStatus) => <RunStatusTag status={s} /> },
                  { title: t('runs.cost'), render: (_: unknown, r) => formatCents(r.usage?.cost_cents ?? 0) },
                  { title: t('common.createdAt'), dataIndex: 'created_at', render: (d: string) => shortTime(d, locale) },
                ]}
              />
            )
          }
        </QueryState>
      </Card>
    </>
  );
}
