import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Grid, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { WORK_KINDS, WORK_STATUSES, type Work, type WorkKind, type WorkStatus } from '../../api/library.ts';
import { useList } from '../../api/lists.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { useNotifyError } from '../../components/notify.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { platformName } from '../../lib/platforms.ts';
import { shortTime } from '../../lib/time.ts';
import { Publications } from './publications.tsx';
import { NewWorkDialog } from './new-work-dialog.tsx';

export const STATUS_COLOR: Record<WorkStatus, string> = { draft: 'default', ready: 'blue', scheduled: 'purple', published: 'green', archived: 'default' };

export default function WorksPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<WorkStatus>();
  const [kind, setKind] = useState<WorkKind>();
  const [creating, setCreating] = useState(false);
  const list = useList<Work>('/api/works', { status, kind });
  // A phone has no room for six columns: each work becomes a card.
  const phone = Grid.useBreakpoint().md === false;

  const importMarkdown = async (file: File) => {
    try {
      const work = await api<Work>('/api/works/import', { body: { markdown: await file.text(), file_name: file.name } });
      await queryClient.invalidateQueries({ queryKey: ['/api/works'] });
      navigate(`/works/${work.id}`);
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <>
      <PageHeader
        title={t('works.title')}
        subtitle={t('works.subtitle')}
        extra={
          <Space wrap>
            <Upload accept=".md,.markdown,.txt" showUploadList={false} beforeUpload={(file) => (void importMarkdown(file), false)}>
              <Button icon={<ImportOutlined />}>{t('works.import')}</Button>
            </Upload>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-work">
              {t('works.new')}
            </Button>
          </Space>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select<WorkStatus> allowClear placeholder={t('common.status')} style={{ width: 140 }} value={status} onChange={setStatus} options={WORK_STATUSES.map((s) => ({ value: s, label: t(`works.status.${s}`) }))} />
          <Select<WorkKind> allowClear placeholder={t('works.kind')} style={{ width: 140 }} value={kind} onChange={setKind} options={WORK_KINDS.map((k) => ({ value: k, label: t(`works.kind.${k}`) }))} />
        </Space>
        <QueryState query={list} feature={t('works.title')}>
          {(page) =>
            page.items.length === 0 && !status && !kind ? (
              <EmptyState
                title={t('works.empty')}
                hint={t('works.emptyHint')}
                action={
                  <Space>
                    <Button type="primary" onClick={() => setCreating(true)}>
                      {t('works.new')}
                    </Button>
                    <Button onClick={() => navigate('/workbench')}>{t('nav.workbench')}</Button>
                  </Space>
                }
              />
            ) : phone ? (
              <div data-testid="work-cards">
                {page.items.map((work) => (
                  <Card key={work.id} size="small" className="cf-work-card" data-testid="work-card" onClick={() => navigate(`/works/${work.id}`)} style={{ marginBottom: 8, cursor: 'pointer' }}>
                    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                      <Link to={`/works/${work.id}`} style={{ fontWeight: 600 }}>
                        {work.title}
                      </Link>
                      <Space size={[4, 4]} wrap>
                        <Tag color={STATUS_COLOR[work.status]} data-testid="work-status">
                          {t(`works.status.${work.status}`)}
                        </Tag>
                        <Tag>{t(`works.kind.${work.kind}`)}</Tag>
                        {work.publications.length === 0 ? work.platforms.map((x) => <Tag key={x}>{platformName(x, locale)}</Tag>) : null}
                      </Space>
                      <Publications work={work} compact />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        v{work.version} · {shortTime(work.updated_at, locale)}
                      </Typography.Text>
                    </Space>
                  </Card>
                ))}
              </div>
            ) : (
              <Table<Work>
                rowKey="id"
                dataSource={page.items}
                pagination={false}
                scroll={{ x: 640 }}
                onRow={(work) => ({ onClick: () => navigate(`/works/${work.id}`), style: { cursor: 'pointer' } })}
                columns={[
                  { title: t('common.title'), dataIndex: 'title', render: (title: string, w) => <Link to={`/works/${w.id}`}>{title}</Link> },
                  { title: t('works.kind'), dataIndex: 'kind', width: 110, render: (k: WorkKind) => t(`works.kind.${k}`) },
                  { title: t('common.status'), dataIndex: 'status', width: 100, render: (s: WorkStatus) => <Tag color={STATUS_COLOR[s]} data-testid="work-status">{t(`works.status.${s}`)}</Tag> },
                  {
                    title: t('works.platforms'),
                    dataIndex: 'platforms',
                    render: (p: string[], w) => (w.publications.length > 0 ? <Publications work={w} /> : p.map((x) => <Tag key={x}>{platformName(x, locale)}</Tag>)),
                  },
                  { title: t('works.version'), dataIndex: 'version', width: 70, render: (v: number) => `v${v}` },
                  { title: t('common.updatedAt'), dataIndex: 'updated_at', width: 130, render: (d: string) => shortTime(d, locale) },
                ]}
              />
            )
          }
        </QueryState>
      </Card>
      <NewWorkDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
