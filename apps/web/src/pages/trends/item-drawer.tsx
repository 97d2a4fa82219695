import { BulbOutlined, FileSearchOutlined, LinkOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, Grid, Segmented, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { trendsApi, type TrendItemDetail } from '../../api/trends.ts';
import { Chart, type ChartOption } from '../../components/chart.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { shortTime } from '../../lib/time.ts';
import { HeatTag, Velocity, duration, formatHot } from './trend-bits.tsx';

/** Rank on an inverted axis (1 at the top, as on the list) and the platform's own heat figure beside it. */
function historyOption(detail: TrendItemDetail, labels: { rank: string; hot: string }, locale: string): ChartOption {
  const points = detail.history;
  const hasHot = points.some((p) => p.hot_value !== null);
  return {
    grid: { left: 44, right: hasHot ? 56 : 16, top: 32, bottom: 28 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: hasHot ? [labels.rank, labels.hot] : [labels.rank] },
    xAxis: { type: 'time', axisLabel: { hideOverlap: true } },
    yAxis: [
      { type: 'value', name: labels.rank, inverse: true, min: 1, minInterval: 1 },
      ...(hasHot ? [{ type: 'value', name: labels.hot, splitLine: { show: false }, axisLabel: { formatter: (v: number) => formatHot(v, locale) ?? '' } }] : []),
    ],
    series: [
      { name: labels.rank, type: 'line', step: 'end', symbolSize: 6, data: points.map((p) => [p.seen_at, p.rank]) },
      ...(hasHot ? [{ name: labels.hot, type: 'line', yAxisIndex: 1, smooth: true, showSymbol: false, lineStyle: { type: 'dashed' }, data: points.map((p) => [p.seen_at, p.hot_value]) }] : []),
    ],
  };
}

function DetailBody({ detail, days, setDays }: { detail: TrendItemDetail; days: number; setDays: (d: number) => void }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const { item } = detail;
  const option = useMemo(() => historyOption(detail, { rank: t('trends.axisRank'), hot: t('trends.axisHot') }, locale), [detail, t, locale]);
  const hot = formatHot(item.hot_value, locale);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="item-title">{item.title}</Typography.Title>
        <Space wrap size={[8, 4]}>
          <Tag>{item.source_name}</Tag>
          <Typography.Text strong>{t('trends.rank', { rank: item.rank })}</Typography.Text>
          <HeatTag breakdown={item.heat_breakdown} />
          <Velocity value={item.velocity} />
        </Space>
      </div>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
        <Descriptions.Item label={t('trends.bestRankLabel')}>{t('trends.rank', { rank: item.best_rank })}</Descriptions.Item>
        <Descriptions.Item label={t('trends.velocityLabel')}><Velocity value={item.velocity} /></Descriptions.Item>
        <Descriptions.Item label={t('trends.firstSeen')}>{shortTime(item.first_seen_at, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('trends.lastSeen')}>{shortTime(item.last_seen_at, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('trends.onListLabel')}>{duration(item.minutes_on_list, t)}</Descriptions.Item>
        {hot ? <Descriptions.Item label={t('trends.axisHot')}>{hot}</Descriptions.Item> : null}
        {item.keywords.length ? <Descriptions.Item label={t('trends.keywords')} span={2}>{item.keywords.slice(0, 8).join('、')}</Descriptions.Item> : null}
      </Descriptions>
      {item.summary ? <Typography.Paragraph type="secondary" ellipsis={{ rows: 3 }}>{item.summary}</Typography.Paragraph> : null}
      <div>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <Typography.Text strong>{t('trends.historyTitle')}</Typography.Text>
          <Segmented<number> size="small" value={days} onChange={setDays} options={[1, 7, 30].map((d) => ({ value: d, label: t('trends.historyDays', { days: d }) }))} />
        </Space>
        {detail.history.length < 2 ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} data-testid="history-thin">{t('trends.historyEmpty')}</Typography.Paragraph>
        ) : (
          <Chart option={option} height={240} testId="rank-history-chart" />
        )}
      </div>
      <Space wrap>
        <Button icon={<LinkOutlined />} href={item.url} target="_blank" rel="noreferrer">{t('trends.openOnSite')}</Button>
        <Button icon={<BulbOutlined />} onClick={() => navigate(`/topics?niche=${encodeURIComponent(item.keywords.slice(0, 3).join(' ') || item.title)}`)} data-testid="make-topics">
          {t('trends.makeTopics')}
        </Button>
        <Button icon={<FileSearchOutlined />} onClick={() => navigate(`/trends?tab=opinion&topic=${encodeURIComponent(item.title)}`)} data-testid="make-opinion">
          {t('opinion.fromItem')}
        </Button>
      </Space>
    </Space>
  );
}

/** One trend item: where it stands, how it moved (rank-history chart) and its heat explained. */
export function ItemDrawer({ itemId, onClose }: { itemId: string | undefined; onClose: () => void }) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const [days, setDays] = useState(7);
  const query = useQuery({ queryKey: ['trend-item', itemId, days], queryFn: () => trendsApi.item(itemId!, days), enabled: !!itemId });
  return (
    <Drawer open={!!itemId} onClose={onClose} title={t('trends.detail')} size={screens.md === false ? '100%' : 560} placement={screens.md === false ? 'bottom' : 'right'} destroyOnHidden data-testid="item-drawer">
      {itemId ? <QueryState query={query} feature={t('trends.detail')}>{(detail) => <DetailBody detail={detail} days={days} setDays={setDays} />}</QueryState> : null}
    </Drawer>
  );
}
