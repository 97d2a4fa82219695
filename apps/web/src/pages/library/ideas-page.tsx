import { CloudSyncOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Idea, IdeaStatus } from '../../api/library.ts';
import { IDEA_STATUSES } from '../../api/library.ts';
import { useList } from '../../api/lists.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useOutbox } from '../../offline/outbox-context.tsx';
import { IdeaCapture } from './idea-capture.tsx';
import { IdeaCard } from './idea-card.tsx';
import { LibrarySearch } from './library-search.tsx';

function PendingIdeas() {
  const { t } = useI18n();
  const { entries, online, syncing, flush } = useOutbox();
  const ideas = entries.filter((e) => e.kind === 'idea');
  if (ideas.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      icon={<CloudSyncOutlined />}
      style={{ marginBottom: 16 }}
      data-testid="pending-ideas"
      title={`${t('ideas.pending')} · ${ideas.length}`}
      description={
        <div>
          {ideas.map((entry) => (
            <div key={entry.id}>
              <Tag>{t('ideas.pending')}</Tag>
              {entry.label}
              {entry.lastError ? <Typography.Text type="danger"> — {t('ideas.pendingError', { error: entry.lastError })}</Typography.Text> : null}
            </div>
          ))}
        </div>
      }
      action={
        <Button size="small" onClick={() => void flush()} loading={syncing} disabled={!online}>
          {t('ideas.syncNow')}
        </Button>
      }
    />
  );
}

export default function IdeasPage() {
  const { t } = useI18n();
  const [status, setStatus] = useState<IdeaStatus | 'all'>('all');
  const list = useList<Idea>('/api/ideas', { status: status === 'all' ? undefined : status });
  return (
    <>
      <PageHeader title={t('ideas.title')} subtitle={t('ideas.subtitle')} extra={<LibrarySearch />} />
      <IdeaCapture />
      <PendingIdeas />
      <div style={{ marginBottom: 12, overflowX: 'auto' }}>
        <Segmented<IdeaStatus | 'all'>
          value={status}
          onChange={setStatus}
          options={[{ value: 'all', label: t('common.all') }, ...IDEA_STATUSES.map((s) => ({ value: s, label: t(`ideas.status.${s}`) }))]}
        />
      </div>
      <QueryState query={list} feature={t('ideas.title')}>
        {(page) =>
          page.items.length === 0 ? (
            <Card>
              <EmptyState title={t('ideas.empty')} hint={t('ideas.emptyHint')} />
            </Card>
          ) : (
            <div className="cf-grid">
              {page.items.map((idea) => (
                <IdeaCard key={idea.id} idea={idea} />
              ))}
            </div>
          )
        }
      </QueryState>
    </>
  );
}
