import { useMutation, useQuery } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { analyticsApi } from '../../api/analytics.ts';
import { publishApi } from '../../api/publish.ts';
import { useNotifyError } from '../../components/notify.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { platformName } from '../../lib/platforms.ts';

interface Values {
  url: string;
  account_id?: string;
  title?: string;
  published_at?: Dayjs;
}

/** 我已发布: a post published by hand is followed by its link, on the same schedule as the others. */
export function TrackDialog({ open, onClose, onTracked }: { open: boolean; onClose: () => void; onTracked: (postId: string) => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<Values>();
  const accounts = useQuery({ queryKey: ['publish-accounts'], queryFn: publishApi.accounts, enabled: open });
  const track = useMutation({
    mutationFn: (v: Values) => analyticsApi.track({ url: v.url.trim(), account_id: v.account_id, title: v.title?.trim() || undefined, published_at: v.published_at?.toISOString() }),
    onSuccess: (post) => {
      void message.success(t('analytics.trackSaved'));
      form.resetFields();
      onClose();
      onTracked(post.id);
    },
    onError: notifyError,
  });
  return (
    <Modal open={open} title={t('analytics.trackTitle')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={track.isPending} destroyOnHidden data-testid="track-dialog">
      <Typography.Paragraph type="secondary">{t('analytics.trackHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => track.mutate(v)} initialValues={{ published_at: dayjs() }}>
        <Form.Item name="url" label={t('analytics.trackUrl')} rules={[{ required: true, type: 'url', message: t('analytics.trackUrlPlaceholder') }]}>
          <Input placeholder={t('analytics.trackUrlPlaceholder')} data-testid="track-url" />
        </Form.Item>
        <Form.Item name="account_id" label={t('analytics.trackAccount')}>
          <Select allowClear placeholder={t('analytics.trackAccountNone')} options={(accounts.data?.accounts ?? []).map((a) => ({ value: a.id, label: `${platformName(a.platform, locale)} · ${a.nickname ?? a.name}` }))} />
        </Form.Item>
        <Form.Item name="title" label={t('analytics.trackTitleField')}>
          <Input maxLength={300} data-testid="track-title" />
        </Form.Item>
        <Form.Item name="published_at" label={t('analytics.trackPublishedAt')}>
          <DatePicker showTime style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
