import { KeyOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { llmApi, type LlmKey } from '../../api/llm.ts';
import { useNotifyError } from '../../components/notify.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { MoneyInput, useBudgetRules, useConfirmLargeBudget } from '../../components/money-input.tsx';
import { useMoney } from '../../lib/money.ts';
import { shortTime } from '../../lib/time.ts';

function Limits() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<{ scope: string; subject: string; rpm?: number; tpm?: number; concurrency?: number; budget?: number | null }>();
  const money = useMoney();
  const budgetRules = useBudgetRules();
  const confirmLarge = useConfirmLargeBudget();
  const save = async () => {
    // A refused field shows its message under the field; nothing else to do.
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    const { scope, subject, budget, ...limits } = values;
    if (!(await confirmLarge(budget, money.currency))) return;
    try {
      // Stored as entered, in 分 or cents of the person's currency: ¥50 stays ¥50 when the rate changes.
      const body = { ...limits, ...(budget ? { budget_cents: Math.round(budget * 100), budget_currency: money.currency } : { budget_cents: null }) };
      await api(`/api/llm/limits/${scope}/${encodeURIComponent(subject)}`, { method: 'PUT', body });
      void message.success(t('common.saved'));
    } catch (error) {
      notifyError(error);
    }
  };
  return (
    <Card size="small" title={t('llm.limits')} style={{ marginTop: 16 }}>
      <Form form={form} layout="inline" initialValues={{ scope: 'workspace' }} style={{ rowGap: 8 }}>
        <Form.Item name="scope" label={t('llm.limitScope')}>
          <Select style={{ width: 120 }} options={(['workspace', 'user', 'key', 'model'] as const).map((s) => ({ value: s, label: t(`llm.scope.${s}`) }))} />
        </Form.Item>
        <Form.Item name="subject" label={t('llm.limitSubject')} rules={[{ required: true }]}>
          <Input style={{ width: 200 }} placeholder={t('llm.subjectHint')} />
        </Form.Item>
        <Form.Item name="rpm" label="RPM">
          <InputNumber min={0} />
        </Form.Item>
        <Form.Item name="tpm" label="TPM">
          <InputNumber min={0} />
        </Form.Item>
        <Form.Item name="concurrency" label={t('llm.concurrency')}>
          <InputNumber min={0} />
        </Form.Item>
        <Form.Item name="budget" label={t('llm.budgetMonthly', { symbol: money.symbol })} rules={budgetRules}>
          <MoneyInput style={{ width: 140 }} testId="limit-budget" />
        </Form.Item>
        <Button onClick={() => void save()} data-testid="save-limit">{t('common.save')}</Button>
      </Form>
    </Card>
  );
}

export function KeysTab() {
  const { t, locale } = useI18n();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const keys = useQuery({ queryKey: ['llm-keys'], queryFn: llmApi.keys });
  const [name, setName] = useState('');
  const [created, setCreated] = useState<string>();

  const create = async () => {
    try {
      const result = await llmApi.createKey({ name: name.trim() });
      setCreated(result.key);
      setName('');
      await queryClient.invalidateQueries({ queryKey: ['llm-keys'] });
    } catch (error) {
      notifyError(error);
    }
  };
  const revoke = async (id: string) => {
    try {
      await api(`/api/llm/keys/${id}`, { method: 'DELETE' });
      await queryClient.invalidateQueries({ queryKey: ['llm-keys'] });
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('common.name')} style={{ width: 220 }} />
        <Button type="primary" icon={<KeyOutlined />} disabled={!name.trim()} onClick={() => void create()}>
          {t('llm.createKey')}
        </Button>
      </Space>
      <QueryState query={keys} feature={t('llm.tab.keys')}>
        {(data) => (
          <Table<LlmKey>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={data.keys}
            columns={[
              { title: t('common.name'), dataIndex: 'name' },
              { title: t('llm.keyPrefix'), dataIndex: 'prefix', render: (p: string) => <code translate="no">{p}…</code> },
              { title: t('common.createdAt'), dataIndex: 'created_at', render: (d: string) => shortTime(d, locale) },
              { title: t('llm.lastUsed'), dataIndex: 'last_used_at', render: (d: string | null) => shortTime(d, locale) },
              {
                title: t('common.actions'),
                render: (_: unknown, k) =>
                  k.revoked_at ? (
                    <Tag>{t('llm.revoked')}</Tag>
                  ) : (
                    <Popconfirm title={t('llm.revoke')} onConfirm={() => void revoke(k.id)}>
                      <Button size="small" danger type="text">
                        {t('llm.revoke')}
                      </Button>
                    </Popconfirm>
                  ),
              },
            ]}
          />
        )}
      </QueryState>
      <Limits />
      <Modal open={created !== undefined} title={t('llm.createKey')} onCancel={() => setCreated(undefined)} onOk={() => setCreated(undefined)} okText={t('common.close')} cancelButtonProps={{ style: { display: 'none' } }}>
        <Alert type="warning" showIcon title={t('llm.keyOnce')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable code data-testid="created-key">
          {created}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
