import { useQuery } from '@tanstack/react-query';
import { Button, Drawer, Empty, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { Work, WorkDiff, WorkVersionMeta } from '../../api/library.ts';
import { useList } from '../../api/lists.ts';
import { DiffView } from '../../components/diff-view.tsx';
import { useNotifyError } from '../../components/notify.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n, type MessageKey, type Translate } from '../../i18n/i18n.tsx';
import { shortTime } from '../../lib/time.ts';

/** Version history: pick a version to see what changed since, and restore it as a new version. */
export function VersionDrawer({
  workId,
  currentVersion,
  open,
  onClose,
  onRestored,
}: {
  workId: string;
  currentVersion: number;
  open: boolean;
  onClose: () => void;
  onRestored: (work: Work) => void;
}) {
  const { t, locale } = useI18n();
  const notifyError = useNotifyError();
  const [picked, setPicked] = useState<number>();
  const versions = useList<WorkVersionMeta>(`/api/works/${workId}/versions`, { cv: currentVersion }, { enabled: open });
  const diff = useQuery({
    queryKey: ['work-diff', workId, picked, currentVersion],
    queryFn: () => api<WorkDiff>(`/api/works/${workId}/diff`, { query: { from: picked, to: currentVersion } }),
    enabled: open && picked !== undefined && picked !== currentVersion,
  });

  const restore = async (version: number) => {
    try {
      const work = await api<Work>(`/api/works/${workId}/versions/${version}/restore`, { body: { base_version: currentVersion } });
      setPicked(undefined);
      onRestored(work);
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <Drawer open={open} onClose={onClose} title={t('editor.history')} size={560} data-testid="version-drawer">
      <QueryState query={versions} feature={t('editor.history')}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty description={t('editor.noVersions')} />
          ) : (
            <div style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
              {page.items.map((v) => (
                <div key={v.version} className={picked === v.version ? 'cf-version cf-version-active' : 'cf-version'} onClick={() => setPicked(v.version)} data-testid="version-row">
                  <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                    <Space>
                      <Tag color={v.version === currentVersion ? 'green' : 'default'}>v{v.version}</Tag>
                      <Typography.Text>{v.title}</Typography.Text>
                    </Space>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {shortTime(v.created_at, locale)}
                    </Typography.Text>
                  </Space>
                  {v.note ? <div style={{ fontSize: 12, color: 'var(--cf-text-secondary)' }}>{versionNote(v.note, t)}</div> : null}
                  {picked === v.version && v.version !== currentVersion ? (
                    <div style={{ marginTop: 8 }} onClick={(e) => e.stopPropagation()}>
                      <QueryState query={diff} feature={t('editor.history')}>
                        {(d) => (
                          <>
                            <Typography.Text type="secondary">
                              {t('editor.diffWith', { from: d.from, to: d.to })} · +{d.body.added} −{d.body.removed}
                            </Typography.Text>
                            <DiffView changes={d.body.changes} />
                          </>
                        )}
                      </QueryState>
                      <Popconfirm title={t('editor.restore')} onConfirm={() => void restore(v.version)}>
                        <Button type="primary" size="small" style={{ marginTop: 8 }} data-testid="restore-version">
                          {t('editor.restore')}
                        </Button>
                      </Popconfirm>
                    </div>
                  ) : null}
                </div>
              ))}
            </div>
          )
        }
      </QueryState>
    </Drawer>
  );
}

/**
 * The notes the app and the server write on versions ("created", "autosave", "restored v3"…) are stable
 * machine words; a person's own note is shown as written.
 */
function versionNote(note: string, t: Translate): string {
  const restored = /^restored v(\d+)$/.exec(note);
  if (restored) return t('editor.note.restored', { version: restored[1]! });
  const known: Record<string, MessageKey> = { created: 'editor.note.created', autosave: 'editor.note.autosave', 'offline edit': 'editor.note.offline', 'resolved conflict': 'editor.note.resolved' };
  return known[note] ? t(known[note]) : note;
}
