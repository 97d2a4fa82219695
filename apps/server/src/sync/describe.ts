import type { Json, Payload, SyncKind } from '@creatorflow/sync';

/** What the conflict list shows of one version: a name, when it last changed, and text to diff. */
export interface VersionSummary {
  deleted: boolean;
  title: string;
  updatedAt: string | null;
  /** The record's readable content, cut to PREVIEW_CHARS (the diff shows it line by line). */
  text: string;
}

const PREVIEW_CHARS = 2_000;
type Obj = { [key: string]: Json };

const str = (v: Json | undefined): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const list = (v: Json | undefined): Obj[] => (Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object' && !Array.isArray(x)) as Obj[]) : []);
const tagLine = (v: Json | undefined): string => (Array.isArray(v) && v.length > 0 ? `#${v.map(String).join(' #')}` : '');
const latest = (...values: Array<Json | undefined>): string | null => {
  const times = values.map(str).filter(Boolean).sort();
  return times.at(-1) ?? null;
};
const lines = (...parts: string[]): string => parts.filter(Boolean).join('\n');

/** Per kind: the fields a person recognises the record by. Payloads are the tables' columns (see records.ts). */
function summarise(kind: SyncKind, p: Obj): Omit<VersionSummary, 'deleted'> {
  switch (kind) {
    case 'idea':
      return { title: str(p.text).split('\n')[0]!.slice(0, 80), updatedAt: latest(p.updated_at, p.created_at), text: lines(str(p.text), str(p.link), tagLine(p.tags)) };
    case 'work': {
      const versions = list(p.versions);
      return { title: str(p.title), updatedAt: latest(p.updated_at, ...versions.map((v) => v.created_at)), text: lines(str(p.title), '', str(p.body), tagLine(p.tags)) };
    }
    case 'asset':
      return { title: str(p.name), updatedAt: latest(p.updated_at, p.created_at), text: lines(str(p.name), str(p.mime), tagLine(p.tags)) };
    case 'knowledge':
      return { title: str(p.title), updatedAt: latest(p.created_at, ...list(p.chunks).map((c) => c.created_at)), text: lines(str(p.title), str(p.url), str(p.content)) };
    case 'graph': {
      const versions = list(p.versions);
      const last = versions.at(-1);
      return { title: str(p.name), updatedAt: latest(...versions.map((v) => v.created_at)), text: last ? str(last.source) : '' };
    }
    case 'account':
      return { title: str(p.nickname) || str(p.name), updatedAt: latest(p.updated_at, p.created_at), text: lines(str(p.name), str(p.nickname), str(p.credential_mode)) };
    default:
      return { title: str(p.name) || str(p.title) || str(p.key), updatedAt: latest(p.updated_at, p.created_at), text: JSON.stringify(p, null, 2) };
  }
}

export function describeVersion(kind: SyncKind, payload: Payload): VersionSummary {
  if (payload === null) return { deleted: true, title: '', updatedAt: null, text: '' };
  const s = summarise(kind, payload);
  return { deleted: false, ...s, text: s.text.length > PREVIEW_CHARS ? `${s.text.slice(0, PREVIEW_CHARS)}…` : s.text };
}

/** Kinds whose records can be copied under a new id, so "keep both" makes sense (see RecordAdapter.fork). */
export const KEEP_BOTH_KINDS: readonly SyncKind[] = ['idea', 'work'];
