import { BulbOutlined, CheckOutlined, EditOutlined, LinkOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, AutoComplete, Button, Card, Col, Form, InputNumber, List, Row, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { topicsApi, trendsApi, type SuggestedTopic, type Suggestion } from '../../api/trends.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { useNotifyError } from '../../components/notify.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { PLATFORMS, platformName } from '../../lib/platforms.ts';
import { shortTime } from '../../lib/time.ts';

const SUGGESTIONS_KEY = ['trend-suggestions'];
/** Citations shown at first, best-placed first; a big story is on 30 lists. */
const CITATIONS_SHOWN = 5;

function TopicCard({ suggestion, topic, index }: { suggestion: Suggestion; topic: SuggestedTopic; index: number }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const navigate = useNavigate();
  const [ideaId, setIdeaId] = useState<string | undefined>();
  const [busy, setBusy] = useState<'save' | 'start' | undefined>();
  const [allCitations, setAllCitations] = useState(false);
  const citations = [...topic.citations].sort((a, b) => a.rank - b.rank || b.heat - a.heat);
  const shown = allCitations ? citations : citations.slice(0, CITATIONS_SHOWN);
  const save = async (then: 'save' | 'start') => {
    setBusy(then);
    try {
      const id = ideaId ?? (await topicsApi.saveIdea(suggestion.id, index + 1)).idea_id;
      setIdeaId(id);
      if (then === 'start') navigate(`/workbench?graph=content-creation&idea=${encodeURIComponent(id)}`);
      else message.success(t('topics.saved'));
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <Card
      size="small"
      data-testid="topic-card"
      title={<Typography.Text strong style={{ whiteSpace: 'normal' }}>{index + 1}. {topic.topic}</Typography.Text>}
    >
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {topic.angle ? <div><Typography.Text type="secondary">{t('topics.angle')}：</Typography.Text>{topic.angle}</div> : null}
        {topic.why_now ? <div><Typography.Text type="secondary">{t('topics.whyNow')}：</Typography.Text>{topic.why_now}</div> : null}
        {topic.titles.length ? (
          <div>
            <Typography.Text type="secondary">{t('topics.titles')}</Typography.Text>
            {topic.titles.map((title) => (
              <div key={title.platform + title.title}>
                <Tag style={{ marginInlineEnd: 6 }}>{platformName(title.platform, locale)}</Tag>
                {title.title}
              </div>
            ))}
          </div>
        ) : null}
        <div data-testid="topic-citations">
          <Typography.Text type="secondary">{t('topics.citations')}</Typography.Text>
          <List
            size="small"
            dataSource={shown}
            rowKey={(c) => c.item_id}
            renderItem={(c) => (
              <List.Item style={{ paddingInline: 0 }} data-testid="topic-citation">
                <div style={{ minWidth: 0 }}>
                  <Typography.Link href={c.url} target="_blank" rel="noreferrer">
                    <LinkOutlined /> {c.title}
                  </Typography.Link>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('topics.citation', { source: c.source_name, rank: c.rank, heat: c.heat, time: shortTime(c.seen_at, locale) })}
                    </Typography.Text>
                  </div>
                </div>
              </List.Item>
            )}
          />
          {citations.length > CITATIONS_SHOWN ? (
            <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setAllCitations(!allCitations)} data-testid="citations-more">
              {allCitations ? t('trends.fewerLists') : t('trends.moreLists', { count: citations.length - CITATIONS_SHOWN })}
            </Button>
          ) : null}
        </div>
        <Space wrap>
          <Button icon={ideaId ? <CheckOutlined /> : <BulbOutlined />} onClick={() => void save('save')} loading={busy === 'save'} disabled={!!ideaId} data-testid="topic-save">
            {ideaId ? t('topics.saved') : t('topics.saveIdea')}
          </Button>
          <Button type="primary" icon={<EditOutlined />} onClick={() => void save('start')} loading={busy === 'start'} data-testid="topic-start">
            {t('topics.startCreating')}
          </Button>
        </Space>
      </Space>
    </Card>
  );
}

function Batch({ suggestion }: { suggestion: Suggestion }) {
  const { t, locale } = useI18n();
  return (
    <div data-testid="suggestion-batch">
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
        {t('topics.batch', { niche: suggestion.niche, time: shortTime(suggestion.created_at, locale), count: suggestion.trends_considered })}
      </Typography.Text>
      {suggestion.status === 'thin' ? (
        <Alert
          type="warning"
          showIcon
          data-testid="suggestion-thin"
          title={suggestion.trends_considered < 3 ? t('topics.thin', { niche: suggestion.niche, count: suggestion.trends_considered }) : t('topics.thinDropped')}
        />
      ) : (
        <Row gutter={[12, 12]}>
          {suggestion.topics.map((topic, index) => (
            <Col xs={24} xl={12} key={topic.topic}>
              <TopicCard suggestion={suggestion} topic={topic} index={index} />
            </Col>
          ))}
        </Row>
      )}
    </div>
  );
}

interface AskValues {
  niche: string;
  platforms: string[];
  count: number;
}

/** 选题: AI topic suggestions from the niche's trends, each with the trend items it cites. */
export default function TopicsPage() {
  const { t, locale } = useI18n();
  const [params] = useSearchParams();
  const client = useQueryClient();
  const notifyError = useNotifyError();
  const [busy, setBusy] = useState(false);
  const niches = useQuery({ queryKey: ['trend-niches'], queryFn: trendsApi.niches });
  const suggestions = useQuery({ queryKey: SUGGESTIONS_KEY, queryFn: topicsApi.suggestions });
  const [form] = Form.useForm<AskValues>();
  const ask = async (values: AskValues) => {
    setBusy(true);
    try {
      const result = await topicsApi.suggest({ niche: values.niche.trim(), platforms: values.platforms, count: values.count });
      client.setQueryData<{ items: Suggestion[] }>(SUGGESTIONS_KEY, (old) => ({ items: [result, ...(old?.items ?? []).filter((s) => s.id !== result.id)] }));
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <PageHeader title={t('topics.title')} subtitle={t('topics.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card size="small">
            <Form<AskValues>
              form={form}
              layout="vertical"
              initialValues={{ niche: params.get('niche') ?? '', platforms: ['xiaohongshu', 'douyin', 'wechat_mp'], count: 5 }}
              onFinish={(v) => void ask(v)}
              data-testid="suggest-form"
            >
              <Form.Item name="niche" label={t('topics.niche')} rules={[{ required: true, whitespace: true, message: t('topics.noNiche') }]}>
                <AutoComplete
                  options={(niches.data?.items ?? []).map((n) => ({ value: n.name, label: n.name }))}
                  placeholder={t('topics.nichePlaceholder')}
                  data-testid="suggest-niche"
                  showSearch={{ filterOption: (input, option) => String(option?.value ?? '').includes(input) }}
                />
              </Form.Item>
              <Form.Item name="platforms" label={t('topics.platforms')}>
                <Select mode="multiple" maxCount={8} options={PLATFORMS.map((p) => ({ value: p.id, label: locale === 'zh-CN' ? p.zh : p.en }))} data-testid="suggest-platforms" />
              </Form.Item>
              <Form.Item name="count" label={t('topics.count')}>
                <InputNumber min={1} max={10} style={{ width: '100%' }} />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={busy} data-testid="suggest-submit">
                {busy ? t('topics.generating') : t('topics.generate')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <QueryState query={suggestions} feature={t('topics.title')}>
            {(data) =>
              data.items.length === 0 ? (
                <Card><EmptyState title={t('topics.empty')} hint={t('topics.emptyHint')} /></Card>
              ) : (
                <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                  <Batch suggestion={data.items[0]!} />
                  {data.items.length > 1 ? (
                    <Card size="small" title={t('topics.history')}>
                      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                        {data.items.slice(1, 6).map((s) => <Batch key={s.id} suggestion={s} />)}
                      </Space>
                    </Card>
                  ) : null}
                </Space>
              )
            }
          </QueryState>
        </Col>
      </Row>
    </>
  );
}
