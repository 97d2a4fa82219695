import { Alert, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { ApiBody, ApiResponse } from '../../api/schema.ts';
import { useNotifyError } from '../../components/notify.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { platformName } from '../../lib/platforms.ts';

type Estimate = ApiResponse<'/api/analytics/estimate', 'post'>;
type EstimateBody = ApiBody<'/api/analytics/estimate'>;

/** 预估爆款分 for a draft: always shown as an estimate, with what it is based on and how well it ranks (docs/insights.md). */
export function EstimateDialog({ open, onClose, platforms }: { open: boolean; onClose: () => void; platforms: string[] }) {
  const { t, locale } = useI18n();
  const notifyError = useNotifyError();
  const [result, setResult] = useState<Estimate | undefined>();
  const [busy, setBusy] = useState(false);
  const run = async (v: { topic: string; platform?: string; tags?: string[] }) => {
    setBusy(true);
    try {
      const body: EstimateBody = { topic: v.topic, platform: v.platform, tags: v.tags ?? [] };
      setResult(await api<Estimate>('/api/analytics/estimate', { body }));
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('estimate.title')} destroyOnHidden data-testid="estimate-dialog">
      <Form layout="vertical" onFinish={(v) => void run(v)} initialValues={{ platform: platforms[0] }}>
        <Form.Item name="topic" label={t('estimate.topic')} rules={[{ required: true, whitespace: true, message: t('estimate.topicRequired') }]}>
          <Input maxLength={200} placeholder={t('estimate.topicPlaceholder')} data-testid="estimate-topic" />
        </Form.Item>
        <Space wrap style={{ width: '100%' }}>
          <Form.Item name="platform" label={t('estimate.platform')}>
            <Select style={{ minWidth: 160 }} options={platforms.map((p) => ({ value: p, label: platformName(p, locale) }))} />
          </Form.Item>
          <Form.Item name="tags" label={t('estimate.tags')}>
            <Select mode="tags" style={{ minWidth: 220 }} placeholder={t('estimate.tagsPlaceholder')} />
          </Form.Item>
        </Space>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="estimate-run">{t('estimate.run')}</Button>
      </Form>
      {result ? (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }} data-testid="estimate-result">
          <Space><Typography.Title level={3} style={{ margin: 0 }}>{result.score}</Typography.Title><Tag color="gold">{t('analytics.score.estimate')}</Tag></Space>
          <Typography.Text type="secondary">
            {t('estimate.basedOn', { posts: result.based_on.posts, tagPosts: result.based_on.tag_posts })}
            {result.based_on.trend ? t('estimate.trend', { title: result.based_on.trend.title, source: result.based_on.trend.source_name, rank: result.based_on.trend.rank, heat: Math.round(result.based_on.trend.heat) }) : t('estimate.noTrend')}
          </Typography.Text>
          <Table
            size="small"
            rowKey="name"
            pagination={false}
            dataSource={result.features}
            columns={[
              { title: t('analytics.score.feature'), dataIndex: 'explanation' },
              { title: t('analytics.score.value'), key: 'value', align: 'right', render: (_, f) => (f.value === null ? '—' : Math.round(f.value)) },
              { title: t('analytics.score.weight'), dataIndex: 'weight', align: 'right' },
              { title: t('analytics.score.points'), dataIndex: 'contribution', align: 'right' },
            ]}
          />
          <Alert type="info" showIcon title={t('estimate.caveat')} />
        </Space>
      ) : null}
    </Modal>
  );
}
