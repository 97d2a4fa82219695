import { ExperimentOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { Idea } from '../../api/library.ts';
import { useList } from '../../api/lists.ts';
import { useGraphs, type GraphInfo, type Run } from '../../api/runs.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { useNotifyError } from '../../components/notify.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { RunStatusTag } from '../runs/run-status-tag.tsx';
import { RunView } from '../runs/run-view.tsx';

interface Values {
  graph: string;
  topic: string;
  platform: string;
  platforms?: string[];
  audience?: string;
  budget_yuan?: number;
}

const PLATFORM_INPUTS = [
  { value: 'wechat_mp', label: '微信公众号' },
  { value: 'xiaohongshu', label: '小红书' },
  { value: 'zhihu', label: '知乎' },
  { value: 'weibo', label: '微博' },
  { value: 'douyin', label: '抖音' },
  { value: 'bilibili', label: '哔哩哔哩' },
];

/** The form's values as the chosen graph's inputs: only the ones it declares (a graph refuses others). */
function inputsFor(graph: GraphInfo | undefined, values: Values): Record<string, unknown> {
  const candidates: Record<string, unknown> = {
    topic: values.topic.trim(),
    platform: values.platform,
    platforms: values.platforms?.length ? values.platforms : undefined,
    audience: values.audience || undefined,
  };
  const declared = graph?.inputs;
  return Object.fromEntries(Object.entries(candidates).filter(([key, value]) => value !== undefined && (!declared || key in declared)));
}

function StartForm({ onStarted }: { onStarted: (run: Run) => void }) {
  const { t } = useI18n();
  const notifyError = useNotifyError();
  const [params] = useSearchParams();
  const ideaId = params.get('idea');
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const graphs = useGraphs();
  const chosenName = Form.useWatch('graph', form);
  const chosen = graphs.data?.items.find((g) => g.name === chosenName);
  const declares = (input: string) => !chosen?.inputs || input in chosen.inputs;
  const idea = useQuery({ queryKey: ['idea', ideaId], queryFn: () => api<Idea>(`/api/ideas/${ideaId}`), enabled: ideaId !== null });

  // The form mounts once the graphs are loaded; fill the topic when both are there.
  useEffect(() => {
    if (idea.data && graphs.data) form.setFieldValue('topic', idea.data.text);
  }, [idea.data, graphs.data, form]);

  const start = async (values: Values) => {
    setBusy(true);
    try {
      const run = await api<Run>('/api/runs', {
        body: {
          graph: values.graph,
          inputs: inputsFor(graphs.data?.items.find((g) => g.name === values.graph), values),
          budget: values.budget_yuan ? { max_cost_cents: Math.round(values.budget_yuan * 100) } : undefined,
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
    <Card title={<Space><ExperimentOutlined />{t('runs.start')}</Space>}>
      <QueryState query={graphs} feature={t('runs.graph')}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={t('runs.noGraphs')} />
          ) : (
            <Form<Values> form={form} layout="vertical" onFinish={(v) => void start(v)} initialValues={{ graph: data.items.find((g) => g.name === 'content-creation' && g.runnable)?.name ?? data.items.find((g) => g.runnable)?.name, platform: 'wechat_mp', platforms: ['wechat_mp', 'xiaohongshu'], budget_yuan: 2 }}>
              <Form.Item name="graph" label={t('runs.graph')}>
                <Select
                  options={data.items.map((g) => {
                    const label = g.description ? `${g.name} · ${g.description}` : g.name;
                    return { value: g.name, disabled: !g.runnable, label: g.runnable ? label : `${label} · ${t('runs.graphNotRunnable')}` };
                  })}
                  data-testid="graph-select"
                />
              </Form.Item>
              <Form.Item name="topic" label={t('runs.topic')} rules={[{ required: true, whitespace: true }]}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t('runs.topicPlaceholder')} data-testid="run-topic" />
              </Form.Item>
              {declares('platforms') && (
                <Form.Item name="platforms" label={t('runs.platforms')} tooltip={t('runs.platformsHint')}>
                  <Select mode="multiple" options={PLATFORM_INPUTS} data-testid="run-platforms" />
                </Form.Item>
              )}
              <Row gutter={12}>
                <Col span={12}>
                  {declares('platform') && (
                    <Form.Item name="platform" label={t('runs.platform')}>
                      <Select options={PLATFORM_INPUTS} />
                    </Form.Item>
                  )}
                </Col>
                <Col span={12}>
                  <Form.Item name="budget_yuan" label={t('runs.budget')}>
                    <InputNumber min={0.01} step={0.5} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              <Button type="primary" htmlType="submit" block loading={busy} data-testid="start-run">
                {t('runs.start')}
              </Button>
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
                {t('runs.noModelHint')} <Link to="/llm">{t('nav.llm')}</Link>
              </Typography.Paragraph>
            </Form>
          )
        }
      </QueryState>
    </Card>
  );
}

function WaitingRuns({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useI18n();
  const waiting = useList<Run>('/api/runs', { status: 'waiting' }, { refetchInterval: 10_000 });
  const items = waiting.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card title={t('runs.waitingList')} size="small" style={{ marginTop: 16 }}>
      {items.map((run) => (
        <div key={run.id} style={{ display: 'flex', justifyContent: 'space-between', padding: '4px 0', gap: 8 }}>
          <Typography.Link onClick={() => onOpen(run.id)} ellipsis>
            {String(run.inputs?.topic ?? run.graph)}
          </Typography.Link>
          <RunStatusTag status={run.status} />
        </div>
      ))}
    </Card>
  );
}

export default function WorkbenchPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const runId = params.get('run') ?? undefined;
  const open = (id: string) => setParams({ run: id });
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
            <RunView runId={runId} />
          ) : (
            <Card>
              <EmptyState title={t('workbench.emptyTitle')} hint={t('workbench.emptyHint')} />
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
