import { DeleteOutlined, PlusOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Collapse, Form, Input, List, Popconfirm, Row, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/errors.ts';
import { trendsApi, type Niche } from '../../api/trends.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { useNotifyError } from '../../components/notify.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { ItemList } from './trend-lists.tsx';

const HELP: Array<[string, MessageKey]> = [
  ['[美妆]', 'trends.niche.help.group'],
  ['口红', 'trends.niche.help.any'],
  ['+平价', 'trends.niche.help.must'],
  ['!广告', 'trends.niche.help.exclude'],
  ['/粉底(液|霜)/', 'trends.niche.help.regex'],
  ['防晒 => 防晒霜', 'trends.niche.help.alias'],
  ['@10', 'trends.niche.help.max'],
  ['[GLOBAL_FILTER]', 'trends.niche.help.global'],
  ['# …', 'trends.niche.help.comment'],
];

/** The keyword syntax (TrendRadar's frequency words), next to the editor. */
function SyntaxHelp() {
  const { t } = useI18n();
  return (
    <Collapse
      size="small"
      data-testid="niche-help"
      items={[
        {
          key: 'help',
          label: <Space><QuestionCircleOutlined />{t('trends.niche.help')}</Space>,
          children: (
            <table className="cf-syntax-table">
              <tbody>
                {HELP.map(([example, key]) => (
                  <tr key={key}>
                    <td><Typography.Text code>{example}</Typography.Text></td>
                    <td>{t(key)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ),
        },
      ]}
    />
  );
}

interface NicheValues {
  name: string;
  rules: string;
}

function NicheEditor({ niche, onSaved }: { niche: Niche | undefined; onSaved: (n: Niche) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<NicheValues>();
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const save = async (values: NicheValues) => {
    setBusy(true);
    setProblems([]);
    try {
      const saved = await trendsApi.saveNiche(values.name.trim(), values.rules);
      message.success(t('trends.niche.saved', { name: saved.name }));
      onSaved(saved);
    } catch (error) {
      // A broken rule comes back with the line it is on: shown under the editor, not as a toast.
      if (ApiError.isInstance(error) && error.code === 'VALIDATION_FAILED' && error.problem.errors?.length) setProblems(error.problem.errors.map((e) => `${e.path}: ${e.message}`));
      else notifyError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form<NicheValues> form={form} layout="vertical" initialValues={{ name: niche?.name ?? '', rules: niche?.rules ?? '' }} onFinish={(v) => void save(v)} data-testid="niche-form">
      <Form.Item name="name" label={t('trends.niche.name')} rules={[{ required: true, whitespace: true, max: 60, message: t('trends.source.required') }]}>
        <Input placeholder={t('trends.niche.namePlaceholder')} maxLength={60} data-testid="niche-name" />
      </Form.Item>
      <Form.Item name="rules" label={t('trends.niche.rules')} rules={[{ required: true, whitespace: true, message: t('trends.source.required') }]}>
        <Input.TextArea rows={8} placeholder={t('trends.niche.rulesPlaceholder')} style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' }} data-testid="niche-rules" />
      </Form.Item>
      {problems.length ? (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('trends.niche.invalid')} description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{problems.map((p) => <li key={p}>{p}</li>)}</ul>} data-testid="niche-problems" />
      ) : null}
      <SyntaxHelp />
      <Button type="primary" htmlType="submit" loading={busy} style={{ marginTop: 12 }} block data-testid="niche-save">{t('trends.niche.save')}</Button>
    </Form>
  );
}

function Rising({ niche, onOpen }: { niche: Niche; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  // The LLM interest filter is opt-in: it spends model calls (cached per story, budgeted per day).
  const [ai, setAi] = useState(false);
  const rising = useQuery({ queryKey: ['trend-rising', niche.name, niche.updated_at, ai], queryFn: () => trendsApi.rising(niche.name, ai) });
  return (
    <Card
      title={t('trends.niche.rising', { name: niche.name })}
      size="small"
      data-testid="niche-rising"
      extra={<Space size={6}><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('trends.niche.aiFilter')}</Typography.Text><Switch size="small" checked={ai} onChange={setAi} data-testid="niche-ai" /></Space>}
    >
      <QueryState query={rising} feature={t('trends.tab.niche')}>
        {(data) => (
          <>
            {data.interest ? (
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid="niche-ai-summary">
                {t('trends.niche.aiSummary', { added: data.interest.added, asked: data.interest.asked, cached: data.interest.cached, left: data.interest.budget_left })}
                {data.interest.over_budget > 0 ? ` ${t('trends.niche.aiOverBudget', { n: data.interest.over_budget })}` : ''}
              </Typography.Paragraph>
            ) : null}
            {data.items.length === 0 ? <EmptyState title={t('trends.niche.risingEmpty')} hint={t('trends.niche.risingEmptyHint')} /> : <ItemList items={data.items} onOpen={onOpen} showSource />}
          </>
        )}
      </QueryState>
    </Card>
  );
}

/** 我的领域: keyword groups per workspace, and what is rising in each. */
export function NicheTab({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const notifyError = useNotifyError();
  const niches = useQuery({ queryKey: ['trend-niches'], queryFn: trendsApi.niches });
  const [selected, setSelected] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const items = niches.data?.items ?? [];
  const current = creating ? undefined : items.find((n) => n.id === selected) ?? items[0];
  return (
    <QueryState query={niches} feature={t('trends.tab.niche')}>
      {() => (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={9}>
            <Card
              size="small"
              title={t('trends.niche.list')}
              extra={<Button size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="niche-new">{t('trends.niche.new')}</Button>}
            >
              {items.length === 0 && !creating ? <EmptyState title={t('trends.niche.empty')} hint={t('trends.niche.emptyHint')} /> : null}
              {items.length ? (
                <List
                  size="small"
                  dataSource={items}
                  rowKey="id"
                  style={{ marginBottom: 12 }}
                  renderItem={(n) => (
                    <List.Item
                      data-testid="niche-row"
                      style={{ cursor: 'pointer', background: n.id === current?.id ? '#f4f4ff' : undefined, paddingInline: 8, borderRadius: 6 }}
                      onClick={() => {
                        setCreating(false);
                        setSelected(n.id);
                      }}
                      actions={[
                        <Popconfirm
                          key="delete"
                          title={t('trends.niche.delete')}
                          onConfirm={async () => {
                            try {
                              await trendsApi.deleteNiche(n.id);
                              await client.invalidateQueries({ queryKey: ['trend-niches'] });
                            } catch (error) {
                              notifyError(error);
                            }
                          }}
                        >
                          <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t('trends.niche.delete')} onClick={(e) => e.stopPropagation()} />
                        </Popconfirm>,
                      ]}
                    >
                      <Typography.Text strong={n.id === current?.id}>{n.name}</Typography.Text>
                    </List.Item>
                  )}
                />
              ) : null}
              {/* Remounted per niche, so the form starts from that niche's rules and no old problems. */}
              <NicheEditor
                key={current?.id ?? 'new'}
                niche={current}
                onSaved={(saved) => {
                  setCreating(false);
                  setSelected(saved.id);
                  void client.invalidateQueries({ queryKey: ['trend-niches'] });
                }}
              />
            </Card>
          </Col>
          <Col xs={24} lg={15}>
            {current ? <Rising niche={current} onOpen={onOpen} /> : <Card size="small"><EmptyState title={t('trends.niche.pick')} /></Card>}
          </Col>
        </Row>
      )}
    </QueryState>
  );
}
