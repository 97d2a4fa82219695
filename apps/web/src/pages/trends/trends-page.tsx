import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Select, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { trendsApi } from '../../api/trends.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { shortTime } from '../../lib/time.ts';
import { ItemDrawer } from './item-drawer.tsx';
import { SOURCES_KEY, useRefreshSource } from './use-refresh.ts';
import { NicheTab } from './niche-tab.tsx';
import { SourcesTab } from './sources-tab.tsx';
import { OpinionTab } from './opinion-tab.tsx';
import { AlertsTab } from './alerts-tab.tsx';
import { SourceHealthLine, SourceStatusTag } from './trend-bits.tsx';
import { ClusterList, ItemList } from './trend-lists.tsx';

function MergedTab({ onOpen, onGoSources }: { onOpen: (id: string) => void; onGoSources: () => void }) {
  const { t } = useI18n();
  const [niche, setNiche] = useState<string | undefined>();
  const niches = useQuery({ queryKey: ['trend-niches'], queryFn: trendsApi.niches });
  const merged = useQuery({ queryKey: ['trend-merged', niche], queryFn: () => trendsApi.merged(niche) });
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Text type="secondary">{t('trends.nicheFilter')}</Typography.Text>
        <Select
          allowClear
          style={{ minWidth: 180 }}
          placeholder={t('trends.nicheFilterAll')}
          value={niche}
          onChange={setNiche}
          options={(niches.data?.items ?? []).map((n) => ({ value: n.name, label: n.name }))}
          data-testid="merged-niche"
        />
        <Button icon={<ReloadOutlined />} onClick={() => void merged.refetch()} loading={merged.isFetching} aria-label={t('common.retry')} />
      </Space>
      <QueryState query={merged} feature={t('trends.tab.merged')}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={t('trends.mergedEmpty')} hint={t('trends.mergedEmptyHint')} action={<Button type="primary" onClick={onGoSources}>{t('trends.goSources')}</Button>} />
          ) : (
            <ClusterList clusters={data.items} onOpen={onOpen} />
          )
        }
      </QueryState>
    </>
  );
}

function BoardsTab({ onOpen }: { onOpen: (id: string) => void }) {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const sources = useQuery({ queryKey: SOURCES_KEY, queryFn: trendsApi.sources });
  const list = sources.data?.items ?? [];
  const chosen = list.find((s) => s.id === params.get('source')) ?? list.find((s) => s.status === 'ok' || s.status === 'stale') ?? list[0];
  const board = useQuery({ queryKey: ['trend-board', chosen?.id], queryFn: () => trendsApi.board(chosen!.id), enabled: !!chosen });
  const refresh = useRefreshSource();
  const [busy, setBusy] = useState(false);
  const categories = [...new Set(list.map((s) => s.category))];
  const choose = (id: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set('source', id);
      return next;
    });
  return (
    <QueryState query={sources} feature={t('trends.tab.boards')}>
      {() =>
        !chosen ? (
          <EmptyState title={t('trends.boardEmpty')} />
        ) : (
          <>
            <Space wrap style={{ marginBottom: 12 }}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                style={{ minWidth: 220 }}
                value={chosen.id}
                onChange={choose}
                aria-label={t('trends.pickSource')}
                data-testid="board-source"
                options={categories.map((c) => ({
                  label: t(`trends.category.${c}` as 'trends.category.news'),
                  options: list.filter((s) => s.category === c).map((s) => ({ value: s.id, label: locale === 'zh-CN' ? s.name : s.name_en })),
                }))}
              />
              <Button
                icon={<ReloadOutlined />}
                loading={busy}
                data-testid="board-refresh"
                onClick={async () => {
                  setBusy(true);
                  await refresh(chosen);
                  setBusy(false);
                }}
              >
                {t('trends.refreshNow')}
              </Button>
            </Space>
            <Card size="small" style={{ marginBottom: 12 }}>
              <Space wrap size={[8, 4]}>
                <SourceStatusTag source={chosen} />
                <Typography.Text strong>{locale === 'zh-CN' ? chosen.name : chosen.name_en}</Typography.Text>
                <Typography.Link href={chosen.home} target="_blank" rel="noreferrer">{t('trends.openOnSite')}</Typography.Link>
              </Space>
              <SourceHealthLine source={chosen} />
              {chosen.status === 'stale' && chosen.last_success_at ? <Alert style={{ marginTop: 8 }} type="warning" showIcon title={t('trends.staleHint', { time: shortTime(chosen.last_success_at, locale) })} /> : null}
              {chosen.needs_session && chosen.status !== 'ok' ? <Alert style={{ marginTop: 8 }} type="info" showIcon title={t('trends.needsSession')} description={t('trends.needsSessionHint')} data-testid="needs-session" /> : null}
            </Card>
            <QueryState query={board} feature={t('trends.tab.boards')}>
              {(data) => (data.items.length === 0 ? <EmptyState title={t('trends.boardEmpty')} hint={t('trends.boardEmptyHint')} /> : <ItemList items={data.items} onOpen={onOpen} />)}
            </QueryState>
          </>
        )
      }
    </QueryState>
  );
}

const TABS = ['merged', 'boards', 'niche', 'alerts', 'opinion', 'sources'] as const;
type TabKey = (typeof TABS)[number];

/** 热点: the merged view, a board per source, my niche's risers, and source health. */
export default function TrendsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab: TabKey = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as TabKey) : 'merged';
  const [itemId, setItemId] = useState<string | undefined>();
  const setTab = (key: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set('tab', key);
      return next;
    });
  return (
    <>
      <PageHeader title={t('trends.title')} subtitle={t('trends.subtitle')} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          { key: 'merged', label: t('trends.tab.merged'), children: <MergedTab onOpen={setItemId} onGoSources={() => setTab('sources')} /> },
          { key: 'boards', label: t('trends.tab.boards'), children: <BoardsTab onOpen={setItemId} /> },
          { key: 'niche', label: t('trends.tab.niche'), children: <NicheTab onOpen={setItemId} /> },
          { key: 'alerts', label: t('trends.tab.alerts'), children: <AlertsTab /> },
          { key: 'opinion', label: t('trends.tab.opinion'), children: <OpinionTab initialTopic={params.get('topic') ?? undefined} /> },
          { key: 'sources', label: t('trends.tab.sources'), children: <SourcesTab /> },
        ]}
      />
      <ItemDrawer itemId={itemId} onClose={() => setItemId(undefined)} />
    </>
  );
}
