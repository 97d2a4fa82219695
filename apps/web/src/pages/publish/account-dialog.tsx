import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Form, Input, Modal, Select } from 'antd';
import { api } from '../../api/client.ts';
import { publishApi } from '../../api/publish.ts';
import { ProblemAlert } from '../../components/problem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSubmitting } from '../../lib/use-submitting.ts';

interface Values {
  platform: string;
  name: string;
  credential_mode: 'local' | 'sync';
  base_url?: string;
  api_base_url?: string;
  app_id?: string;
  app_secret?: string;
}

export function AccountDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const platforms = useQuery({
    queryKey: ['publish-platforms'],
    queryFn: publishApi.platforms,
    enabled: open,
    staleTime: 300_000,
  });
  const [form] = Form.useForm<Values>();
  const platform = Form.useWatch('platform', form);
  const { busy, error, run } = useSubmitting();

  const submit = async () => {
    const values = await form.validateFields();
    await run(async () => {
      await api('/api/publish/accounts', {
        body: {
          ...values,
          base_url: values.base_url || undefined,
          api_base_url: values.api_base_url || undefined,
        },
      });
      await queryClient.invalidateQueries({ queryKey: ['publish-accounts'] });
      onClose();
    });
  };

  return (
    <Modal
      open={open}
      title={t('publish.addAccount')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ credential_mode: 'local' }} preserve={false}>
        <Form.Item name="platform" label={t('publish.platform')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={platforms.isPending}
            data-testid="account-platform"
            options={(platforms.data?.platforms ?? []).map((p) => ({
              value: p.id,
              label: locale === 'zh-CN' ? p.name : p.name_en,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('publish.accountName')}
          rules={[{ required: true, whitespace: true, max: 100 }]}
        >
          <Input data-testid="account-name" />
        </Form.Item>
        <Form.Item name="credential_mode" label={t('publish.credentialMode')}>
          <Select
            options={(['local', 'sync'] as const).map((m) => ({ value: m, label: t(`publish.mode.${m}`) }))}
          />
        </Form.Item>
        {platform === 'wechat_mp' ? (
          <>
            <Form.Item name="app_id" label={t('publish.appId')} rules={[{ required: true }]}>
              <Input data-testid="account-app-id" />
            </Form.Item>
            <Form.Item name="app_secret" label={t('publish.appSecret')} rules={[{ required: true }]}>
              <Input.Password data-testid="account-app-secret" />
            </Form.Item>
            <Form.Item name="api_base_url" label={t('publish.baseUrl')} rules={[{ type: 'url' }]}>
              <Input placeholder="https://api.weixin.qq.com" data-testid="account-api-base-url" />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="base_url" label={t('publish.baseUrl')} rules={[{ type: 'url' }]}>
            <Input placeholder="https://" data-testid="account-base-url" />
          </Form.Item>
        )}
      </Form>
      {platforms.isError ? <ProblemAlert error={platforms.error} /> : null}
      {error ? <ProblemAlert error={error} /> : null}
    </Modal>
  );
}
