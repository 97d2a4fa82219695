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
  /**
   * CREATORFLOW_REDIS_PREFIX: every BullMQ key (queues, locks, group slots, cancel channel)
   * lives under it, so two deployments sharing one Redis never take each other's jobs.
   */
  redisPrefix?: string;
}

/** BullMQ joins its prefix to key names with ':' itself; `cf:` (our default) keeps BullMQ's keys at `cf:<queue>:…`. */
export function bullPrefix(redisPrefix: string | undefined): string {
  return (redisPrefix ?? '').replace(/:+$/, '') || 'cf';
}

/** Local mode: jobs in the database, run in-process. Cloud mode: BullMQ, mirrored in the database. */
export function createJobQueue(deps: JobQueueDeps): JobQueue {
  if (deps.mode === 'cloud') {
    if (!deps.redis) throw new Error('cloud mode needs Redis for the job queue (REDIS_URL)');
    return new BullJobQueue({ redis: deps.redis, database: deps.database, logger: deps.logger, clock: deps.clock, prefix: bullPrefix(deps.redisPrefix) });
  }
  return new DbJobQueue({ database: deps.database, logger: deps.logger, clock: deps.clock });
}
