import { DatePicker, Form, Input, InputNumber, Segmented, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Idea, Work } from '../../api/library.ts';
import { useList } from '../../api/lists.ts';
import { publishApi, type PublishAccount } from '../../api/publish.ts';
import type { GraphInfo, GraphInput } from '../../api/runs.ts';
import type { Asset } from '../../api/upload.ts';
import { useQuery } from '@tanstack/react-query';
import { useI18n, type Locale } from '../../i18n/i18n.tsx';
import { inputText, type InputText } from '../../lib/graph-text.ts';
import { WRITING_PLATFORMS, platformName } from '../../lib/platforms.ts';

const PICKED = new Set(['work', 'idea', 'account', 'asset', 'platform', 'platforms', 'datetime']);

/** The form's value of an input as the graph takes it (dates become ISO strings, empty text is left out). */
export function toInputs(graph: GraphInfo, values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(graph.inputs ?? {})) {
    let value = values[key];
    if (dayjs.isDayjs(value)) value = value.toISOString();
    if (typeof value === 'string') value = value.trim();
    if (spec.type === 'object' && typeof value === 'string' && value) value = JSON.parse(value) as unknown;
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0 && !spec.required)) continue;
    out[key] = value;
  }
  return out;
}

/** Initial form values: the declared defaults, in the shape each field edits. */
export function initialValues(graph: GraphInfo): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(graph.inputs ?? {})) {
    if (spec.default === undefined || spec.default === '') continue;
    if (spec.widget === 'datetime') values[key] = typeof spec.default === 'string' ? dayjs(spec.default) : undefined;
    else if (spec.type === 'object') values[key] = JSON.stringify(spec.default, null, 2);
    else values[key] = spec.default;
  }
  return values;
}

/** Example values in the shape each field edits. */
export function exampleValues(graph: GraphInfo): Record<string, unknown> {
  return { ...initialValues(graph), ...(graph.example ?? {}) };
}

function platformOptions(spec: GraphInput, locale: Locale) {
  const ids = spec.enum?.map(String) ?? WRITING_PLATFORMS;
  return ids.map((id) => ({ value: id, label: platformName(id, locale) }));
}

function RecordPicker({ kind, ...props }: { kind: 'work' | 'idea' | 'asset'; value?: string; onChange?: (v: string) => void; placeholder?: string; 'data-testid'?: string }) {
  const path = kind === 'work' ? '/api/works' : kind === 'idea' ? '/api/ideas' : '/api/assets';
  const list = useList<Work | Idea | Asset>(path, { limit: 100 });
  const options = (list.data?.items ?? []).map((item) => ({
    value: item.id,
    label: 'title' in item ? item.title || item.id.slice(0, 8) : 'text' in item ? item.text.slice(0, 60) : item.name,
  }));
  const { t } = useI18n();
  const empty = { work: t('runs.form.noWorks'), idea: t('runs.form.noIdeas'), asset: t('runs.form.noAssets') }[kind];
  const where = { work: '/works', idea: '/library/ideas', asset: '/library/assets' }[kind];
  return (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      loading={list.isPending}
      options={options}
      notFoundContent={list.isPending ? undefined : <Link to={where}>{empty}</Link>}
      {...props}
    />
  );
}

function AccountPicker(props: { value?: string; onChange?: (v: string) => void; placeholder?: string; 'data-testid'?: string }) {
  const { locale } = useI18n();
  const accounts = useQuery({ queryKey: ['publish', 'accounts'], queryFn: publishApi.accounts });
  const options = (accounts.data?.accounts ?? []).map((a: PublishAccount) => ({ value: a.id, label: `${platformName(a.platform, locale)} · ${a.nickname ?? a.name}` }));
  const { t } = useI18n();
  return (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      loading={accounts.isPending}
      options={options}
      notFoundContent={accounts.isPending ? undefined : <Link to="/publish">{t('runs.form.noAccounts')}</Link>}
      {...props}
    />
  );
}

function field(key: string, spec: GraphInput, text: InputText, locale: Locale): ReactNode {
  const testId = `run-input-${key}`;
  const common = { placeholder: text.placeholder, 'data-testid': testId };
  const options = spec.enum?.map((value) => ({ value, label: text.optionLabel(value) }));
  switch (spec.widget) {
    case 'textarea':
      return <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} {...common} />;
    case 'url':
      return <Input type="url" inputMode="url" {...common} />;
    case 'platform':
      return <Select options={platformOptions(spec, locale)} {...common} />;
    case 'platforms':
      return <Select mode="multiple" options={platformOptions(spec, locale)} {...common} />;
    case 'work':
    case 'idea':
    case 'asset':
      return <RecordPicker kind={spec.widget} {...common} />;
    case 'account':
      return <AccountPicker {...common} />;
    case 'datetime':
      return <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} disabledDate={(d: Dayjs) => d.isBefore(dayjs().startOf('day'))} {...common} />;
    default:
      break;
  }
  if (options) {
    // A few choices read best side by side (e.g. 15 秒 / 60 秒 / 3 分钟).
    return options.length <= 4 ? <Segmented options={options} data-testid={testId} /> : <Select options={options} {...common} />;
  }
  switch (spec.type) {
    case 'number':
    case 'integer':
      return <InputNumber precision={spec.type === 'integer' ? 0 : undefined} style={{ width: '100%' }} {...common} />;
    case 'boolean':
      return <Switch data-testid={testId} />;
    case 'array':
      return <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} {...common} />;
    case 'object':
      return <Input.TextArea autoSize={{ minRows: 3 }} {...common} />;
    default:
      return <Input {...common} />;
  }
}

/**
 * The start form of one graph, generated from the inputs it declares: each
 * input's label, description, default, choices and whether it is required,
 * with pickers for the workspace's works, ideas, accounts and assets.
 */
export function GraphFields({ graph }: { graph: GraphInfo }) {
  const { t, locale } = useI18n();
  return (
    <>
      {Object.entries(graph.inputs ?? {}).map(([key, spec]) => {
        const text = inputText(graph, key, spec, locale);
        const required = spec.required === true && spec.default === undefined;
        const rules = [
          ...(required
            ? [
                {
                  required: true,
                  type: spec.type === 'array' ? ('array' as const) : spec.type === 'number' || spec.type === 'integer' ? ('number' as const) : undefined,
                  whitespace: spec.type === undefined || spec.type === 'string',
                  message: t(PICKED.has(spec.widget ?? '') || spec.enum ? 'runs.form.choose' : 'runs.form.required', { label: text.label }),
                },
              ]
            : []),
          ...(spec.widget === 'url' ? [{ type: 'url' as const, message: t('runs.form.url') }] : []),
          ...(spec.type === 'object'
            ? [
                {
                  validator: async (_: unknown, value: unknown) => {
                    if (typeof value !== 'string' || !value.trim()) return;
                    try {
                      JSON.parse(value);
                    } catch {
                      throw new Error(t('runs.form.json'));
                    }
                  },
                },
              ]
            : []),
        ];
        return (
          <Form.Item key={key} name={key} label={text.label} extra={text.description} rules={rules} valuePropName={spec.type === 'boolean' ? 'checked' : 'value'}>
            {field(key, spec, text, locale)}
          </Form.Item>
        );
      })}
    </>
  );
}
