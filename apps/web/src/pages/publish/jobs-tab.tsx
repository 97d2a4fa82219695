import { useQueryClient } from '@tanstack/react-query';
import { Button, Popconfirm, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { JobStatus, PublishJob } from '../../api/publish.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { useNotifyError } from '../../components/notify.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { JOB_COLOR } from '../../lib/job-status.ts';
import { shortTime } from '../../lib/time.ts';
import { usePlatformName } from '../../lib/use-platform-name.ts';
import { JobDetail } from './job-detail.tsx';

export function JobsTab({ jobs, onPublish }: { jobs: PublishJob[]; onPublish: () => void }) {
  const { t, locale } = useI18n();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<JobStatus | 'all'>('all');
  const platformName = usePlatformName();
  const act = async (job: PublishJob, action: 'retry' | 'cancel') => {
    try {
      await api(`/api/publish/jobs/${job.id}/${action}`, { body: {} });
      await queryClient.invalidateQueries({ queryKey: ['publish-jobs'] });
    } catch (error) {
      notifyError(error);
    }
  };
  if (jobs.length === 0)
    return (
      <EmptyState
        title={t('publish.noJobs')}
        hint={t('publish.noJobsHint')}
        action={
          <Button type="primary" onClick={onPublish}>
            {t('publish.publish')}
          </Button>
        }
      />
    );
  const shown = status === 'all' ? jobs : jobs.filter((j) => j.status === status);
  const statuses = [...new Set(jobs.map((j) => j.status))];
  return (
    <>
      <Segmented
        style={{ marginBottom: 12 }}
        value={status}
        onChange={setStatus}
        options={[
          { value: 'all', label: t('common.all') },
          ...statuses.map((s) => ({ value: s, label: t(`publish.status.${s}`) })),
        ]}
      />
      <Table<PublishJob>
        rowKey="id"
        dataSource={shown}
        size="middle"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 760 }}
        expandable={{ expandedRowRender: (job) => <JobDetail job={job} />, rowExpandable: () => true }}
        columns={[
          { title: t('common.title'), dataIndex: 'title', render: (title: string) => title || '—' },
          {
            title: t('publish.platform'),
            dataIndex: 'platform',
            width: 110,
            render: (p: string) => (
              <span data-testid="job-platform" data-platform={p}>
                {platformName(p)}
              </span>
            ),
          },
          {
            title: t('common.status'),
            dataIndex: 'status',
            width: 120,
            render: (s: JobStatus) => (
              <Tag color={JOB_COLOR[s]} data-testid="job-status">
                {t(`publish.status.${s}`)}
              </Tag>
            ),
          },
          {
            title: t('publish.runAt'),
            dataIndex: 'run_at',
            width: 130,
            render: (d: string) => shortTime(d, locale),
          },
          {
            title: '',
            dataIndex: 'attempt_count',
            width: 90,
            render: (n: number, j) => (
              <Typography.Text type="secondary">
                {t('publish.attempts', { count: n, max: j.max_attempts })}
              </Typography.Text>
            ),
          },
          {
            title: t('common.actions'),
            width: 200,
            render: (_: unknown, job) => (
              <Space size={4}>
                {job.result_url ? (
                  <Typography.Link href={job.result_url} target="_blank" rel="noreferrer">
                    {t('publish.viewPost')}
                  </Typography.Link>
                ) : null}
                {['failed', 'cancelled', 'needs_action'].includes(job.status) ? (
                  <Button size="small" onClick={() => void act(job, 'retry')}>
                    {t('publish.retry')}
                  </Button>
                ) : null}
                {['scheduled', 'queued', 'needs_action'].includes(job.status) ? (
                  <Popconfirm title={t('publish.cancel')} onConfirm={() => void act(job, 'cancel')}>
                    <Button size="small" danger type="text">
                      {t('publish.cancel')}
                    </Button>
                  </Popconfirm>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
