import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row } from 'antd';
import { useMemo } from 'react';
import { llmApi, type UsageBucket } from '../../api/llm.ts';
import { Chart, type ChartOption } from '../../components/chart.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useMoney, type Money } from '../../lib/money.ts';

function byDay(rows: UsageBucket[], t: ReturnType<typeof useI18n>['t'], money: Money): ChartOption {
  const sorted = [...rows].sort((a, b) => String(a.day).localeCompare(String(b.day)));
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [t('runs.cost'), t('llm.requests')], top: 0 },
    grid: { left: 48, right: 48, bottom: 32, top: 48 },
    xAxis: { type: 'category', data: sorted.map((r) => String(r.day).slice(0, 10)) },
    yAxis: [{ type: 'value', name: money.symbol }, { type: 'value', name: t('llm.requests') }],
    series: [
      { name: t('runs.cost'), type: 'bar', data: sorted.map((r) => Number(money.major(r.cost_cents).toFixed(4))), itemStyle: { color: '#5b5bd6' } },
      { name: t('llm.requests'), type: 'line', yAxisIndex: 1, smooth: true, data: sorted.map((r) => r.requests), itemStyle: { color: '#36cfc9' } },
    ],
  };
}

function pie(rows: UsageBucket[], label: (r: UsageBucket) => string, value: (r: UsageBucket) => number): ChartOption {
  return {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, type: 'scroll' },
    series: [{ type: 'pie', radius: ['40%', '68%'], center: ['50%', '45%'], data: rows.map((r) => ({ name: label(r), value: value(r) })) }],
  };
}

export function UsageTab() {
  const { t } = useI18n();
  const days = useQuery({ queryKey: ['llm-usage', 'day'], queryFn: () => llmApi.usage('day') });
  const models = useQuery({ queryKey: ['llm-usage', 'model'], queryFn: () => llmApi.usage('model') });
  const keys = useQuery({ queryKey: ['llm-usage', 'key'], queryFn: () => llmApi.usage('key') });
  const keyList = useQuery({ queryKey: ['llm-keys'], queryFn: llmApi.keys });
  const money = useMoney();
  const dayOption = useMemo(() => byDay(days.data?.usage ?? [], t, money), [days.data, t, money]);
  const modelOption = useMemo(() => pie(models.data?.usage ?? [], (r) => r.model ?? '—', (r) => Number(money.major(r.cost_cents).toFixed(4))), [models.data, money]);
  // Keys by their names; requests without a key are the app's own (workflow runs).
  const keyOption = useMemo(() => {
    const names = new Map((keyList.data?.keys ?? []).map((k) => [k.id, k.name]));
    return pie(keys.data?.usage ?? [], (r) => (r.key_id ? (names.get(r.key_id) ?? t('llm.revokedKey')) : t('llm.inApp')), (r) => r.requests);
  }, [keys.data, keyList.data, t]);
  return (
    <QueryState query={days} feature={t('llm.tab.usage')}>
      {(data) =>
        data.usage.length === 0 ? (
          <EmptyState title={t('llm.noUsage')} hint={t('llm.noUsageHint')} />
        ) : (
          <Row gutter={[16, 16]}>
            <Col span={24}>
              <Card size="small" title={t('llm.costByDay')}>
                <Chart option={dayOption} testId="usage-by-day" />
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card size="small" title={t('llm.costByModel')}>
                <Chart option={modelOption} testId="usage-by-model" />
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card size="small" title={t('llm.costByKey')}>
                <Chart option={keyOption} testId="usage-by-key" />
              </Card>
            </Col>
          </Row>
        )
      }
    </QueryState>
  );
}
