import { Card, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { TrendCluster, TrendItem } from '../../api/trends.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { HeatTag, Velocity, duration, formatHot } from './trend-bits.tsx';

/** A rank badge: the top three stand out, as on the sites' own lists. */
function RankBadge({ rank }: { rank: number }) {
  const top = rank <= 3;
  return (
    <span className={top ? 'cf-trend-rank cf-trend-rank-top' : 'cf-trend-rank'} aria-label={`#${rank}`}>
      {rank}
    </span>
  );
}

/** One source's board, or any list of items: rank, title, heat, velocity, time on list. */
export function ItemList({ items, onOpen, showSource = false }: { items: TrendItem[]; onOpen: (id: string) => void; showSource?: boolean }) {
  const { t, locale } = useI18n();
  return (
    <List
      dataSource={items}
      rowKey="id"
      data-testid="trend-items"
      renderItem={(item) => {
        const hot = formatHot(item.hot_value, locale);
        return (
          <List.Item className="cf-trend-row" data-testid="trend-item" onClick={() => onOpen(item.id)} style={{ cursor: 'pointer' }}>
            <div style={{ display: 'flex', gap: 12, alignItems: 'flex-start', width: '100%', minWidth: 0 }}>
              <RankBadge rank={item.rank} />
              <div style={{ flex: 1, minWidth: 0 }}>
                <Typography.Text strong style={{ display: 'block' }} ellipsis={{ tooltip: item.title }}>{item.title}</Typography.Text>
                <Space size={[8, 2]} wrap style={{ marginTop: 2 }}>
                  {showSource ? <Tag style={{ marginInlineEnd: 0 }}>{item.source_name}</Tag> : null}
                  <HeatTag breakdown={item.heat_breakdown} />
                  <Velocity value={item.velocity} />
                  {hot ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('trends.hotValue', { value: hot })}</Typography.Text> : null}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('trends.onList', { time: duration(item.minutes_on_list, t) })}</Typography.Text>
                  {item.interest ? (
                    <Tag color="geekblue" style={{ marginInlineEnd: 0 }} title={item.interest.reason} data-testid="interest-tag">{t('trends.niche.aiMatched', { tag: item.interest.tag ?? t('trends.niche.aiInNiche') })}</Tag>
                  ) : item.niche ? (
                    <Tag color="purple" style={{ marginInlineEnd: 0 }}>{t('trends.niche.matched', { words: item.niche.words.join('、') })}</Tag>
                  ) : null}
                </Space>
              </div>
            </div>
          </List.Item>
        );
      }}
    />
  );
}

const MEMBERS_SHOWN = 6;

/** The lists carrying one story: the first few, and the rest on request (a big story is on 30 lists). */
function Members({ cluster, onOpen }: { cluster: TrendCluster; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  const [all, setAll] = useState(false);
  const shown = all ? cluster.items : cluster.items.slice(0, MEMBERS_SHOWN);
  const hidden = cluster.items.length - shown.length;
  return (
    <div style={{ marginTop: 6, display: 'flex', flexWrap: 'wrap', gap: 6 }}>
      {shown.map((item) => (
        <Tag key={item.id} style={{ cursor: 'pointer', marginInlineEnd: 0 }} onClick={() => onOpen(item.id)} data-testid="cluster-member">
          {item.source_name} · {t('trends.rank', { rank: item.rank })}
        </Tag>
      ))}
      {hidden > 0 ? (
        <Tag color="processing" style={{ cursor: 'pointer', marginInlineEnd: 0 }} onClick={() => setAll(true)} data-testid="cluster-more">
          {t('trends.moreLists', { count: hidden })}
        </Tag>
      ) : all && cluster.items.length > MEMBERS_SHOWN ? (
        <Tag style={{ cursor: 'pointer', marginInlineEnd: 0 }} onClick={() => setAll(false)}>{t('trends.fewerLists')}</Tag>
      ) : null}
    </div>
  );
}

/** The merged view: one card per story, with every list carrying it. */
export function ClusterList({ clusters, onOpen }: { clusters: TrendCluster[]; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="clusters">
      {clusters.map((cluster, index) => (
        <Card key={cluster.id} size="small" data-testid="cluster">
          <div style={{ display: 'flex', gap: 12, alignItems: 'flex-start' }}>
            <RankBadge rank={index + 1} />
            <div style={{ flex: 1, minWidth: 0 }}>
              <Typography.Link strong onClick={() => onOpen(cluster.items[0]!.id)} style={{ display: 'block' }}>{cluster.title}</Typography.Link>
              <Space size={[8, 2]} wrap style={{ marginTop: 4 }}>
                <HeatTag breakdown={cluster.heat_breakdown} />
                <Velocity value={cluster.velocity} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('trends.platforms', { count: cluster.platforms.length })}</Typography.Text>
              </Space>
              <Members cluster={cluster} onOpen={onOpen} />
              {cluster.items.length > 1 ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('trends.clusterReason', { keywords: cluster.reason.keywords.length ? cluster.reason.keywords.join('、') : t('trends.sameTitle') })}
                </Typography.Text>
              ) : null}
            </div>
          </div>
        </Card>
      ))}
    </Space>
  );
}
