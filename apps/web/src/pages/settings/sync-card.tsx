import { SyncOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Empty, Progress, Row, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { syncApi, type SyncConflict, type SyncKeep, type SyncStatus } from '../../api/sync.ts';
import { DiffView, lineChanges } from '../../components/diff-view.tsx';
import { useNotifyError } from '../../components/notify.tsx';
import { errorMessage } from '../../i18n/error-messages.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { shortTime } from '../../lib/time.ts';

type Kind = SyncConflict['kind'];
const kindKey = (kind: Kind) => `sync.kind.${kind}` as MessageKey;

/** What the round running now is doing, in words, and how far (when the total is known). */
function ProgressLine({ status }: { status: SyncStatus }) {
  const { t } = useI18n();
  const p = status.progress;
  const text = !p ? t('sync.connecting') : p.phase === 'pull' ? t('sync.pulling', { done: p.done }) : t('sync.pushing', { done: p.done, total: p.total ?? '?' });
  const percent = p?.phase === 'push' && p.total ? Math.round((p.done / p.total) * 100) : undefined;
  return (
    <div data-testid="sync-progress">
      <Typography.Text>{text}</Typography.Text>
      <Progress percent={percent ?? 100} status="active" showInfo={percent !== undefined} size="small" />
    </div>
  );
}

/** One conflict: both versions' names and times, the diff of their text, and the choices. */
function ConflictItem({ conflict, onResolve, busy }: { conflict: SyncConflict; onResolve: (keep: SyncKeep) => void; busy: boolean }) {
  const { t, locale } = useI18n();
  const mine = conflict.mine_summary;
  const cloud = conflict.cloud_summary;
  const title = mine.title || cloud.title || t('sync.untitled');
  const side = (label: string, v: typeof mine, testId: string) => (
    <Col xs={24} sm={12}>
      <div data-testid={testId}>
        <Typography.Text strong>{label}</Typography.Text>
        <div>
          {v.deleted ? <Tag color="red">{t('sync.deleted')}</Tag> : <Typography.Text type="secondary">{t('sync.changedAt', { time: shortTime(v.updated_at, locale) })}</Typography.Text>}
        </div>
        {v.deleted ? null : <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>{v.title || t('sync.untitled')}</Typography.Paragraph>}
      </div>
    </Col>
  );
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="sync-conflict" title={<span>
      <Tag>{t(kindKey(conflict.kind))}</Tag>
      <span data-testid="sync-conflict-title">{title}</span>
    </span>}>
      <Row gutter={[12, 8]}>
        {side(t('sync.mine'), mine, 'sync-conflict-mine')}
        {side(t('sync.cloud'), cloud, 'sync-conflict-cloud')}
      </Row>
      <Typography.Text type="secondary" style={{ display: 'block', margin: '8px 0 4px', fontSize: 12 }}>
        {t('sync.diffLegend')}
      </Typography.Text>
      <div style={{ maxHeight: 220, overflow: 'auto', border: '1px solid #f0f0f0', borderRadius: 6, padding: 8 }}>
        <DiffView changes={lineChanges(cloud.text, mine.text)} />
      </div>
      <Space wrap style={{ marginTop: 12 }}>
        <Button type="primary" loading={busy} onClick={() => onResolve('mine')} data-testid="sync-keep-mine">
          {t('sync.keepMine')}
        </Button>
        <Button loading={busy} onClick={() => onResolve('cloud')} data-testid="sync-keep-cloud">
          {t('sync.keepCloud')}
        </Button>
        {conflict.can_keep_both ? (
          <Button loading={busy} onClick={() => onResolve('both')} data-testid="sync-keep-both">
            {t('sync.keepBoth')}
          </Button>
        ) : null}
      </Space>
    </Card>
  );
}

/**
 * 设置 → 数据同步 (local install, once linked): the last round and what it
 * moved per kind, 立即同步 with progress, auto sync on/off, and the conflicts
 * to decide. Asks every second while a round runs, else every 5 s (auto
 * rounds start on their own).
 */
export function SyncCard() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const [resolving, setResolving] = useState<string | undefined>();
  const [starting, setStarting] = useState(false);
  const status = useQuery({ queryKey: ['sync-status'], queryFn: syncApi.status, refetchInterval: (q) => (q.state.data?.running ? 1000 : 5000) });
  const s = status.data;
  const conflicts = useQuery({
    // A finished round or a resolved conflict changes this list: refetch when either moves.
    queryKey: ['sync-conflicts', s?.conflicts, s?.last_sync_at],
    queryFn: syncApi.conflicts,
    enabled: Boolean(s?.linked && s.conflicts > 0),
    placeholderData: (previous) => previous,
  });
  if (!s?.linked) return null;

  const refresh = (next?: SyncStatus) => {
    if (next) queryClient.setQueryData(['sync-status'], next);
    void queryClient.invalidateQueries({ queryKey: ['sync-status'] });
  };
  const syncNow = async () => {
    setStarting(true);
    try {
      refresh(await syncApi.run());
    } catch (error) {
      notifyError(error);
    } finally {
      setStarting(false);
    }
  };
  const setAuto = async (auto: boolean) => {
    try {
      refresh(await syncApi.setAuto(auto));
    } catch (error) {
      notifyError(error);
    }
  };
  const resolve = async (c: SyncConflict, keep: SyncKeep) => {
    setResolving(`${c.kind}:${c.id}`);
    try {
      const next = await syncApi.resolve(c, keep);
      void message.success(t(keep === 'mine' ? 'sync.resolvedMine' : keep === 'cloud' ? 'sync.resolvedCloud' : 'sync.resolvedBoth'));
      refresh(next);
      await queryClient.invalidateQueries({ queryKey: ['sync-conflicts'] });
    } catch (error) {
      notifyError(error);
    } finally {
      setResolving(undefined);
    }
  };

  const triggerText = s.trigger ? t(`sync.trigger.${s.trigger}` as MessageKey) : undefined;
  const minutes = Math.max(1, Math.round(s.auto.interval_seconds / 60));
  const open = conflicts.data?.items ?? [];

  return (
    <Card title={t('sync.title')} style={{ marginBottom: 16 }} data-testid="sync-card">
      <Typography.Paragraph type="secondary">{t('sync.desc')}</Typography.Paragraph>
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
          <Space orientation="vertical" size={2}>
            <Typography.Text data-testid="sync-last">
              {s.last_sync_at ? t('sync.last', { time: shortTime(s.last_sync_at, locale) }) : t('sync.never')}
              {s.last_sync_at && triggerText && !s.running ? <Tag style={{ marginInlineStart: 8 }}>{triggerText}</Tag> : null}
            </Typography.Text>
            <Typography.Text type="secondary" data-testid="sync-pending">
              {s.pending > 0 ? t('sync.pending', { count: s.pending }) : t('sync.upToDate')}
            </Typography.Text>
          </Space>
          <Button type="primary" icon={<SyncOutlined spin={s.running} />} loading={starting} disabled={s.running} onClick={() => void syncNow()} data-testid="sync-now">
            {s.running ? t('sync.running') : t('sync.now')}
          </Button>
        </Space>
        {s.running ? <ProgressLine status={s} /> : null}
        {s.last_error && !s.running ? (
          <Alert type="warning" showIcon data-testid="sync-error" title={t('sync.lastError', { message: errorMessage(s.last_error.code, locale) ?? s.last_error.message })} />
        ) : null}
        <div>
          <Space align="center">
            <Switch checked={s.auto.enabled} onChange={(on) => void setAuto(on)} aria-label={t('sync.auto')} data-testid="sync-auto" />
            <Typography.Text strong>{t('sync.auto')}</Typography.Text>
          </Space>
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }} data-testid="sync-auto-hint">
            {s.auto.enabled ? (s.auto.interval_seconds > 0 ? t('sync.autoOnHint', { minutes }) : t('sync.autoChangesOnly')) : t('sync.autoOffHint')}
            {s.auto.enabled && s.auto.next_at ? ` ${t('sync.autoNext', { time: shortTime(s.auto.next_at, locale) })}` : ''}
          </Typography.Paragraph>
        </div>
        {s.last_sync_at ? (
          <div data-testid="sync-counts">
            <Typography.Text strong>{t('sync.counts')}</Typography.Text>
            {s.last_counts.length === 0 ? (
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                {t('sync.countsNone')}
              </Typography.Paragraph>
            ) : (
              <Table
                size="small"
                pagination={false}
                rowKey="kind"
                style={{ marginTop: 4 }}
                dataSource={s.last_counts}
                columns={[
                  { title: t('sync.col.kind'), dataIndex: 'kind', render: (kind: Kind) => t(kindKey(kind)) },
                  { title: t('sync.col.down'), dataIndex: 'down', align: 'right' },
                  { title: t('sync.col.up'), dataIndex: 'up', align: 'right' },
                  { title: t('sync.col.conflicts'), dataIndex: 'conflicts', align: 'right' },
                ]}
              />
            )}
          </div>
        ) : null}
        {s.conflicts > 0 ? (
          <div data-testid="sync-conflicts">
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('sync.conflicts', { count: s.conflicts })}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('sync.conflictsHint')}</Typography.Paragraph>
            {open.length === 0 && conflicts.isFetched ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : null}
            {open.map((c) => (
              <ConflictItem key={`${c.kind}:${c.id}`} conflict={c} busy={resolving === `${c.kind}:${c.id}`} onResolve={(keep) => void resolve(c, keep)} />
            ))}
          </div>
        ) : null}
      </Space>
    </Card>
  );
}
