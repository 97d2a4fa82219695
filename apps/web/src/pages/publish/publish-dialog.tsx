import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, InputNumber, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../api/client.ts';
import type { Work } from '../../api/library.ts';
import type { Page } from '../../api/lists.ts';
import { publishApi, type PublishJob } from '../../api/publish.ts';
import { ProblemAlert } from '../../components/problem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { usePlatformName } from '../../lib/use-platform-name.ts';
import { useSubmitting } from '../../lib/use-submitting.ts';

interface Values {
  works: string[];
  to: string[];
  when: 'now' | 'at';
  at?: Dayjs;
  spacing_minutes?: number;
}

/** Works × accounts, now or at a time, with spacing between the jobs of a batch. */
export function PublishDialog({ open, onClose, workIds = [], onCreated }: { open: boolean; onClose: () => void; workIds?: string[]; onCreated?: (jobs: PublishJob[]) => void }) {
  const { t } = useI18n();
  const platformName = usePlatformName();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const when = Form.useWatch('when', form);
  const { busy, error, run } = useSubmitting();
  const works = useQuery({ queryKey: ['/api/works', { limit: 100 }], queryFn: () => api<Page<Work>>('/api/works', { query: { limit: 100 } }), enabled: open });
  const accounts = useQuery({ queryKey: ['publish-accounts'], queryFn: publishApi.accounts, enabled: open });

  const submit = async () => {
    const values = await form.validateFields();
    await run(async () => {
      const result = await publishApi.create({
        works: values.works,
        to: values.to,
        at: values.when === 'at' && values.at ? values.at.toISOString() : undefined,
        spacing_seconds: values.spacing_minutes ? Math.round(values.spacing_minutes * 60) : undefined,
      });
      void message.success(t('publish.created', { count: result.jobs.length }));
      await queryClient.invalidateQueries({ queryKey: ['publish-jobs'] });
      onCreated?.(result.jobs);
      onClose();
    });
  };

  return (
    <Modal open={open} title={t('publish.publish')} onCancel={onClose} onOk={() => void submit()} okText={t('publish.publish')} confirmLoading={busy} destroyOnHidden width={560} data-testid="publish-dialog">
      <Form form={form} layout="vertical" initialValues={{ works: workIds, to: [], when: 'now' }} preserve={false}>
        <Form.Item name="works" label={t('publish.works')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Select mode="multiple" loading={works.isPending} data-testid="publish-works" optionFilterProp="label" options={(works.data?.items ?? []).map((w) => ({ value: w.id, label: w.title }))} />
        </Form.Item>
        <Form.Item name="to" label={t('publish.accounts')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Select
            mode="multiple"
            loading={accounts.isPending}
            data-testid="publish-accounts"
            optionFilterProp="label"
            options={(accounts.data?.accounts ?? []).map((a) => ({ value: a.id, label: `${a.name} · ${platformName(a.platform)}${a.login_status === 'expired' ? ` (${t('publish.login.expired')})` : ''}` }))}
          />
        </Form.Item>
        <Form.Item name="when" label={t('publish.when')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'now', label: t('publish.now') },
              { value: 'at', label: t('publish.at') },
            ]}
          />
        </Form.Item>
        {when === 'at' ? (
          <Form.Item name="at" rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
        <Form.Item name="spacing_minutes" label={t('publish.spacing')} extra={t('publish.spacingHint')}>
          <InputNumber min={0} max={1440} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
      {works.isError ? <ProblemAlert error={works.error} /> : null}
      {accounts.isError ? <ProblemAlert error={accounts.error} /> : null}
      {error ? <ProblemAlert error={error} /> : null}
    </Modal>
  );
}
