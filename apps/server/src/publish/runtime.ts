import { join } from 'node:path';
import { createPublishRuntime, type PublishRuntime, type PublishRuntimeOptions } from '@creatorflow/publish';
import type { AppContext } from '../context.ts';

/** Test and benchmark knobs (shorter backoffs and timeouts); production uses the defaults. */
export type PublishOverrides = Partial<Pick<PublishRuntimeOptions, 'pool' | 'breakers' | 'policy' | 'concurrency' | 'wechatPollIntervalMs'>>;

/**
 * The publish domain of a process (`ctx.publish`), closed with the context.
 * `start()` begins processing the `publish` queue (ctx.jobs); the publish
 * route plugin calls it when the server is ready.
 */
export function createServerPublish(ctx: Pick<AppContext, 'database' | 'jobs' | 'clock' | 'secretKey' | 'config' | 'mode' | 'logger' | 'egress' | 'onClose'>, overrides: PublishOverrides = {}): PublishRuntime {
  const rt = createPublishRuntime({
    database: ctx.database,
    jobs: ctx.jobs,
    clock: ctx.clock,
    serverSecret: ctx.secretKey,
    dataDir: join(ctx.config.home, 'publish'),
    mode: ctx.mode,
    chromiumPath: ctx.config.chromiumPath,
    log: ctx.logger.child({ domain: 'publish' }),
    egress: ctx.egress,
    ...overrides,
  });
  ctx.onClose(() => rt.close());
  return rt;
}
