import { CheckCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { Run } from '../../api/runs.ts';
import { useNotifyError } from '../../components/notify.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { useMoney } from '../../lib/money.ts';

type Route = NonNullable<Run['route']>;
type Factor = Route['factors'][number];

/** Where the run executes, why (the router's factors, translated), what it decided on, and 确认运行 when it is held. */
export function RouteCard({ run, onConfirmed }: { run: Run; onConfirmed: (run: Run) => void }) {
  const { t } = useI18n();
  const notifyError = useNotifyError();
  const [confirming, setConfirming] = useState(false);
  const { format: formatCents } = useMoney();
  const route = run.route;
  if (!route) return null;
  const text = (kind: 'reason' | 'warning', f: Factor) => {
    const params = { ...f.params } as Record<string, string | number>;
    if (typeof params.estimate === 'number') params.estimate = formatCents(params.estimate);
    if (typeof params.budget === 'number') params.budget = formatCents(params.budget);
    const key = `runs.route.${kind}.${f.code}` as MessageKey;
    // A rule added on the server before the web knows it: its English reason rather than a raw key.
    const translated = t(key, params);
    return translated === key ? (kind === 'reason' ? route.reasons[route.factors.indexOf(f)] ?? f.code : f.code) : translated;
  };
  const confirm = async () => {
    setConfirming(true);
    try {
      onConfirmed(await api<Run>(`/api/runs/${run.id}/confirm`, { body: {} }));
    } catch (error) {
      notifyError(error);
    } finally {
      setConfirming(false);
    }
  };
  const inputs = route.inputs;
  return (
    <Card size="small" title={t('runs.route.title')} style={{ marginBottom: 16 }} data-testid="run-route">
      {run.awaiting_confirmation ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('runs.route.awaiting')}
          action={
            <Button type="primary" icon={<CheckCircleOutlined />} loading={confirming} onClick={() => void confirm()} data-testid="confirm-run">
              {t('runs.route.confirm')}
            </Button>
          }
        />
      ) : null}
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap>
          <Tag color={route.target === 'cloud' ? 'blue' : 'green'} data-testid="route-target">
            {t(route.target === 'cloud' ? 'runs.route.cloud' : 'runs.route.local')}
          </Tag>
          {route.factors.map((f, i) => (
            <Typography.Text key={i} data-testid="route-reason">
              {text('reason', f)}
            </Typography.Text>
          ))}
        </Space>
        {route.warning_factors.map((f, i) => (
          <Typography.Text key={i} type="warning" data-testid="route-warning">
            {text('warning', f)}
          </Typography.Text>
        ))}
        {route.confirmed_at ? <Typography.Text type="secondary">{t('runs.route.confirmed', { time: new Date(route.confirmed_at).toLocaleString() })}</Typography.Text> : null}
        {inputs ? (
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('runs.route.client')}>{t(`runs.route.client.${inputs.client}` as MessageKey)}</Descriptions.Item>
            <Descriptions.Item label={t('runs.route.risk')}>{t(`runs.route.risk.${inputs.risk}` as MessageKey)}</Descriptions.Item>
            <Descriptions.Item label={t('runs.route.estimate')}>{inputs.estimated_cost_cents == null ? t('runs.route.none') : formatCents(inputs.estimated_cost_cents)}</Descriptions.Item>
            <Descriptions.Item label={t('runs.route.budget')}>{inputs.budget_cents == null ? t('runs.route.none') : formatCents(inputs.budget_cents)}</Descriptions.Item>
            {inputs.cloud_queue_length != null ? (
              <Descriptions.Item label={t('runs.route.queue')}>{t('runs.route.queueValue', { length: inputs.cloud_queue_length, wait: inputs.cloud_queue_wait_seconds ?? 0 })}</Descriptions.Item>
            ) : null}
            {inputs.user_active_runs != null && inputs.user_concurrency != null ? (
              <Descriptions.Item label={t('runs.route.quota')}>{t('runs.route.quotaValue', { active: inputs.user_active_runs, quota: inputs.user_concurrency })}</Descriptions.Item>
            ) : null}
          </Descriptions>
        ) : null}
      </Space>
    </Card>
  );
}
