import { DeleteOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, List, Modal, Popconfirm, Progress, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/errors.ts';
import { REFRESH_TIERS, trendsApi, type TrendSource } from '../../api/trends.ts';
import { useNotifyError } from '../../components/notify.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { errorMessage } from '../../i18n/error-messages.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { SOURCES_KEY, useRefreshSource } from './use-refresh.ts';
import { SourceHealthLine, SourceStatusTag } from './trend-bits.tsx';

const PATH = /^[\w$-]+(\.[\w$-]+)*$/;

interface SourceValues {
  kind: 'feed' | 'json';
  name: string;
  url: string;
  tier_minutes: number;
  list_path?: string;
  title?: string;
  link?: string;
  key?: string;
  hot?: string;
  summary?: string;
  url_template?: string;
}

/** The server's field paths (`spec.fields.title`) mapped back onto this form's fields. */
const FIELD_OF: Record<string, keyof SourceValues> = {
  name: 'name', tier_minutes: 'tier_minutes', 'spec.url': 'url', 'spec.list_path': 'list_path', 'spec.fields.title': 'title', 'spec.fields.url': 'link',
  'spec.fields.key': 'key', 'spec.fields.hot': 'hot', 'spec.fields.summary': 'summary', 'spec.url_template': 'url_template',
};

function specOf(v: SourceValues): Record<string, unknown> {
  if (v.kind === 'feed') return { kind: 'feed', url: v.url.trim() };
  const opt = (s?: string) => (s && s.trim() ? s.trim() : undefined);
  return {
    kind: 'json', url: v.url.trim(), list_path: v.list_path?.trim(),
    fields: { title: v.title?.trim(), url: opt(v.link), key: opt(v.key), hot: opt(v.hot), summary: opt(v.summary) },
    url_template: opt(v.url_template),
  };
}

/** Adds an RSS/Atom/JSON Feed or a JSON endpoint with a field mapping; bad input is said at the field it is about. */
function AddSourceDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message, notification } = App.useApp();
  const notifyError = useNotifyError();
  const client = useQueryClient();
  const refresh = useRefreshSource();
  const [form] = Form.useForm<SourceValues>();
  const kind = Form.useWatch('kind', form) ?? 'feed';
  const [busy, setBusy] = useState(false);
  const path = (required: boolean) => [
    ...(required ? [{ required: true, message: t('trends.source.required') }] : []),
    { pattern: PATH, message: t('trends.source.pathInvalid') },
  ];
  const submit = async (values: SourceValues) => {
    setBusy(true);
    try {
      const source = await trendsApi.addSource({ name: values.name.trim(), tier_minutes: values.tier_minutes, spec: specOf(values) });
      message.info(t('trends.source.added', { name: source.name }));
      form.resetFields();
      onClose();
      // The first read tells at once whether the address and mapping work.
      const result = await refresh(source, true);
      if (result?.status === 'refreshed') message.success(t('trends.source.firstOk', { name: source.name, count: result.items ?? 0 }));
      else if (result?.status === 'failed') notification.warning({ title: t('trends.source.firstFailed', { name: source.name, reason: errorMessage(result.code, locale) ?? result.message ?? '' }), duration: 10 });
      await client.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('trend') });
    } catch (error) {
      const fields = ApiError.isInstance(error) && error.code === 'VALIDATION_FAILED' ? error.problem.errors ?? [] : [];
      const mapped = fields.map((f) => ({ name: FIELD_OF[f.path], message: f.message })).filter((f): f is { name: keyof SourceValues; message: string } => !!f.name);
      if (mapped.length) form.setFields(mapped.map((f) => ({ name: f.name, errors: [f.name === 'url' ? t('trends.source.urlInvalid') : f.name === 'url_template' ? t('trends.source.templateInvalid') : f.name === 'list_path' || f.name === 'title' ? t('trends.source.pathInvalid') : f.message] })));
      else notifyError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={t('trends.addSourceTitle')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden data-testid="add-source-dialog">
      <Form<SourceValues> form={form} layout="vertical" initialValues={{ kind: 'feed', tier_minutes: 30 }} onFinish={(v) => void submit(v)} preserve={false}>
        <Form.Item name="kind" label={t('trends.source.kind')}>
          <Radio.Group optionType="button" options={[{ value: 'feed', label: t('trends.source.kindFeed') }, { value: 'json', label: t('trends.source.kindJson') }]} data-testid="source-kind" />
        </Form.Item>
        <Form.Item name="name" label={t('trends.source.name')} rules={[{ required: true, whitespace: true, message: t('trends.source.required') }, { max: 60 }]}>
          <Input placeholder={t('trends.source.namePlaceholder')} maxLength={60} data-testid="source-name" />
        </Form.Item>
        <Form.Item name="url" label={t('trends.source.url')} rules={[{ required: true, message: t('trends.source.required') }, { pattern: /^https?:\/\/[^\s/?#]+(\/\S*)?$/i, message: t('trends.source.urlInvalid') }]}>
          <Input placeholder={kind === 'feed' ? t('trends.source.urlPlaceholder') : 'https://example.com/api/hot.json'} data-testid="source-url" />
        </Form.Item>
        <Form.Item name="tier_minutes" label={t('trends.source.tier')}>
          <Select options={REFRESH_TIERS.map((n) => ({ value: n, label: t('trends.tier', { n }) }))} data-testid="source-tier" />
        </Form.Item>
        {kind === 'json' ? (
          <>
            <Form.Item name="list_path" label={t('trends.source.listPath')} extra={t('trends.source.listPathHint')} rules={path(true)}>
              <Input placeholder="data.list" data-testid="source-list-path" />
            </Form.Item>
            <Space.Compact block style={{ gap: 8, display: 'flex', flexWrap: 'wrap' }}>
              <Form.Item name="title" label={t('trends.source.titleField')} rules={path(true)} style={{ flex: '1 1 160px' }}>
                <Input placeholder="title" data-testid="source-title-field" />
              </Form.Item>
              <Form.Item name="link" label={t('trends.source.urlField')} rules={path(false)} style={{ flex: '1 1 160px' }}>
                <Input placeholder="url" data-testid="source-url-field" />
              </Form.Item>
              <Form.Item name="key" label={t('trends.source.keyField')} rules={path(false)} style={{ flex: '1 1 160px' }}>
                <Input placeholder="id" />
              </Form.Item>
              <Form.Item name="hot" label={t('trends.source.hotField')} rules={path(false)} style={{ flex: '1 1 160px' }}>
                <Input placeholder="hot" />
              </Form.Item>
              <Form.Item name="summary" label={t('trends.source.summaryField')} rules={path(false)} style={{ flex: '1 1 160px' }}>
                <Input placeholder="desc" />
              </Form.Item>
            </Space.Compact>
            <Form.Item name="url_template" label={t('trends.source.urlTemplate')} extra={t('trends.source.urlTemplateHint')} rules={[{ pattern: /\{key\}/, message: t('trends.source.templateInvalid') }]}>
              <Input placeholder="https://example.com/p/{key}" data-testid="source-url-template" />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}

function SourceRow({ source }: { source: TrendSource }) {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const notifyError = useNotifyError();
  const refresh = useRefreshSource();
  const [busy, setBusy] = useState(false);
  return (
    <List.Item
      data-testid="source-row"
      data-source-id={source.id}
      actions={[
        <Button
          key="refresh"
          size="small"
          icon={<ReloadOutlined />}
          loading={busy}
          aria-label={t('trends.refreshNow')}
          data-testid="source-refresh"
          onClick={async () => {
            setBusy(true);
            await refresh(source);
            setBusy(false);
          }}
        />,
        ...(source.custom
          ? [
              <Popconfirm
                key="delete"
                title={t('trends.removeSource')}
                onConfirm={async () => {
                  try {
                    await trendsApi.removeSource(source.id);
                    await client.invalidateQueries({ queryKey: SOURCES_KEY });
                  } catch (error) {
                    notifyError(error);
                  }
                }}
              >
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('trends.removeSource')} />
              </Popconfirm>,
            ]
          : []),
      ]}
    >
      <List.Item.Meta
        title={
          <Space size={6} wrap>
            <SourceStatusTag source={source} />
            <span>{locale === 'zh-CN' ? source.name : source.name_en}</span>
            {source.custom ? <Tag color="blue" style={{ marginInlineEnd: 0 }}>{t('trends.custom')}</Tag> : null}
            {source.needs_session ? <Tag style={{ marginInlineEnd: 0 }}>{t('trends.needsSession')}</Tag> : null}
          </Space>
        }
        description={<SourceHealthLine source={source} />}
      />
    </List.Item>
  );
}

/** Every source's health, refresh one or all (with progress), and custom sources. */
export function SourcesTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const sources = useQuery({ queryKey: SOURCES_KEY, queryFn: trendsApi.sources });
  const refresh = useRefreshSource();
  const [adding, setAdding] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | undefined>();
  const refreshAll = async (list: TrendSource[]) => {
    const queue = [...list];
    let done = 0;
    let ok = 0;
    setProgress({ done, total: list.length });
    // A few at a time: each source is one request, and the lists are separate sites.
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let source = queue.shift(); source; source = queue.shift()) {
          const result = await refresh(source, true);
          if (result?.status === 'refreshed') ok++;
          done++;
          setProgress({ done, total: list.length });
        }
      }),
    );
    setProgress(undefined);
    message.info(t('trends.refreshAllDone', { ok, failed: list.length - ok }));
    await client.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('trend') });
  };
  return (
    <QueryState query={sources} feature={t('trends.tab.sources')}>
      {(data) => {
        const count = (s: TrendSource['status']) => data.items.filter((i) => i.status === s).length;
        return (
          <>
            <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
              <Typography.Text type="secondary" data-testid="sources-summary">
                {t('trends.sourcesSummary', { total: data.items.length, ok: count('ok'), stale: count('stale'), failing: count('failing'), never: count('never') })}
              </Typography.Text>
              <Space wrap>
                <Button icon={<ReloadOutlined />} disabled={!!progress} onClick={() => void refreshAll(data.items)} data-testid="refresh-all">{t('trends.refreshAll')}</Button>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-source">{t('trends.addSource')}</Button>
              </Space>
            </Space>
            {progress ? (
              <Alert
                type="info"
                style={{ marginBottom: 12 }}
                data-testid="refresh-progress"
                title={t('trends.refreshAllProgress', { done: progress.done, total: progress.total })}
                description={<Progress percent={Math.round((progress.done / Math.max(progress.total, 1)) * 100)} size="small" />}
              />
            ) : null}
            <List dataSource={data.items} rowKey="id" renderItem={(s) => <SourceRow source={s} />} data-testid="sources" />
            <AddSourceDialog open={adding} onClose={() => setAdding(false)} />
          </>
        );
      }}
    </QueryState>
  );
}
