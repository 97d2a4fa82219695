import { join } from 'node:path';
import { createPublishRuntime, type PublishRuntime, type PublishRuntimeOptions } from '@creatorflow/publish';
import type { AppContext } from '../context.ts';

const runtimes = new WeakMap<AppContext, Promise<PublishRuntime>>();

/** Test and benchmark knobs (shorter backoffs and timeouts); production uses the defaults. */
export type PublishOverrides = Partial<Pick<PublishRuntimeOptions, 'pool' | 'breakers' | 'policy' | 'concurrency' | 'wechatPollIntervalMs'>>;
const overridesFor = new WeakMap<AppContext, PublishOverrides>();

export function setPublishOverrides(ctx: AppContext, overrides: PublishOverrides): void {
  overridesFor.set(ctx, overrides);
}

/**
 * The publish domain of this process, built on first use and closed with the
 * context. Starting it begins processing the `publish` queue (ctx.jobs).
 */
export function publishRuntime(ctx: AppContext): Promise<PublishRuntime> {
  let runtime = runtimes.get(ctx);
  if (!runtime) {
    runtime = (async () => {
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
        ...overridesFor.get(ctx),
      });
      ctx.onClose(() => rt.close());
      await rt.start();
      return rt;
    })();
    runtimes.set(ctx, runtime);
  }
  return runtime;
}
