import { Form, Input, Modal, Select } from 'antd';
import { useNavigate } from 'react-router';
import { WORK_KINDS, createWork, type WorkKind } from '../../api/library.ts';
import { ProblemAlert } from '../../components/problem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSubmitting } from '../../lib/use-submitting.ts';

export function NewWorkDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ title: string; kind: WorkKind }>();
  const { busy, error, run } = useSubmitting();

  const submit = async () => {
    const values = await form.validateFields();
    await run(async () => {
      const work = await createWork({ kind: values.kind, title: values.title.trim() });
      onClose();
      navigate(`/works/${work.id}`);
    });
  };

  return (
    <Modal open={open} title={t('works.new')} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} okText={t('common.create')} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: 'article' }} preserve={false}>
        <Form.Item name="title" label={t('common.title')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input placeholder={t('works.titlePlaceholder')} autoFocus onPressEnter={() => void submit()} />
        </Form.Item>
        <Form.Item name="kind" label={t('works.kind')}>
          <Select options={WORK_KINDS.map((k) => ({ value: k, label: t(`works.kind.${k}`) }))} />
        </Form.Item>
      </Form>
      {error ? <ProblemAlert error={error} /> : null}
    </Modal>
  );
}
