import { createTwoFilesPatch, diffLines } from 'diff';
import type { WorkVersion } from './work-types.ts';

export interface LineChange {
  op: 'same' | 'add' | 'remove';
  /** The lines of this run, joined with their newlines. */
  text: string;
  lines: number;
}

export interface WorkDiff {
  workId: string;
  from: number;
  to: number;
  /** Metadata fields that differ, with both values. */
  fields: Record<string, { from: unknown; to: unknown }>;
  body: { added: number; removed: number; changes: LineChange[]; /** Unified diff text (`diff -u` style). */ unified: string };
}

const FIELDS = ['title', 'coverAssetId', 'tags', 'platforms', 'status'] as const;

/** Line diff of two versions' bodies plus the metadata fields that changed. */
export function diffVersions(a: WorkVersion, b: WorkVersion): WorkDiff {
  const fields: WorkDiff['fields'] = {};
  for (const f of FIELDS) {
    if (JSON.stringify(a[f]) !== JSON.stringify(b[f])) fields[f] = { from: a[f], to: b[f] };
  }
  let added = 0;
  let removed = 0;
  const changes: LineChange[] = diffLines(a.body, b.body).map((c) => {
    const lines = c.count ?? c.value.split('\n').length;
    if (c.added) added += lines;
    if (c.removed) removed += lines;
    return { op: c.added ? 'add' : c.removed ? 'remove' : 'same', text: c.value, lines };
  });
  const unified = createTwoFilesPatch(`v${a.version}`, `v${b.version}`, a.body, b.body, undefined, undefined, { context: 3 });
  return { workId: a.workId, from: a.version, to: b.version, fields, body: { added, removed, changes, unified } };
}
