import { FileTextOutlined, RedoOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Popconfirm, Progress, Row, Space, Statistic, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { TERMINAL_RUN, useGraphs, useRunEvents, type GraphInfo, type Run, type RunEvent } from '../../api/runs.ts';
import { graphTitle, nodeLabel } from '../../lib/graph-text.ts';
import { useNotifyError } from '../../components/notify.tsx';
import { ProblemAlert, TraceId, runError } from '../../components/problem.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useMoney } from '../../lib/money.ts';
import { HumanForm } from './human-form.tsx';
import { RunStatusTag } from './run-status-tag.tsx';
import { RunTimeline } from './run-timeline.tsx';
import { RouteCard } from './route-card.tsx';
import { PublishDialog } from '../publish/publish-dialog.tsx';
import { PlatformVersions, type PlatformVersion, type StoredImage } from './platform-versions.tsx';

function totals(events: RunEvent[], run: Run) {
  let cost = run.usage?.cost_cents ?? 0;
  let tokens = run.usage?.tokens ?? 0;
  for (const e of events) {
    if (e.type !== 'cost_update') continue;
    cost = Math.max(cost, Number(e.data.total_cost_cents ?? 0));
    tokens = Math.max(tokens, Number(e.data.total_tokens ?? 0));
  }
  return { cost, tokens };
}

function Ledger({ events, graph }: { events: RunEvent[]; graph?: GraphInfo }) {
  const { t, locale } = useI18n();
  const { format: formatCents } = useMoney();
  const rows = events.filter((e) => e.type === 'cost_update');
  return (
    <Table<RunEvent>
      size="small"
      rowKey="seq"
      pagination={false}
      dataSource={rows}
      data-testid="cost-ledger"
      columns={[
        { title: t('runs.node'), dataIndex: 'node', render: (node: string | null) => (node ? nodeLabel(graph, node, locale) : '—') },
        { title: t('runs.model'), render: (_: unknown, e) => <span translate="no">{String(e.data.model ?? '')}</span> },
        { title: t('runs.inputTokens'), render: (_: unknown, e) => String(e.data.input_tokens ?? '') },
        { title: t('runs.outputTokens'), render: (_: unknown, e) => String(e.data.output_tokens ?? '') },
        { title: t('runs.cost'), render: (_: unknown, e) => formatCents(Number(e.data.cost_cents ?? 0)) },
      ]}
    />
  );
}

const STATUS_AFTER: Partial<Record<RunEvent['type'], Run['status']>> = {
  run_started: 'running',
  human_required: 'waiting',
  human_responded: 'running',
  run_completed: 'completed',
  run_failed: 'failed',
  run_cancelled: 'cancelled',
};

/** The status the run row should show after the last event that changes it (undefined before any). */
export function expectedStatus(events: RunEvent[]): Run['status'] | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const status = STATUS_AFTER[events[i]!.type];
    if (status) return status;
  }
  return undefined;
}

/** One run, live: status, cost against budget, the human step, the timeline and the ledger. */
export function RunView({ runId, showLedger = false, onRetried }: { runId: string; showLedger?: boolean; onRetried?: (run: Run) => void }) {
  const { t, locale } = useI18n();
  const { format: formatCents } = useMoney();
  const graphs = useGraphs();
  const [retrying, setRetrying] = useState(false);
  const navigate = useNavigate();
  const [publishing, setPublishing] = useState(false);
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const stream = useRunEvents(runId);
  const lastType = stream.events[stream.events.length - 1]?.type;
  // An event can arrive a moment before the run row records what it means (the worker writes the
  // event, then the status): until the row agrees with the last lifecycle event, read it again.
  const expected = expectedStatus(stream.events);
  const run = useQuery({
    queryKey: ['run', runId],
    queryFn: () => api<Run>(`/api/runs/${runId}`),
    refetchInterval: (query) => (expected && query.state.data && query.state.data.status !== expected ? 1000 : false),
  });

  // The run row (status, output, waiting) changes at these events: read it again.
  useEffect(() => {
    if (lastType && ['human_required', 'human_responded', 'run_completed', 'run_failed', 'run_cancelled', 'run_started'].includes(lastType)) {
      void queryClient.invalidateQueries({ queryKey: ['run', runId] });
      void queryClient.invalidateQueries({ queryKey: ['/api/runs'] });
    }
  }, [lastType, runId, queryClient]);

  return (
    <QueryState query={run} feature={t('runs.title')}>
      {(data) => {
        const { cost, tokens } = totals(stream.events, data);
        const budget = data.budget?.max_cost_cents;
        const human = [...stream.events].reverse().find((e) => e.type === 'human_required');
        const titles = (stream.events.find((e) => e.type === 'node_completed' && e.node === 'titles')?.data.output as { titles?: string[] } | undefined)?.titles;
        const workId = typeof data.output?.work_id === 'string' ? data.output.work_id : undefined;
        const graph = graphs.data?.items.find((g) => g.name === data.graph);
        // A failed or cancelled run starts again with the same inputs and budget.
        const retry = async () => {
          setRetrying(true);
          try {
            const budget = data.budget?.max_cost_cents ? { max_cost_cents: data.budget.max_cost_cents } : undefined;
            const fresh = await api<Run>('/api/runs', { body: { graph: data.graph, inputs: data.inputs ?? {}, budget, client: 'web' }, headers: { 'idempotency-key': crypto.randomUUID() } });
            if (onRetried) onRetried(fresh);
            else navigate(`/runs/${fresh.id}`);
          } catch (error) {
            notifyError(error);
          } finally {
            setRetrying(false);
          }
        };
        return (
          <div data-testid="run-view">
            <Card size="small" style={{ marginBottom: 16 }}>
              <Row gutter={16} align="middle">
                <Col xs={24} md={8}>
                  <Space orientation="vertical" size={2}>
                    <Space>
                      <Typography.Text strong data-testid="run-graph">{graph ? graphTitle(graph, locale) : data.graph}</Typography.Text>
                      <RunStatusTag status={data.status} />
                    </Space>
                    <TraceId id={data.trace_id} />
                  </Space>
                </Col>
                <Col xs={12} md={4}>
                  <Statistic title={t('runs.cost')} value={formatCents(cost)} data-testid="run-cost" />
                </Col>
                <Col xs={12} md={4}>
                  <Statistic title={t('runs.tokens')} value={tokens} />
                </Col>
                {/* A phone gives the actions a row of their own, wrapping, so none runs off the screen. */}
                <Col xs={24} md={8}>
                  {budget ? (
                    <>
                      <Typography.Text type="secondary">{t('runs.budgetUsed', { percent: Math.round((cost / budget) * 100) })}</Typography.Text>
                      <Progress percent={Math.min(100, Math.round((cost / budget) * 100))} size="small" status={cost / budget >= 0.8 ? 'exception' : 'active'} />
                    </>
                  ) : null}
                  <Space wrap>
                    {workId ? (
                      <Button type="primary" icon={<FileTextOutlined />} onClick={() => navigate(`/works/${workId}`)} data-testid="open-work">
                        {t('runs.openWork')}
                      </Button>
                    ) : null}
                    {workId ? (
                      <Button icon={<SendOutlined />} onClick={() => setPublishing(true)} data-testid="publish-work">
                        {t('runs.publishWork')}
                      </Button>
                    ) : null}
                    {data.status === 'failed' || data.status === 'cancelled' ? (
                      <Button type="primary" icon={<RedoOutlined />} loading={retrying} onClick={() => void retry()} data-testid="retry-run">
                        {t('runs.retry')}
                      </Button>
                    ) : null}
                    {!TERMINAL_RUN.includes(data.status) ? (
                      <Popconfirm title={t('runs.cancel')} onConfirm={() => void api(`/api/runs/${runId}/cancel`, { body: {} }).catch(notifyError)}>
                        <Button danger icon={<StopOutlined />}>
                          {t('runs.cancel')}
                        </Button>
                      </Popconfirm>
                    ) : null}
                  </Space>
                </Col>
              </Row>
            </Card>
            <RouteCard
              run={data}
              onConfirmed={(fresh) => {
                queryClient.setQueryData(['run', runId], fresh);
                void queryClient.invalidateQueries({ queryKey: ['/api/runs'] });
              }}
            />
            {data.error ? <ProblemAlert error={runError(data.error)} /> : null}
            {data.status === 'waiting' && human ? (
              <HumanForm
                key={human.seq}
                runId={runId}
                message={String(human.data.message ?? '')}
                form={human.data.form as never}
                requestId={human.data.request_id as string | undefined}
                suggestions={titles}
                onAnswered={() => void queryClient.invalidateQueries({ queryKey: ['run', runId] })}
              />
            ) : null}
            {data.status === 'completed' && Array.isArray(data.output?.versions) && data.output.versions.length > 0 ? (
              <PlatformVersions versions={data.output.versions as PlatformVersion[]} covers={data.output.covers as Array<StoredImage | null> | undefined} />
            ) : null}
            <Card size="small" title={t('runs.timeline')}>
              <RunTimeline events={stream.events} graph={graph} />
            </Card>
            {showLedger ? (
              <Card size="small" title={t('runs.ledger')} style={{ marginTop: 16 }}>
                <Ledger events={stream.events} graph={graph} />
              </Card>
            ) : null}
            {workId ? <PublishDialog open={publishing} onClose={() => setPublishing(false)} workIds={[workId]} onCreated={() => navigate('/publish')} /> : null}
          </div>
        );
      }}
    </QueryState>
  );
}
