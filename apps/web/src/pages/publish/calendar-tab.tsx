import { useQueryClient } from '@tanstack/react-query';
import { App, Calendar, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client.ts';
import type { PublishJob } from '../../api/publish.ts';
import { useNotifyError } from '../../components/notify.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { usePlatformName } from '../../lib/use-platform-name.ts';
import { JOB_COLOR } from '../../lib/job-status.ts';

const DRAG_TYPE = 'application/x-creatorflow-job';

/** Month view of publish jobs; scheduled jobs can be dragged to another day (same time of day). */
export function CalendarTab({ jobs }: { jobs: PublishJob[] }) {
  const { t } = useI18n();
  const platformName = usePlatformName();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();

  const byDay = new Map<string, PublishJob[]>();
  for (const job of jobs) {
    const key = dayjs(job.run_at).format('YYYY-MM-DD');
    byDay.set(key, [...(byDay.get(key) ?? []), job]);
  }

  const reschedule = async (jobId: string, day: Dayjs) => {
    const job = jobs.find((j) => j.id === jobId);
    if (!job) return;
    const from = dayjs(job.run_at);
    let at = day.hour(from.hour()).minute(from.minute()).second(0);
    if (at.isBefore(dayjs())) at = dayjs().add(5, 'minute');
    try {
      await api(`/api/publish/jobs/${jobId}/reschedule`, { body: { at: at.toISOString() } });
      void message.success(t('publish.rescheduled', { time: at.format('MM-DD HH:mm') }));
      await queryClient.invalidateQueries({ queryKey: ['publish-jobs'] });
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <>
      <Typography.Text type="secondary">{t('publish.dragHint')}</Typography.Text>
      <Calendar
        cellRender={(date, info) => {
          if (info.type !== 'date') return info.originNode;
          const items = byDay.get(date.format('YYYY-MM-DD')) ?? [];
          return (
            <div
              className="cf-cal-cell"
              data-day={date.format('YYYY-MM-DD')}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault();
                const id = e.dataTransfer.getData(DRAG_TYPE);
                if (id) void reschedule(id, date);
              }}
            >
              {items.map((job) => (
                <Tag
                  key={job.id}
                  color={JOB_COLOR[job.status]}
                  draggable={job.status === 'scheduled'}
                  onDragStart={(e) => e.dataTransfer.setData(DRAG_TYPE, job.id)}
                  style={{
                    display: 'block',
                    marginBottom: 2,
                    cursor: job.status === 'scheduled' ? 'grab' : 'default',
                    overflow: 'hidden',
                    textOverflow: 'ellipsis',
                  }}
                  title={`${dayjs(job.run_at).format('HH:mm')} ${job.title} · ${platformName(job.platform)}`}
                  data-testid="calendar-job"
                >
                  {dayjs(job.run_at).format('HH:mm')} {job.title}
                </Tag>
              ))}
            </div>
          );
        }}
      />
    </>
  );
}
