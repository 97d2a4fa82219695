import { findPlatform } from '@creatorflow/platforms';
import type { WorkSource } from './work-source.ts';

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
  /** The work version the run saved (content-creation saves a new work: 1 when older runs do not say). */
  work_version?: unknown;
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
export const SEARCHED_RUNS = 200;

type Actor = { workspaceId: string; userId?: string };

const sameTags = (a: string[], b: string[]) => a.length === b.length && a.every((t, i) => t === b[i]);

/**
 * The per-platform versions of the newest finished run whose output saved
 * this work (content-creation's `work_id`); empty when the work was written
 * by hand or its run is older than the last 200 runs.
 *
 * The run wrote its versions from the work as it saved it. What the person
 * changed in the work since then wins: an edited body drops the run's bodies
 * (they would publish the text before the edit), a new title its titles, new
 * tags its tags, a cover chosen since its covers.
 */
export async function runVersionsOf(source: WorkSource, actor: Actor, workId: string): Promise<Map<string, RunVersion>> {
  const runs = await source.finishedRuns(actor.workspaceId, SEARCHED_RUNS);
  const run = runs.find((r) => (r.output as CreationOutput | null)?.work_id === workId);
  if (!run) return new Map();
  const versions = versionsOfOutput(run.id, run.output);
  if (versions.size === 0) return versions;
  const output = run.output as CreationOutput;
  const savedAt = typeof output.work_version === 'number' && Number.isInteger(output.work_version) ? output.work_version : 1;
  const work = await source.library.works.get(actor, workId);
  if (work.version === savedAt) return versions;
  const saved = await source.library.works.version(actor, workId, savedAt).catch(() => undefined);
  const changed = {
    title: !saved || saved.title !== work.title,
    body: !saved || saved.body !== work.body,
    tags: !saved || !sameTags(saved.tags, work.tags),
    cover: !saved || saved.coverAssetId !== work.coverAssetId,
  };
  for (const [platform, v] of versions) {
    versions.set(platform, {
      runId: v.runId,
      title: changed.title ? undefined : v.title,
      body: changed.body ? undefined : v.body,
      tags: changed.tags ? undefined : v.tags,
      coverUri: changed.cover ? undefined : v.coverUri,
    });
  }
  return versions;
}
