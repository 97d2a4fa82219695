import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Grid, List, Row, Segmented, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType, ColumnType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { costsApi, type CostCall, type CostGroup, type CostGrouping } from '../../api/costs.ts';
import { useGraphs, type GraphInfo } from '../../api/runs.ts';
import { Chart, type ChartOption } from '../../components/chart.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { graphTitle, nodeLabel } from '../../lib/graph-text.ts';
import { useMoney, type Money } from '../../lib/money.ts';
import { shortTime } from '../../lib/time.ts';

type T = ReturnType<typeof useI18n>['t'];
const GROUPINGS: CostGrouping[] = ['graph', 'month', 'user', 'run'];
const STATUS_COLOR: Record<CostCall['status'], string> = { started: 'processing', success: 'success', failed: 'error', cancelled: 'default', interrupted: 'warning' };

function monthChart(items: CostGroup[], t: T, money: Money): ChartOption {
  const months = [...items].sort((a, b) => String(a.key).localeCompare(String(b.key)));
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [t('runs.cost'), t('costs.calls')], top: 0 },
    grid: { left: 56, right: 48, bottom: 32, top: 48 },
    xAxis: { type: 'category', data: months.map((m) => m.key ?? '') },
    yAxis: [{ type: 'value', name: money.symbol }, { type: 'value', name: t('costs.calls') }],
    series: [
      { name: t('runs.cost'), type: 'bar', data: months.map((m) => Number(money.major(m.actual_cents + m.interrupted_cents).toFixed(4))), itemStyle: { color: '#5b5bd6' } },
      { name: t('costs.calls'), type: 'line', yAxisIndex: 1, smooth: true, data: months.map((m) => m.calls), itemStyle: { color: '#36cfc9' } },
    ],
  };
}

/** The problems of a group in a word each: failed, cancelled, redone after a crash. */
function Problems({ group }: { group: CostGroup }) {
  const { t } = useI18n();
  const { format: formatCents } = useMoney();
  return (
    <>
      {group.failed > 0 && <Tag color="error">{`${t('costs.failed')} ${group.failed}`}</Tag>}
      {group.cancelled > 0 && <Tag>{`${t('costs.cancelled')} ${group.cancelled}`}</Tag>}
      {group.interrupted > 0 && (
        <Tag color="warning" title={t('costs.interruptedHint', { cost: formatCents(group.interrupted_cents) })}>
          {`${t('costs.interrupted')} ${group.interrupted}`}
        </Tag>
      )}
      {group.in_flight > 0 && <Tag color="processing">{`${t('costs.inFlight')} ${group.in_flight}`}</Tag>}
    </>
  );
}

/** The model calls of one run, opened from its row. */
function RunCalls({ runId, graph }: { runId: string; graph: GraphInfo | undefined }) {
  const { t, locale } = useI18n();
  const { format: formatCents } = useMoney();
  const calls = useQuery({ queryKey: ['run-costs', runId], queryFn: () => costsApi.runCalls(runId) });
  return (
    <QueryState query={calls} feature={t('costs.tab')}>
      {(data) => (
        <List
          size="small"
          data-testid="run-calls"
          dataSource={data.items}
          renderItem={(call) => (
            <List.Item>
              <Typography.Text strong>{nodeLabel(graph, call.node, locale)}</Typography.Text>
              <Typography.Text type="secondary">{call.model}</Typography.Text>
              <Tag color={STATUS_COLOR[call.status]}>{t(`costs.status.${call.status}`)}</Tag>
              <span>{`${call.input_tokens} / ${call.output_tokens}`}</span>
              <span>{call.status === 'interrupted' ? `${t('costs.call.estimated')} ${formatCents(call.estimated_cents)}` : formatCents(call.actual_cents)}</span>
              <Typography.Text type="secondary">{call.duration_ms === null ? '—' : t('costs.seconds', { n: (call.duration_ms / 1000).toFixed(1) })}</Typography.Text>
            </List.Item>
          )}
        />
      )}
    </QueryState>
  );
}

/**
 * 模型管理 → 运行成本: what runs' model calls cost (the cost ledger), per
 * workflow, month, member or run, with failures, cancellations and calls a
 * crash made twice counted apart; a run's row opens its calls.
 */
export function CostsTab() {
  const { t, locale } = useI18n();
  const money = useMoney();
  const formatCents = money.format;
  const phone = !Grid.useBreakpoint().md;
  const [by, setBy] = useState<CostGrouping>('graph');
  const summary = useQuery({ queryKey: ['costs', by], queryFn: () => costsApi.summary(by) });
  const graphs = useGraphs();
  const graphOf = (name: string | null | undefined) => graphs.data?.items.find((g) => g.name === name);
  const chart = useMemo(() => (by === 'month' && summary.data ? monthChart(summary.data.items, t, money) : undefined), [by, summary.data, t, money]);

  const nameColumn: ColumnType<CostGroup> = {
    graph: { title: t('costs.graph'), key: 'name', render: (_: unknown, g: CostGroup) => graphTitle(graphOf(g.key), locale, g.key ?? '') },
    month: { title: t('costs.month'), key: 'name', render: (_: unknown, g: CostGroup) => g.key },
    user: { title: t('costs.user'), key: 'name', render: (_: unknown, g: CostGroup) => g.label ?? t('costs.noUser') },
    run: {
      title: t('costs.run'),
      key: 'name',
      render: (_: unknown, g: CostGroup) => (
        <>
          <Link to={`/runs/${g.key}`}>{g.subject ?? graphTitle(graphOf(g.label), locale, g.label ?? '')}</Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {`${graphTitle(graphOf(g.label), locale, g.label ?? '')} · ${shortTime(g.first_at, locale)}`}
          </Typography.Text>
        </>
      ),
    },
  }[by];
  const cost = { title: t('runs.cost'), key: 'cost', align: 'right' as const, render: (_: unknown, g: CostGroup) => formatCents(g.actual_cents + g.interrupted_cents) };
  // A phone keeps two columns: what (with its calls and problems under it) and what it cost.
  const columns: ColumnsType<CostGroup> = phone
    ? [
        {
          ...nameColumn,
          render: (value: unknown, g: CostGroup, index: number) => (
            <>
              {nameColumn.render?.(value, g, index)}
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{`${t('costs.calls')} ${g.calls}`}</Typography.Text>
              <Problems group={g} />
            </>
          ),
        },
        cost,
      ]
    : [
        nameColumn,
        cost,
        { title: t('costs.calls'), dataIndex: 'calls', align: 'right' },
        { title: t('costs.tokens'), key: 'tokens', align: 'right', render: (_: unknown, g) => `${g.input_tokens.toLocaleString()} / ${g.output_tokens.toLocaleString()}` },
        { title: t('costs.lastAt'), key: 'last', render: (_: unknown, g) => shortTime(g.last_at, locale) },
        { title: '', key: 'problems', render: (_: unknown, g) => <Problems group={g} /> },
      ];

  return (
    <div data-testid="costs-tab">
      <Segmented<CostGrouping>
        value={by}
        onChange={setBy}
        options={GROUPINGS.map((value) => ({ value, label: t(`costs.by.${value}`) }))}
        style={{ marginBottom: 16 }}
        block={phone}
        data-testid="costs-by"
      />
      <QueryState query={summary} feature={t('costs.tab')}>
        {(data) =>
          data.total.calls === 0 ? (
            <EmptyState title={t('costs.empty')} hint={t('costs.emptyHint')} />
          ) : (
            <>
              <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
                <Col xs={12} md={6}>
                  <Statistic title={`${t('costs.total')}（${t('costs.range')}）`} value={formatCents(data.total.actual_cents + data.total.interrupted_cents)} data-testid="costs-total" />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic title={t('costs.calls')} value={data.total.calls} />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic title={t('costs.failed')} value={data.total.failed + data.total.cancelled} />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic title={t('costs.interrupted')} value={data.total.interrupted} />
                </Col>
              </Row>
              {data.total.interrupted > 0 && (
                <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('costs.interruptedHint', { cost: formatCents(data.total.interrupted_cents) })} />
              )}
              {chart && (
                <Card size="small" title={t('costs.byMonthChart')} style={{ marginBottom: 16 }}>
                  <Chart option={chart} testId="costs-by-month" />
                </Card>
              )}
              <Table<CostGroup>
                size="small"
                rowKey={(g) => g.key ?? 'none'}
                dataSource={data.items}
                columns={columns}
                pagination={false}
                data-testid="costs-table"
                expandable={by === 'run' ? { expandedRowRender: (g) => <RunCalls runId={g.key!} graph={graphOf(g.label)} /> } : undefined}
              />
            </>
          )
        }
      </QueryState>
    </div>
  );
}
