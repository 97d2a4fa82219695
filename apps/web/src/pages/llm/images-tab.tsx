import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Popconfirm, Select, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { IMAGE_KIND_DEFAULTS, imagesApi, type ImageProvider, type ImageProviderInput, type ImageProviderKind } from '../../api/images.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { useNotifyError } from '../../components/notify.tsx';
import { ProblemAlert } from '../../components/problem.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSubmitting } from '../../lib/use-submitting.ts';

const KEY = ['image-providers'];

type Values = ImageProviderInput;

function AddImageProvider({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const { busy, error, run } = useSubmitting();
  const submit = async () => {
    const values = await form.validateFields();
    await run(async () => {
      await imagesApi.addProvider({ ...values, model: values.model || undefined, api_key: values.api_key || undefined });
      await queryClient.invalidateQueries({ queryKey: KEY });
      onClose();
    });
  };
  const pick = (next: ImageProviderKind) => form.setFieldsValue({ name: next, base_url: IMAGE_KIND_DEFAULTS[next].base_url, model: IMAGE_KIND_DEFAULTS[next].model });
  return (
    <Modal open={open} title={t('images.add')} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ kind: 'siliconflow', name: 'siliconflow', ...IMAGE_KIND_DEFAULTS.siliconflow }}>
        <Form.Item name="kind" label={t('images.kind')} rules={[{ required: true }]}>
          <Select<ImageProviderKind>
            data-testid="image-kind"
            onChange={pick}
            options={(['siliconflow', 'openai', 'comfyui'] as const).map((k) => ({ value: k, label: t(`images.kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t('common.name')} rules={[{ required: true, max: 100 }]}>
          <Input data-testid="image-name" />
        </Form.Item>
        <Form.Item name="base_url" label={t('llm.baseUrl')} rules={[{ required: true, type: 'url' }]}>
          <Input data-testid="image-base-url" />
        </Form.Item>
        {kind === 'comfyui' ? null : (
          <>
            <Form.Item name="model" label={t('images.model')} rules={[{ required: true }]}>
              <Input data-testid="image-model" />
            </Form.Item>
            <Form.Item name="api_key" label={t('llm.apiKey')} rules={[{ required: true }]}>
              <Input.Password data-testid="image-api-key" autoComplete="off" />
            </Form.Item>
          </>
        )}
        <Form.Item name="is_default" label={t('images.default')} valuePropName="checked" extra={t('images.defaultHint')}>
          <Switch />
        </Form.Item>
      </Form>
      {error ? <ProblemAlert error={error} /> : null}
    </Modal>
  );
}

/** Image services (ComfyUI, SiliconFlow, OpenAI images): what illustrations and generated covers use. */
export function ImagesTab() {
  const { t } = useI18n();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const providers = useQuery({ queryKey: KEY, queryFn: imagesApi.providers });
  const remove = async (p: ImageProvider) => {
    try {
      await imagesApi.removeProvider(p.name);
      await queryClient.invalidateQueries({ queryKey: KEY });
    } catch (error) {
      notifyError(error);
    }
  };
  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-image-provider">
          {t('images.add')}
        </Button>
      </div>
      <QueryState query={providers} feature={t('llm.tab.images')}>
        {(data) =>
          data.providers.length === 0 ? (
            <EmptyState title={t('images.none')} hint={t('images.noneHint')} />
          ) : (
            <Table<ImageProvider>
              rowKey="id"
              pagination={false}
              dataSource={data.providers}
              scroll={{ x: 720 }}
              data-testid="image-providers"
              columns={[
                { title: t('common.name'), dataIndex: 'name', render: (name: string, r) => <>{name} {r.is_default ? <Tag color="purple">{t('images.defaultTag')}</Tag> : null}</> },
                { title: t('images.kind'), dataIndex: 'kind', render: (k: ImageProviderKind) => <Tag>{t(`images.kind.${k}`)}</Tag> },
                { title: t('llm.baseUrl'), dataIndex: 'base_url', ellipsis: true },
                { title: t('images.model'), dataIndex: 'model', render: (m: string | null) => m ?? '—' },
                { title: t('llm.apiKey'), dataIndex: 'api_key_hint', render: (k: string | null) => k ?? '—' },
                {
                  title: t('common.actions'),
                  render: (_: unknown, r) => (
                    <Popconfirm title={t('images.removeConfirm', { name: r.name })} onConfirm={() => void remove(r)}>
                      <Button size="small" danger type="text" icon={<DeleteOutlined />} aria-label={t('common.delete')} data-testid="remove-image-provider" />
                    </Popconfirm>
                  ),
                },
              ]}
            />
          )
        }
      </QueryState>
      <AddImageProvider open={adding} onClose={() => setAdding(false)} />
    </>
  );
}
