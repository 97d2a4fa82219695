import { ApiOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Select, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { llmApi, type ConnectionTest, type LlmProvider } from '../../api/llm.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { useNotifyError } from '../../components/notify.tsx';
import { ProblemAlert } from '../../components/problem.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { useSubmitting } from '../../lib/use-submitting.ts';

function AddProvider({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const presets = useQuery({ queryKey: ['llm-presets'], queryFn: llmApi.presets, enabled: open, staleTime: Infinity });
  const [form] = Form.useForm<{ preset: string; name?: string; base_url?: string; api_key?: string }>();
  const { busy, error, run } = useSubmitting();
  const submit = async () => {
    const values = await form.validateFields();
    await run(async () => {
      const created = await llmApi.addProvider({ ...values, name: values.name || undefined, base_url: values.base_url || undefined, api_key: values.api_key || undefined });
      if (created.became_default) void message.success(t('llm.becameDefault', { name: created.display_name }));
      await queryClient.invalidateQueries({ queryKey: ['llm-providers'] });
      await queryClient.invalidateQueries({ queryKey: ['llm-models'] });
      await queryClient.invalidateQueries({ queryKey: ['llm-groups'] });
      onClose();
    });
  };
  return (
    <Modal open={open} title={t('llm.addProvider')} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="preset" label={t('llm.preset')} rules={[{ required: true }]}>
          <Select
            data-testid="provider-preset"
            loading={presets.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            options={(presets.data?.presets ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.id})` }))}
            onChange={(id: string) => {
              const preset = presets.data?.presets.find((p) => p.id === id);
              if (preset) form.setFieldsValue({ name: preset.id, base_url: preset.base_url });
            }}
          />
        </Form.Item>
        <Form.Item name="name" label={t('llm.providerName')} extra={t('llm.providerNameHint')} rules={[{ max: 60 }]}>
          <Input data-testid="provider-name" maxLength={60} />
        </Form.Item>
        <Form.Item name="base_url" label={t('llm.baseUrl')} rules={[{ type: 'url' }]}>
          <Input data-testid="provider-base-url" />
        </Form.Item>
        <Form.Item name="api_key" label={t('llm.apiKey')}>
          <Input.Password data-testid="provider-api-key" autoComplete="off" />
        </Form.Item>
      </Form>
      {error ? <ProblemAlert error={error} /> : null}
    </Modal>
  );
}

export function ProvidersTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [testing, setTesting] = useState<string>();
  const [results, setResults] = useState<Record<string, ConnectionTest>>({});
  const providers = useQuery({ queryKey: ['llm-providers'], queryFn: llmApi.providers });
  const presets = useQuery({ queryKey: ['llm-presets'], queryFn: llmApi.presets, staleTime: Infinity });
  const presetName = (id: string) => presets.data?.presets.find((p) => p.id === id)?.name ?? id;

  const test = async (p: LlmProvider) => {
    setTesting(p.name);
    try {
      const result = await api<ConnectionTest>(`/api/llm/providers/${encodeURIComponent(p.name)}/test`, { body: {} });
      setResults((r) => ({ ...r, [p.name]: result }));
      if (result.ok) void message.success(t('llm.testOk', { ms: Math.round(result.latency_ms), count: result.models.length }));
    } catch (error) {
      notifyError(error);
    } finally {
      setTesting(undefined);
    }
  };

  const toggle = async (p: LlmProvider, enabled: boolean) => {
    try {
      await api(`/api/llm/providers/${encodeURIComponent(p.name)}`, { method: 'PATCH', body: { enabled } });
      await queryClient.invalidateQueries({ queryKey: ['llm-providers'] });
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-provider">
          {t('llm.addProvider')}
        </Button>
      </div>
      <QueryState query={providers} feature={t('llm.tab.providers')}>
        {(data) =>
          data.providers.length === 0 ? (
            <EmptyState title={t('llm.noProviders')} hint={t('llm.noProvidersHint')} />
          ) : (
            <Table<LlmProvider>
              rowKey="id"
              pagination={false}
              dataSource={data.providers}
              scroll={{ x: 720 }}
              columns={[
                {
                  title: t('llm.providerName'),
                  dataIndex: 'display_name',
                  render: (n: string, r) => (
                    <span data-testid="provider-display-name">
                      <span translate="no">{n}</span>
                      {n !== r.name ? (
                        // The id is what `provider:model` and the CLI take: shown, since it cannot be guessed from a Chinese name.
                        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                          {t('llm.providerId', { id: '' })}
                          <span translate="no" data-testid="provider-id">{r.name}</span>
                        </Typography.Text>
                      ) : null}
                    </span>
                  ),
                },
                { title: t('llm.preset'), dataIndex: 'preset', render: (p: string, r) => <><Tag translate="no">{presetName(p)}</Tag><Tag>{t(`llm.wire.${r.wire}` as MessageKey)}</Tag></> },
                { title: t('llm.baseUrl'), dataIndex: 'base_url', ellipsis: true, render: (u: string) => <span translate="no">{u}</span> },
                { title: t('llm.apiKey'), dataIndex: 'api_key', render: (k: string | null) => (k ? <span translate="no">{k}</span> : '—') },
                { title: t('llm.enabled'), dataIndex: 'enabled', render: (e: boolean, r) => <Switch size="small" checked={e} onChange={(v) => void toggle(r, v)} /> },
                {
                  title: t('common.actions'),
                  render: (_: unknown, r) => {
                    const result = results[r.name];
                    return (
                      <span>
                        <Button size="small" icon={<ApiOutlined />} loading={testing === r.name} onClick={() => void test(r)} data-testid="test-provider">
                          {t('llm.test')}
                        </Button>{' '}
                        {result ? (
                          <Tag color={result.ok ? 'green' : 'red'} data-testid="test-result">
                            {result.ok ? t('llm.testOk', { ms: Math.round(result.latency_ms), count: result.models.length }) : t('llm.testFail', { error: result.error ?? String(result.status) })}
                          </Tag>
                        ) : null}
                      </span>
                    );
                  },
                },
              ]}
            />
          )
        }
      </QueryState>
      <AddProvider open={adding} onClose={() => setAdding(false)} />
    </>
  );
}
