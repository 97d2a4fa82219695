import type { Logger } from 'pino';
import type { Redis } from 'ioredis';
import type { Dispatcher } from 'undici';
import type { Clock } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';
import { LlmService } from '@creatorflow/llm';
import type { Config } from './config.ts';

/** Builds the process's LLM layer from the parsed config (providers seeded from env on first use of a workspace). */
export function createLlmService(
  config: Config,
  deps: { database: Database; redis: Redis | undefined; logger: Logger; clock: Clock; secretKey: string; dispatcher?: Dispatcher },
): LlmService {
  return new LlmService({
    ...deps,
    logger: deps.logger.child({ component: 'llm' }),
    seed: { providerEnv: config.llm.providerEnv, defaultModel: config.llm.defaultModel },
    limitPrefix: `${config.redisPrefix}llm:limit:`,
  });
}
