import type { Logger } from 'pino';
import { systemClock } from '@creatorflow/core';
import { openDatabase } from '@creatorflow/db';
import type { Config } from './config.ts';
import { createLogger } from './logger.ts';
import { connectRedis } from './redis.ts';
import { resealStoredSecrets } from './reseal-secrets.ts';
import { createProcessServices } from './services.ts';

export interface CloudWorker {
  /**
   * Stops taking runs and closes everything. Jobs first: running runs are
   * interrupted at a checkpoint (their job back in the queue) while the
   * database, the LLM layer and the event bus they write to are still open.
   */
  stop(): Promise<void>;
}

/** `creatorflow worker`: executes queued runs from PostgreSQL + Redis, with every tool the API server knows. */
export async function startCloudWorker(config: Config, options: { logger?: Logger } = {}): Promise<CloudWorker> {
  if (config.mode !== 'cloud') throw new Error('the run worker process is for cloud mode');
  const logger = options.logger ?? createLogger(config.logLevel);
  const disposers: Array<() => Promise<void> | void> = [];
  const closeAll = async () => {
    for (const fn of disposers.reverse()) {
      try {
        await fn();
      } catch (error) {
        logger.error({ err: error }, 'error while stopping the worker');
      }
    }
    disposers.length = 0;
  };
  try {
    const database = await openDatabase({ kind: 'postgres', url: config.databaseUrl! });
    disposers.push(() => database.close());
    const redis = await connectRedis(config.redisUrl!);
    disposers.push(() => void redis.disconnect());
    // Secrets still in an old format are sealed again before anything reads them (core secret-box.ts).
    await resealStoredSecrets(database, config.secretKey!, logger);
    const services = createProcessServices(config, { database, redis, logger, clock: systemClock, secretKey: config.secretKey!, onClose: (fn) => void disposers.push(fn) });
    await services.runtime().startWorker();
    return {
      async stop() {
        await services.jobs.close().catch((error: unknown) => logger.error({ err: error }, 'error while stopping jobs'));
        await closeAll();
      },
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
