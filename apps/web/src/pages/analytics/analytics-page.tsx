import { DownloadOutlined, ExperimentOutlined, FileTextOutlined, LinkOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Dropdown, Input, Row, Segmented, Select, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { analyticsApi, type AnalyticsOverview, type AnalyticsPost, type PostQuery } from '../../api/analytics.ts';
import { Chart } from '../../components/chart.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { useNotifyError } from '../../components/notify.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { platformName } from '../../lib/platforms.ts';
import { shortTime } from '../../lib/time.ts';
import { useDebounced } from '../../lib/use-debounced.ts';
import { accountLines, breakdownBars, daysBetween, heatmapOption, perPlatformLines } from './charts.ts';
import { PostDrawer } from './post-drawer.tsx';
import { TrackDialog } from './track-dialog.tsx';
import { WeeklyDrawer } from './weekly-drawer.tsx';
import { EstimateDialog } from './estimate-dialog.tsx';

const PERIODS = [7, 30, 90] as const;
/** 1.2万 in Chinese, 12.3k in English. */
export function formatCount(n: number | null | undefined, locale: string): string {
  if (n === null || n === undefined) return '—';
  if (locale === 'zh-CN') return n >= 10_000 ? `${(n / 10_000).toFixed(n >= 100_000 ? 0 : 1)}万` : String(n);
  return n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)}M` : n >= 1_000 ? `${(n / 1_000).toFixed(1)}k` : String(n);
}

/** The score as a coloured tag: a post as good as the account's typical one lands near 50. */
export function ScoreTag({ score }: { score: number | null }) {
  if (score === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const color = score >= 75 ? 'red' : score >= 60 ? 'orange' : score >= 40 ? 'blue' : 'default';
  return <Tag color={color} style={{ marginInlineEnd: 0, minWidth: 36, textAlign: 'center' }}>{score}</Tag>;
}

/** A tiny views-over-time line for a table row. */
function Sparkline({ points }: { points: number[] }) {
  if (points.length < 2) return <Typography.Text type="secondary">—</Typography.Text>;
  const max = Math.max(...points);
  const min = Math.min(...points);
  const d = points.map((p, i) => `${((i / (points.length - 1)) * 80).toFixed(1)},${(22 - ((p - min) / Math.max(1, max - min)) * 20).toFixed(1)}`).join(' ');
  return (
    <svg width={80} height={24} aria-hidden data-testid="sparkline">
      <polyline points={d} fill="none" stroke="#5b5bd6" strokeWidth={1.5} />
    </svg>
  );
}

function PlatformCards({ overview }: { overview: AnalyticsOverview }) {
  const { t, locale } = useI18n();
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="platform-cards">
      {overview.platforms.map((p) => (
        <Col key={p.platform} xs={12} md={8} xl={6}>
          <Card size="small" title={platformName(p.platform, locale)}>
            <Row gutter={8}>
              <Col span={12}><Statistic title={t('analytics.views')} value={formatCount(p.views, locale)} /></Col>
              <Col span={12}><Statistic title={t('analytics.followers')} value={p.followers ? formatCount(p.followers, locale) : '—'} /></Col>
              <Col span={12}><Statistic title={t('analytics.posts')} value={p.posts} /></Col>
              <Col span={12}><Statistic title={t('analytics.medianScore')} value={p.median_viral_score === null ? '—' : Math.round(p.median_viral_score)} /></Col>
            </Row>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function OverviewCharts({ overview }: { overview: AnalyticsOverview }) {
  const { t, locale } = useI18n();
  const name = (p: string) => platformName(p, locale);
  const days = useMemo(() => daysBetween(overview.from, overview.to), [overview.from, overview.to]);
  const gains = useMemo(() => perPlatformLines(days, overview.gains.map((g) => ({ day: g.day, platform: g.platform, value: g.views })), name, true), [days, overview.gains, locale]); // eslint-disable-line react-hooks/exhaustive-deps
  const interactions = useMemo(() => perPlatformLines(days, overview.gains.map((g) => ({ day: g.day, platform: g.platform, value: g.interactions })), name, true), [days, overview.gains, locale]); // eslint-disable-line react-hooks/exhaustive-deps
  const followers = useMemo(() => perPlatformLines(days, overview.followers.map((f) => ({ day: f.day, platform: f.platform, value: f.followers })), name, false), [days, overview.followers, locale]); // eslint-disable-line react-hooks/exhaustive-deps
  const accounts = useMemo(() => accountLines(days, overview.accounts, (a) => `${name(a.platform)} · ${a.name}`), [days, overview.accounts, locale]); // eslint-disable-line react-hooks/exhaustive-deps
  const hasFollowers = overview.followers.length > 0;
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('analytics.gainsChart')}><Chart option={gains} testId="chart-gains" height={260} /></Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('analytics.interactionsChart')}><Chart option={interactions} testId="chart-interactions" height={260} /></Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('analytics.followersChart')}>
          {hasFollowers ? <Chart option={followers} testId="chart-followers" height={240} /> : <EmptyState title={t('analytics.noFollowers')} />}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('analytics.accountsChart')}>
          {hasFollowers ? <Chart option={accounts} testId="chart-accounts" height={240} /> : <EmptyState title={t('analytics.noFollowers')} />}
        </Card>
      </Col>
    </Row>
  );
}

function TimingAndTags() {
  const { t } = useI18n();
  const heatmap = useQuery({ queryKey: ['analytics', 'heatmap'], queryFn: analyticsApi.heatmap });
  const breakdown = useQuery({ queryKey: ['analytics', 'breakdown'], queryFn: analyticsApi.breakdown });
  const weekdays = [0, 1, 2, 3, 4, 5, 6].map((d) => t(`analytics.weekday.${d}` as 'analytics.weekday.0'));
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} xl={14}>
        <Card size="small" title={t('analytics.heatmap')} extra={<Tooltip title={t('analytics.heatmapHint')}><Typography.Text type="secondary">?</Typography.Text></Tooltip>}>
          <QueryState query={heatmap} feature={t('analytics.heatmap')}>
            {(h) => (
              <>
                <Chart option={heatmapOption(h, weekdays, { score: t('analytics.medianScore'), posts: t('analytics.posts') })} testId="chart-heatmap" height={260} />
                <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }} data-testid="best-times">
                  {h.best.length > 0 ? t('analytics.best', { slots: h.best.map((b) => `${weekdays[b.weekday]} ${b.hour}:00（${Math.round(b.median_score)}）`).join('、') }) : t('analytics.bestNone')}
                </Typography.Paragraph>
              </>
            )}
          </QueryState>
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" title={`${t('analytics.medianScore')} · ${t('analytics.byTag')}`}>
          <QueryState query={breakdown} feature={t('analytics.byTag')}>
            {(b) => (b.tags.length > 0 ? <Chart option={breakdownBars(b.tags, t('analytics.medianScore'))} testId="chart-tags" height={286} /> : <EmptyState title={t('analytics.noTags')} />)}
          </QueryState>
        </Card>
      </Col>
    </Row>
  );
}

function PostTable({ platforms, onOpen }: { platforms: string[]; onOpen: (id: string) => void }) {
  const { t, locale } = useI18n();
  const notifyError = useNotifyError();
  const [platform, setPlatform] = useState<string | undefined>();
  const [sort, setSort] = useState<NonNullable<PostQuery['sort']>>('published_at');
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 300);
  const [page, setPage] = useState(1);
  const pageSize = 10;
  const filter = { platform, sort, q: q || undefined };
  const posts = useQuery({ queryKey: ['analytics', 'posts', filter, page], queryFn: () => analyticsApi.posts({ ...filter, limit: pageSize, offset: (page - 1) * pageSize }) });
  const download = (format: 'csv' | 'xlsx') => void analyticsApi.download(format, filter).catch(notifyError);
  return (
    <Card
      size="small"
      title={t('analytics.table')}
      extra={
        <Dropdown trigger={['click']} menu={{ items: [{ key: 'csv', label: t('analytics.exportCsv') }, { key: 'xlsx', label: t('analytics.exportXlsx') }], onClick: ({ key }) => download(key as 'csv' | 'xlsx') }}>
          <Button size="small" icon={<DownloadOutlined />} data-testid="export">{t('analytics.export')}</Button>
        </Dropdown>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 140 }}
          value={platform ?? ''}
          onChange={(v) => { setPlatform(v || undefined); setPage(1); }}
          options={[{ value: '', label: t('analytics.allPlatforms') }, ...platforms.map((p) => ({ value: p, label: platformName(p, locale) }))]}
          data-testid="filter-platform"
        />
        <Select style={{ width: 150 }} value={sort} onChange={(v) => { setSort(v); setPage(1); }} options={(['published_at', 'views', 'viral_score', 'engagement_rate'] as const).map((s) => ({ value: s, label: t(`analytics.sort.${s}`) }))} data-testid="sort" />
        <Input.Search allowClear style={{ width: 200 }} placeholder={t('analytics.search')} value={search} onChange={(e) => { setSearch(e.target.value); setPage(1); }} />
      </Space>
      <QueryState query={posts} feature={t('analytics.table')}>
        {(data) => (
          <Table<AnalyticsPost>
            size="small"
            rowKey="id"
            dataSource={data.items}
            scroll={{ x: 760 }}
            pagination={{ current: page, pageSize, total: data.total, onChange: setPage, showSizeChanger: false }}
            onRow={(row) => ({ onClick: () => onOpen(row.id), style: { cursor: 'pointer' }, 'data-testid': 'post-row' } as React.HTMLAttributes<HTMLElement>)}
            columns={[
              {
                title: t('analytics.col.title'),
                key: 'title',
                width: 260,
                render: (_, r) => (
                  <div>
                    <Typography.Text strong ellipsis style={{ maxWidth: 240, display: 'block' }}>{r.title || t('analytics.untitled')}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {platformName(r.platform, locale)}{r.account_name ? ` · ${r.account_name}` : ''}
                      {r.last_error_code ? <Tag color="warning" style={{ marginInlineStart: 6 }}>{t('analytics.failed')}</Tag> : r.last_collected_at || r.views !== null ? null : <Tag style={{ marginInlineStart: 6 }}>{t('analytics.pending')}</Tag>}
                    </Typography.Text>
                  </div>
                ),
              },
              { title: t('analytics.col.published'), key: 'published', width: 110, render: (_, r) => shortTime(r.published_at, locale) },
              { title: t('analytics.views'), dataIndex: 'views', align: 'right', width: 90, render: (v: number | null) => formatCount(v, locale) },
              { title: t('analytics.likes'), dataIndex: 'likes', align: 'right', width: 70, render: (v: number | null) => formatCount(v, locale) },
              { title: t('analytics.comments'), dataIndex: 'comments', align: 'right', width: 70, render: (v: number | null) => formatCount(v, locale) },
              { title: t('analytics.engagement'), dataIndex: 'engagement_rate', align: 'right', width: 80, render: (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`) },
              { title: t('analytics.viralScore'), dataIndex: 'viral_score', align: 'center', width: 80, render: (v: number | null) => <ScoreTag score={v} /> },
              { title: t('analytics.col.trend'), key: 'trend', width: 96, render: (_, r) => <Sparkline points={r.sparkline} /> },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}

export default function AnalyticsPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [days, setDays] = useState<number>(30);
  const [open, setOpen] = useState<string | undefined>();
  const [tracking, setTracking] = useState(false);
  const [search] = useSearchParams();
  const [weekly, setWeekly] = useState(search.get('weekly') === '1');
  const [estimating, setEstimating] = useState(false);
  const overview = useQuery({ queryKey: ['analytics', 'overview', days], queryFn: () => analyticsApi.overview(days) });
  const reload = () => void client.invalidateQueries({ queryKey: ['analytics'] });
  return (
    <>
      <WeeklyDrawer open={weekly} onClose={() => setWeekly(false)} />
      <EstimateDialog open={estimating} onClose={() => setEstimating(false)} platforms={overview.data?.platforms.map((p) => p.platform) ?? []} />
      <PageHeader
        title={t('analytics.title')}
        subtitle={t('analytics.subtitle')}
        extra={
          <Space wrap>
            <Segmented<number> value={days} onChange={setDays} options={PERIODS.map((d) => ({ value: d, label: t('analytics.days', { days: d }) }))} data-testid="period" />
            <Button icon={<LinkOutlined />} type="primary" onClick={() => setTracking(true)} data-testid="track-post">{t('analytics.track')}</Button>
            <Button icon={<FileTextOutlined />} onClick={() => setWeekly(true)} data-testid="weekly-open">{t('weekly.title')}</Button>
            <Button icon={<ExperimentOutlined />} onClick={() => setEstimating(true)} data-testid="estimate-open">{t('estimate.title')}</Button>
            <Button icon={<ReloadOutlined />} onClick={reload} aria-label={t('analytics.reload')} data-testid="reload" />
          </Space>
        }
      />
      <QueryState query={overview} feature={t('analytics.title')}>
        {(o) =>
          o.posts === 0 ? (
            <EmptyState
              title={t('analytics.empty')}
              hint={t('analytics.emptyHint')}
              action={
                <Space>
                  <Button type="primary" onClick={() => navigate('/publish')}>{t('analytics.goPublish')}</Button>
                  <Button onClick={() => setTracking(true)}>{t('analytics.track')}</Button>
                </Space>
              }
            />
          ) : (
            <div data-testid="analytics-dashboard">
              <PlatformCards overview={o} />
              <OverviewCharts overview={o} />
              <TimingAndTags />
              <PostTable platforms={o.platforms.map((p) => p.platform)} onOpen={setOpen} />
              <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
                {t('analytics.collectable', { platforms: o.collectable_platforms.map((p) => platformName(p, locale)).join('、') })}
              </Typography.Paragraph>
            </div>
          )
        }
      </QueryState>
      <PostDrawer postId={open} onClose={() => setOpen(undefined)} />
      <TrackDialog open={tracking} onClose={() => setTracking(false)} onTracked={(id) => { reload(); setOpen(id); }} />
    </>
  );
}
