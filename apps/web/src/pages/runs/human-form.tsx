import { Alert, Button, Form, Input, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client.ts';
import { useNotifyError } from '../../components/notify.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

interface FieldSchema {
  type?: string;
  title?: string;
  enum?: unknown[];
  description?: string;
}

interface FormSchema {
  properties?: Record<string, FieldSchema>;
  required?: string[];
}

/**
 * The form of a `human` node, generated from its JSON Schema: approve or send
 * back, pick a title, add notes. The first answer wins on the server.
 */
export function HumanForm({ runId, message, form, requestId, suggestions, onAnswered }: { runId: string; message: string; form: FormSchema | undefined; requestId?: string; suggestions?: string[]; onAnswered: () => void }) {
  const { t } = useI18n();
  const notifyError = useNotifyError();
  const [antForm] = Form.useForm<Record<string, unknown>>();
  const [busy, setBusy] = useState(false);
  const properties = form?.properties ?? {};
  const hasApproved = properties.approved?.type === 'boolean';
  const anchor = useRef<HTMLDivElement>(null);
  // On a phone the run's timeline comes first and fills the screen: bring the question into view once.
  useEffect(() => {
    if (window.matchMedia('(max-width: 767.98px)').matches) anchor.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [requestId]);

  const send = async (extra: Record<string, unknown> = {}) => {
    setBusy(true);
    try {
      const values = { ...antForm.getFieldsValue(), ...extra };
      const data = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== ''));
      await api(`/api/runs/${runId}/resume`, { body: { data, request_id: requestId } });
      onAnswered();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div ref={anchor} style={{ scrollMarginTop: 72 }}>
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="human-form"
      title={t('runs.humanTitle')}
      description={
        <div>
          {/* The message and the field names are the graph author's text, in the graph's language. */}
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-graph-authored>{message}</Typography.Paragraph>
          <Form form={antForm} layout="vertical" data-graph-authored initialValues={{ title: suggestions?.[0] }}>
            {Object.entries(properties).map(([name, field]) => {
              if (hasApproved && name === 'approved') return null;
              const label = field.title ?? name;
              if (field.type === 'boolean') {
                return (
                  <Form.Item key={name} name={name} label={label} valuePropName="checked">
                    <Switch />
                  </Form.Item>
                );
              }
              if (field.enum) {
                return (
                  <Form.Item key={name} name={name} label={label}>
                    <Select options={field.enum.map((v) => ({ value: String(v), label: String(v) }))} />
                  </Form.Item>
                );
              }
              if (field.type === 'number' || field.type === 'integer') {
                return (
                  <Form.Item key={name} name={name} label={label}>
                    <InputNumber style={{ width: '100%' }} />
                  </Form.Item>
                );
              }
              if (name === 'title' && suggestions && suggestions.length > 0) {
                return (
                  <Form.Item key={name} name={name} label={label}>
                    <Select data-testid="human-title" options={suggestions.map((s) => ({ value: s, label: s }))} />
                  </Form.Item>
                );
              }
              return (
                <Form.Item key={name} name={name} label={label}>
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} data-testid={`human-${name}`} />
                </Form.Item>
              );
            })}
          </Form>
          {hasApproved ? (
            <Space>
              <Button type="primary" loading={busy} onClick={() => void send({ approved: true })} data-testid="human-approve">
                {t('runs.approve')}
              </Button>
              <Button loading={busy} onClick={() => void send({ approved: false })}>
                {t('runs.reject')}
              </Button>
            </Space>
          ) : (
            <Button type="primary" loading={busy} onClick={() => void send()} data-testid="human-submit">
              {t('runs.humanSubmit')}
            </Button>
          )}
        </div>
      }
    />
    </div>
  );
}
