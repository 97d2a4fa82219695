import { join } from 'node:path';
import { workContent, type PublishContent, type WorkContentOptions, type WorkSource } from '@creatorflow/publish';
import type { AppContext } from '../context.ts';

export type { PlatformEdit, WorkContentOptions } from '@creatorflow/publish';

/** The server's library, finished runs and media folder, as the publish domain reads works from them. */
export function workSourceOf(ctx: Pick<AppContext, 'mode' | 'library' | 'config' | 'runtime'>): WorkSource {
  return {
    mode: ctx.mode,
    library: ctx.library,
    mediaDir: join(ctx.config.home, 'publish', 'media'),
    finishedRuns: (workspaceId, limit) => ctx.runtime.runs.list(workspaceId, { limit, status: 'completed' }),
  };
}

type Actor = { workspaceId: string; userId: string };

/** A library work as one platform gets it, media copied to files (packages/publish works/work-content.ts). */
export function contentFromWork(ctx: AppContext, actor: Actor, workId: string, platform: string, options: WorkContentOptions = {}): Promise<PublishContent> {
  return workContent(workSourceOf(ctx), actor, workId, platform, options);
}
