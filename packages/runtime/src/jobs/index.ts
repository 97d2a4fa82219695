import type { JobQueue } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Clock } from '@creatorflow/core';
import { BullJobQueue } from './bull-job-queue.ts';
import { DbJobQueue } from './db-job-queue.ts';

export { BullJobQueue } from './bull-job-queue.ts';
export { DbJobQueue } from './db-job-queue.ts';

export interface JobQueueDeps {
  mode: 'local' | 'cloud';
  database: Database;
  redis: Redis | undefined;
  logger: Logger;
  clock: Clock;
}

/** Local mode: jobs in the database, run in-process. Cloud mode: BullMQ, mirrored in the database. */
export function createJobQueue(deps: JobQueueDeps): JobQueue {
  if (deps.mode === 'cloud') {
    if (!deps.redis) throw new Error('cloud mode needs Redis for the job queue (REDIS_URL)');
    return new BullJobQueue({ redis: deps.redis, database: deps.database, logger: deps.logger, clock: deps.clock });
  }
  return new DbJobQueue({ database: deps.database, logger: deps.logger, clock: deps.clock });
}
