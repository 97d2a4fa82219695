import { findPlatform } from '@creatorflow/platforms';
import type { AppContext } from '../context.ts';

/** What a creation run made for one platform: the title, formatted body, tags and rendered cover. */
export interface RunVersion {
  runId: string;
  title?: string;
  body?: string;
  tags?: string[];
  coverUri?: string;
}

interface CreationOutput {
  work_id?: unknown;
  versions?: Array<{ platform?: unknown; title?: unknown; body?: unknown; tags?: unknown } | null>;
  covers?: Array<{ uri?: unknown } | null>;
}

const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : undefined);

/** Reads the per-platform versions out of a finished run's output, keyed by canonical platform id. */
export function versionsOfOutput(runId: string, output: unknown): Map<string, RunVersion> {
  const out = new Map<string, RunVersion>();
  const o = (output ?? {}) as CreationOutput;
  for (const [i, v] of (Array.isArray(o.versions) ? o.versions : []).entries()) {
    const platform = v && typeof v.platform === 'string' ? findPlatform(v.platform)?.id : undefined;
    if (!v || !platform) continue;
    const cover = Array.isArray(o.covers) ? o.covers[i] : undefined;
    out.set(platform, {
      runId,
      title: str(v.title),
      body: str(v.body),
      tags: Array.isArray(v.tags) ? v.tags.filter((t): t is string => typeof t === 'string') : undefined,
      coverUri: str(cover?.uri),
    });
  }
  return out;
}

/** How many recent finished runs are searched for the one that saved a work. */
const SEARCHED_RUNS = 200;

/**
 * The per-platform versions of the newest finished run whose output saved
 * this work (content-creation's `work_id`); empty when the work was written
 * by hand or its run is older than the last 200 runs.
 */
export async function runVersionsForWork(ctx: AppContext, workspaceId: string, workId: string): Promise<Map<string, RunVersion>> {
  const runs = await ctx.runtime.runs.repo.list(workspaceId, { limit: SEARCHED_RUNS, status: 'completed' });
  const run = runs.find((r) => (r.output as CreationOutput | null)?.work_id === workId);
  return run ? versionsOfOutput(run.id, run.output) : new Map();
}
