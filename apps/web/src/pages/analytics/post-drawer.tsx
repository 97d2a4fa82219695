import { BulbOutlined, LinkOutlined, SyncOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Drawer, Grid, List, Space, Table, Tag, Typography } from 'antd';
import { analyticsApi, type PostDetail, type ScoreFeature } from '../../api/analytics.ts';
import { Chart } from '../../components/chart.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { useNotifyError } from '../../components/notify.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { platformName } from '../../lib/platforms.ts';
import { shortTime } from '../../lib/time.ts';
import { formatCount, ScoreTag } from './analytics-page.tsx';
import { sentimentBars, seriesOption } from './charts.ts';

/** The server's notes on a score, in the UI's language (the server writes them in English for logs and tools). */
const NOTES: Array<[RegExp, MessageKey]> = [
  [/^Fewer than 3 earlier posts/, 'analytics.note.reference'],
  [/^No snapshot within 48 h/, 'analytics.note.velocity'],
  [/^Topic heat unknown/, 'analytics.note.heat'],
  [/^This is an estimate/, 'analytics.note.estimate'],
];

function featureValue(f: ScoreFeature, value: number | null): string {
  if (value === null) return '—';
  if (f.name === 'engagement') return `${(value * 100).toFixed(2)}%`;
  return String(Math.round(value * 10) / 10);
}

function ScoreCard({ score }: { score: PostDetail['viral_score'] }) {
  const { t } = useI18n();
  if (!score) return <Card size="small" title={t('analytics.score.title')}><EmptyState title={t('analytics.score.none')} /></Card>;
  return (
    <Card
      size="small"
      title={<Space>{t('analytics.score.title')}<ScoreTag score={score.score} />{score.estimate ? <Tag color="gold">{t('analytics.score.estimate')}</Tag> : null}</Space>}
      data-testid="score-breakdown"
    >
      <Table<ScoreFeature>
        size="small"
        rowKey="name"
        pagination={false}
        dataSource={score.features}
        scroll={{ x: 420 }}
        columns={[
          { title: t('analytics.score.feature'), key: 'name', render: (_, f) => t(`analytics.feature.${f.name}`) },
          { title: t('analytics.score.value'), key: 'value', align: 'right', render: (_, f) => featureValue(f, f.value) },
          { title: t('analytics.score.baseline'), key: 'baseline', align: 'right', render: (_, f) => featureValue(f, f.baseline) },
          { title: t('analytics.score.weight'), dataIndex: 'weight', align: 'right' },
          { title: t('analytics.score.points'), key: 'points', align: 'right', render: (_, f) => (f.normalized === null ? <Typography.Text type="secondary">{t(f.value === null ? 'analytics.score.missing' : 'analytics.score.noBaseline')}</Typography.Text> : <b>{f.contribution}</b>) },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>{t('analytics.score.formula')}</Typography.Paragraph>
      {score.notes.map((n) => {
        const key = NOTES.find(([re]) => re.test(n))?.[1];
        return key ? <Typography.Paragraph key={n} type="secondary" style={{ margin: '4px 0 0', fontSize: 12 }}>· {t(key)}</Typography.Paragraph> : null;
      })}
    </Card>
  );
}

function SentimentCard({ detail }: { detail: PostDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const toIdea = useMutation({ mutationFn: (commentId: string) => analyticsApi.questionToIdea(detail.post.id, commentId), onSuccess: () => void message.success(t('analytics.ideaSaved')), onError: notifyError });
  const s = detail.sentiment;
  const label = (c: string) => t(`analytics.sentiment.${c}` as MessageKey);
  return (
    <Card size="small" title={t('analytics.sentiment')} extra={s.method !== 'none' ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`analytics.sentimentBy.${s.method}`)}</Typography.Text> : null} data-testid="sentiment">
      {s.total === 0 ? (
        <EmptyState title={t('analytics.sentimentNone')} />
      ) : (
        <>
          <Chart option={sentimentBars(s.distribution, label)} height={150} testId="chart-sentiment" />
          <Typography.Title level={5}>{t('analytics.quotes')}</Typography.Title>
          <List
            size="small"
            dataSource={s.quotes}
            renderItem={(q) => (
              <List.Item>
                <Space direction="vertical" size={0}>
                  <Space size={4}><Tag>{label(q.sentiment)}</Tag><Typography.Text type="secondary" style={{ fontSize: 12 }}>{q.author ?? ''} · {t('analytics.likesCount', { count: q.likes })}</Typography.Text></Space>
                  <Typography.Text>“{q.text}”</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </>
      )}
      <Typography.Title level={5}>{t('analytics.questions')}</Typography.Title>
      {s.questions.length === 0 ? (
        <Typography.Text type="secondary">{t('analytics.questionsNone')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={s.questions}
          renderItem={(q) => (
            <List.Item
              data-testid="audience-question"
              actions={[<Button key="idea" size="small" icon={<BulbOutlined />} loading={toIdea.isPending && toIdea.variables === q.id} onClick={() => toIdea.mutate(q.id)} data-testid="question-to-idea">{t('analytics.toIdea')}</Button>]}
            >
              <Space direction="vertical" size={0}>
                <Typography.Text>{q.text}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('analytics.likesCount', { count: q.likes })}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** One post: its numbers over time, the 爆款分 with every feature's contribution, comment sentiment and audience questions. */
export function PostDrawer({ postId, onClose }: { postId: string | undefined; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const client = useQueryClient();
  const mobile = Grid.useBreakpoint().md === false;
  const detail = useQuery({ queryKey: ['analytics', 'post', postId], queryFn: () => analyticsApi.post(postId!), enabled: !!postId });
  const collect = useMutation({
    mutationFn: () => analyticsApi.collect(postId!),
    onSuccess: (data) => {
      client.setQueryData(['analytics', 'post', postId], data);
      void client.invalidateQueries({ queryKey: ['analytics'] });
      void message.success(t('analytics.collected'));
    },
    onError: notifyError,
  });
  const labels = { views: t('analytics.views'), likes: t('analytics.likes'), comments: t('analytics.comments'), favorites: t('analytics.favorites') };
  const latest = detail.data?.snapshots.at(-1);
  return (
    <Drawer open={!!postId} onClose={onClose} width={mobile ? '100%' : 720} title={detail.data?.post.title || t('analytics.detail')} destroyOnHidden data-testid="post-drawer"
      extra={<Button icon={<SyncOutlined />} loading={collect.isPending} onClick={() => collect.mutate()} data-testid="collect-now">{t('analytics.collectNow')}</Button>}
    >
      {postId ? (
        <QueryState query={detail} feature={t('analytics.detail')}>
          {(d) => (
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              <Descriptions size="small" column={mobile ? 2 : 4} items={[
                { key: 'p', label: platformName(d.post.platform, locale), children: d.post.url ? <a href={d.post.url} target="_blank" rel="noreferrer"><LinkOutlined /> {t('analytics.openLink')}</a> : '—' },
                { key: 'v', label: t('analytics.views'), children: formatCount(latest?.views, locale) },
                { key: 'l', label: t('analytics.likes'), children: formatCount(latest?.likes, locale) },
                { key: 'c', label: t('analytics.comments'), children: formatCount(latest?.comments, locale) },
              ]} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {d.post.last_collected_at ? t('analytics.lastCollected', { time: shortTime(d.post.last_collected_at, locale) }) : null}
                {' · '}
                {d.next_checkpoint ? t('analytics.nextCheckpoint', { label: d.next_checkpoint }) : t('analytics.scheduleDone')}
              </Typography.Text>
              <Card size="small" title={t('analytics.series')}>
                {d.snapshots.length > 0 ? <Chart option={seriesOption(d.snapshots, labels)} height={240} testId="chart-post-series" /> : <EmptyState title={t('analytics.noSnapshots')} />}
              </Card>
              <ScoreCard score={d.viral_score} />
              <SentimentCard detail={d} />
            </Space>
          )}
        </QueryState>
      ) : null}
    </Drawer>
  );
}
