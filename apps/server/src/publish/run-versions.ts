import { runVersionsOf, type RunVersion } from '@creatorflow/publish';
import type { AppContext } from '../context.ts';
import { workSourceOf } from './work-content.ts';

export { versionsOfOutput, type RunVersion } from '@creatorflow/publish';

type Actor = { workspaceId: string; userId: string };

/** The per-platform versions of the newest finished run that saved this work (packages/publish works/run-versions.ts). */
export function runVersionsForWork(ctx: AppContext, actor: Actor, workId: string): Promise<Map<string, RunVersion>> {
  return runVersionsOf(workSourceOf(ctx), actor, workId);
}
