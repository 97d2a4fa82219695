import type { JobStatus } from '../api/publish.ts';

/** The tag colour of a publish job's status, the same in 发布任务, the calendar and a work's publications. */
export const JOB_COLOR: Record<JobStatus, string> = {
  scheduled: 'purple',
  queued: 'blue',
  running: 'processing',
  published: 'green',
  needs_action: 'orange',
  failed: 'red',
  cancelled: 'default',
};
