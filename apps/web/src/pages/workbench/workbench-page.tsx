import { ExperimentOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Form, Grid, Row, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { Idea } from '../../api/library.ts';
import { useList } from '../../api/lists.ts';
import { llmApi } from '../../api/llm.ts';
import { useGraphs, type GraphInfo, type Run, type RunListItem } from '../../api/runs.ts';
import { graphButton, graphDescription, graphTitle, notRunnableText } from '../../lib/graph-text.ts';
import { exampleValues, GraphFields, initialValues, toInputs } from './graph-form.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { useNotifyError } from '../../components/notify.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { MoneyInput, useBudgetRules, useConfirmLargeBudget } from '../../components/money-input.tsx';
import { useMoney } from '../../lib/money.ts';
import { RunStatusTag } from '../runs/run-status-tag.tsx';
import { RunView } from '../runs/run-view.tsx';

/** A small first budget in each currency (about the same amount). */
const DEFAULT_BUDGET = { CNY: 2, USD: 0.3 } as const;

interface StartValues {
  /** In the person's currency (useMoney). */
  budget_amount?: number | null;
  [input: string]: unknown;
}

/** The first long-text input of a graph: where an idea handed to the workbench goes. */
function ideaField(graph: GraphInfo): string | undefined {
  const inputs = Object.entries(graph.inputs ?? {});
  return (inputs.find(([, spec]) => spec.widget === 'textarea') ?? inputs.find(([key]) => key === 'topic'))?.[0];
}

/** The start form of the chosen graph; remounted per graph so each starts from its own defaults. */
function GraphStartForm({ graph, onStarted }: { graph: GraphInfo; onStarted: (run: Run) => void }) {
  const { t, locale } = useI18n();
  const notifyError = useNotifyError();
  const [params] = useSearchParams();
  const ideaId = params.get('idea');
  const workId = params.get('work');
  const [form] = Form.useForm<StartValues>();
  const [busy, setBusy] = useState(false);
  const money = useMoney();
  const budgetRules = useBudgetRules();
  const confirmLarge = useConfirmLargeBudget();
  const idea = useQuery({ queryKey: ['idea', ideaId], queryFn: () => api<Idea>(`/api/ideas/${ideaId}`), enabled: ideaId !== null });
  // The hint only when there really is no model service (a viewer cannot read them: no hint then).
  const providers = useQuery({ queryKey: ['llm-providers'], queryFn: llmApi.providers, retry: false });
  const noModel = providers.data !== undefined && !providers.data.providers.some((p) => p.enabled);

  // An idea handed over from 想法库 fills the graph's main text; a work handed over fills its work picker.
  useEffect(() => {
    const target = ideaField(graph);
    if (idea.data && target) form.setFieldValue(target, idea.data.text);
  }, [idea.data, graph, form]);
  useEffect(() => {
    const picker = Object.entries(graph.inputs ?? {}).find(([, spec]) => spec.widget === 'work')?.[0];
    if (workId && picker) form.setFieldValue(picker, workId);
  }, [workId, graph, form]);

  const start = async (values: StartValues) => {
    setBusy(true);
    try {
      const { budget_amount: budgetAmount, ...inputs } = values;
      if (!(await confirmLarge(budgetAmount, money.currency))) return;
      const run = await api<Run>('/api/runs', {
        body: {
          graph: graph.name,
          inputs: toInputs(graph, inputs),
          // In 分 or cents of the person's currency; the server converts 元 with the workspace's rate.
          budget: budgetAmount ? { max_cost_cents: Math.round(budgetAmount * 100), currency: money.currency } : undefined,
          client: 'web',
        },
        headers: { 'idempotency-key': crypto.randomUUID() },
      });
      if (ideaId && idea.data?.status === 'new') await api(`/api/ideas/${ideaId}`, { method: 'PATCH', body: { status: 'in_progress' } }).catch(() => undefined);
      onStarted(run);
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<StartValues> form={form} layout="vertical" onFinish={(v) => void start(v)} initialValues={{ ...initialValues(graph), budget_amount: DEFAULT_BUDGET[money.currency] }} data-testid={`start-form-${graph.name}`}>
      {graph.runnable === false ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={notRunnableText(graph, t)} data-testid="graph-not-runnable" /> : null}
      <GraphFields graph={graph} />
      <Form.Item name="budget_amount" label={t('runs.budget')} extra={t('runs.budgetHint')} rules={budgetRules}>
        <MoneyInput testId="run-budget" />
      </Form.Item>
      <Space.Compact block>
        <Button type="primary" htmlType="submit" block loading={busy} disabled={graph.runnable === false} data-testid="start-run">
          {graphButton(graph, locale) ?? t('runs.start')}
        </Button>
      </Space.Compact>
      {graph.example ? (
        <Button type="link" size="small" style={{ paddingInline: 0, marginTop: 4 }} onClick={() => form.setFieldsValue(exampleValues(graph))} data-testid="fill-example">
          {t('runs.fillExample')}
        </Button>
      ) : null}
      {noModel ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }} data-testid="no-model-hint">
          {t('runs.noModelHint')} <Link to="/llm">{t('nav.llm')}</Link>
        </Typography.Paragraph>
      ) : null}
    </Form>
  );
}

function StartForm({ onStarted }: { onStarted: (run: Run) => void }) {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const graphs = useGraphs();
  const items = graphs.data?.items ?? [];
  const wanted = params.get('graph');
  const chosen = items.find((g) => g.name === wanted) ?? items.find((g) => g.name === 'content-creation' && g.runnable !== false) ?? items.find((g) => g.runnable !== false) ?? items[0];
  const choose = (name: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set('graph', name);
      return next;
    });

  return (
    <Card title={<Space><ExperimentOutlined />{chosen ? graphTitle(chosen, locale) : t('runs.start')}</Space>} data-testid="start-card">
      <QueryState query={graphs} feature={t('runs.graph')}>
        {(data) =>
          data.items.length === 0 || !chosen ? (
            <EmptyState title={t('runs.noGraphs')} />
          ) : (
            <>
              <Form layout="vertical" component="div">
                <Form.Item label={t('runs.graph')} extra={graphDescription(chosen, locale)}>
                  <Select
                    value={chosen.name}
                    onChange={choose}
                    options={data.items.map((g) => ({ value: g.name, disabled: g.runnable === false, label: g.runnable === false ? `${graphTitle(g, locale)} · ${notRunnableText(g, t)}` : graphTitle(g, locale) }))}
                    data-testid="graph-select"
                  />
                </Form.Item>
              </Form>
              <GraphStartForm key={chosen.name} graph={chosen} onStarted={onStarted} />
            </>
          )
        }
      </QueryState>
    </Card>
  );
}

function WaitingRuns({ onOpen }: { onOpen: (id: string) => void }) {
  const { t, locale } = useI18n();
  const graphs = useGraphs();
  const waiting = useList<RunListItem>('/api/runs', { status: 'waiting' }, { refetchInterval: 10_000 });
  const items = waiting.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card title={t('runs.waitingList')} size="small" style={{ marginTop: 16 }}>
      {items.map((run) => (
        <div key={run.id} style={{ display: 'flex', justifyContent: 'space-between', padding: '4px 0', gap: 8 }}>
          <Typography.Link onClick={() => onOpen(run.id)} ellipsis>
            {run.subject ?? graphTitle(graphs.data?.items.find((g) => g.name === run.graph), locale, run.graph)}
          </Typography.Link>
          <RunStatusTag status={run.status} />
        </div>
      ))}
    </Card>
  );
}

export default function WorkbenchPage() {
  const { t } = useI18n();
  // On a phone the form sits above the run, not to its left.
  const phone = Grid.useBreakpoint().lg === false;
  const [params, setParams] = useSearchParams();
  const runId = params.get('run') ?? undefined;
  // Keeps the chosen graph in the address, so the form stays on it beside the run.
  const open = (id: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set('run', id);
      return next;
    });
  return (
    <>
      <PageHeader title={t('workbench.title')} subtitle={t('workbench.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <StartForm onStarted={(run) => open(run.id)} />
          <WaitingRuns onOpen={open} />
        </Col>
        <Col xs={24} lg={15}>
          {runId ? (
            <RunView runId={runId} onRetried={(run) => open(run.id)} />
          ) : (
            <Card>
              <EmptyState title={t(phone ? 'workbench.emptyTitleAbove' : 'workbench.emptyTitle')} hint={t('workbench.emptyHint')} />
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
