import { useQuery } from '@tanstack/react-query';
import { Alert, Image, Space, Table, Tag, Typography } from 'antd';
import { publishApi, type PublishAttempt, type PublishJob } from '../../api/publish.ts';
import { QueryState } from '../../components/query-state.tsx';
import { errorMessage } from '../../i18n/error-messages.ts';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { shortTime } from '../../lib/time.ts';
import { AssistPanel } from './assist-bundle.tsx';

/** Where the post landed: its id on the platform and its address. */
function PublishedResult({ job }: { job: PublishJob }) {
  const { t } = useI18n();
  return (
    <Alert
      type="success"
      showIcon
      title={t('publish.publishedTitle')}
      data-testid="job-result"
      description={
        <Space orientation="vertical" size={2}>
          {job.result_post_id ? (
            <Typography.Text copyable={{ text: job.result_post_id }}>
              {t('publish.postId')}: <span data-testid="job-post-id">{job.result_post_id}</span>
            </Typography.Text>
          ) : null}
          {job.result_url ? (
            <Typography.Link
              href={job.result_url}
              target="_blank"
              rel="noreferrer"
              data-testid="job-result-url"
            >
              {job.result_url}
            </Typography.Link>
          ) : null}
        </Space>
      }
    />
  );
}

/** A message for a server enum value; a value this UI does not know yet shows as sent. */
function known(t: ReturnType<typeof useI18n>['t'], key: string, fallback: string): string {
  const text = t(key as MessageKey);
  return text === key ? fallback : text;
}

/** Attempts of one job with their errors and failure screenshots, and the assist bundle when needed. */
export function JobDetail({ job }: { job: PublishJob }) {
  const { t, locale } = useI18n();
  const detail = useQuery({
    queryKey: ['publish-job', job.id, job.status, job.attempt_count],
    queryFn: () => publishApi.job(job.id),
  });
  return (
    <div>
      {job.status === 'needs_action' && job.action?.type === 'assist' ? <AssistPanel job={job} /> : null}
      {job.status === 'needs_action' && job.action && job.action.type !== 'assist' ? (
        <Alert type="warning" showIcon title={job.action.message} />
      ) : null}
      {job.status === 'published' ? <PublishedResult job={job} /> : null}
      <QueryState query={detail} feature={t('publish.tab.jobs')}>
        {(data) => (
          <Table<PublishAttempt>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={data.attempts}
            style={{ marginTop: 8 }}
            columns={[
              { title: '#', dataIndex: 'number', width: 40 },
              {
                title: t('publish.attempt.method'),
                dataIndex: 'method',
                render: (m: string) => <Tag>{known(t, `publish.method.${m}`, m)}</Tag>,
              },
              {
                title: t('common.status'),
                dataIndex: 'status',
                render: (s: string) => (
                  <Tag
                    color={s === 'succeeded' ? 'green' : s === 'failed' ? 'red' : 'blue'}
                    data-testid="attempt-status"
                  >
                    {known(t, `publish.attemptStatus.${s}`, s)}
                  </Tag>
                ),
              },
              {
                title: t('common.createdAt'),
                dataIndex: 'started_at',
                render: (d: string) => shortTime(d, locale),
              },
              {
                title: t('publish.attempt.duration'),
                dataIndex: 'duration_ms',
                render: (ms: number | null) =>
                  ms === null || ms === undefined
                    ? '—'
                    : t('publish.attempt.seconds', { n: (ms / 1000).toFixed(1) }),
              },
              // The server's message is English for logs; the person reads the message for its stable code.
              {
                title: t('publish.attempt.error'),
                dataIndex: 'error_message',
                render: (m: string | null, a) =>
                  m ? (
                    <Typography.Text type="danger" title={a.error_code ?? undefined}>
                      {errorMessage(a.error_code ?? undefined, locale) ?? m}
                    </Typography.Text>
                  ) : null,
              },
              {
                title: t('publish.screenshot'),
                dataIndex: 'screenshot_url',
                render: (src: string | null) =>
                  src ? <Image src={src} width={96} alt={t('publish.screenshot')} /> : null,
              },
            ]}
          />
        )}
      </QueryState>
    </div>
  );
}
