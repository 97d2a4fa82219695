import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/errors.ts';
import { saveWork, type Work, type WorkConflict, type WorkContent } from '../../api/library.ts';
import { useOutbox } from '../../offline/outbox-context.tsx';
import { getEntry, workEntryId, type OutboxEntry } from '../../offline/outbox.ts';

export type Draft = Pick<WorkContent, 'title' | 'body' | 'tags' | 'platforms' | 'status' | 'cover_asset_id'>;
/** `offline`: the draft is kept on this device (IndexedDB outbox) and sent when the network is back. */
export type SaveState = 'saved' | 'dirty' | 'saving' | 'offline' | 'conflict' | 'error';

const AUTOSAVE_DELAY_MS = 2_500;

function same(a: Draft, b: Draft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function draftOf(work: Work): Draft {
  return { title: work.title, body: work.body, tags: work.tags, platforms: work.platforms, status: work.status, cover_asset_id: work.cover_asset_id };
}

function draftOfEntry(entry: OutboxEntry): Draft {
  const { base_version: _base, note: _note, ...content } = entry.body;
  return content as unknown as Draft;
}

/**
 * Editor state with autosave: each pause in typing saves a new version on top
 * of the version the editor started from. A 409 stops autosaving and hands
 * the conflict (both versions) to the caller; nothing is overwritten.
 *
 * Offline (or when the request cannot reach the server) the draft goes to the
 * outbox instead, one entry per work that each later autosave replaces; the
 * outbox sends it once when the device is online again and tells this hook the
 * new version. While a draft of this work waits there, saves go through the
 * outbox too, so the queued draft and a direct save never race each other.
 */
export function useAutosave(work: Work, onSaved: (work: Work) => void) {
  const outbox = useOutbox();
  const [draft, setDraftState] = useState<Draft>(() => draftOf(work));
  const [saved, setSaved] = useState<Draft>(() => draftOf(work));
  const [version, setVersion] = useState(work.version);
  const [state, setState] = useState<SaveState>('saved');
  const [conflict, setConflict] = useState<WorkConflict>();
  const [error, setError] = useState<unknown>();
  const inFlight = useRef(false);
  const queued = useRef(false);
  const latest = useRef({ draft, saved, version, state });
  useLayoutEffect(() => {
    latest.current = { draft, saved, version, state };
  });
  const entryId = workEntryId(work.id);
  const { queue, discard, flush, subscribe } = outbox;

  /** Puts the draft in the outbox (replacing an earlier queued draft of this work). */
  const keepOffline = useCallback(
    async (current: Draft, base: number) => {
      queued.current = true;
      await queue({
        id: entryId,
        kind: 'work',
        label: current.title,
        method: 'PUT',
        path: `/api/works/${encodeURIComponent(work.id)}`,
        body: { ...current, base_version: base, note: 'offline edit' },
        snapshot: { ...work, ...current, version: base },
      });
      setSaved(current);
      setState(same(current, latest.current.draft) ? 'offline' : 'dirty');
    },
    [entryId, queue, work],
  );

  const save = useCallback(
    async (baseVersion?: number) => {
      const { draft: current, version: base } = latest.current;
      if (inFlight.current) return;
      if (!navigator.onLine || queued.current) {
        await keepOffline(current, baseVersion ?? base);
        return;
      }
      inFlight.current = true;
      setState('saving');
      try {
        const result = await saveWork(work.id, { ...current, base_version: baseVersion ?? base, note: baseVersion ? 'resolved conflict' : 'autosave' });
        setSaved(current);
        setVersion(result.version);
        setConflict(undefined);
        setError(undefined);
        setState(same(current, latest.current.draft) ? 'saved' : 'dirty');
        onSaved(result);
      } catch (caught) {
        if (ApiError.isInstance(caught) && caught.status === 409 && caught.code === 'WORK_VERSION_CONFLICT') {
          setConflict(caught.problem as unknown as WorkConflict);
          setState('conflict');
        } else if (ApiError.isInstance(caught) && caught.status === 0) {
          inFlight.current = false;
          await keepOffline(current, baseVersion ?? base);
        } else {
          setError(caught);
          setState('error');
        }
      } finally {
        inFlight.current = false;
      }
    },
    [work.id, onSaved, keepOffline],
  );

  // What the outbox did with this work's queued draft.
  useEffect(
    () =>
      subscribe((outcome) => {
        if (outcome.entry.id !== entryId) return;
        if (outcome.status === 'conflict') {
          setConflict(outcome.problem as unknown as WorkConflict);
          setState('conflict');
          return;
        }
        const result = outcome.data as Work;
        void getEntry(entryId).then((still) => {
          // A newer draft may already wait behind the one just sent.
          queued.current = still !== undefined;
          setVersion(result.version);
          setConflict(undefined);
          setState((s) => (s === 'offline' && !still ? 'saved' : s));
          onSaved(result);
        });
      }),
    [entryId, subscribe, onSaved],
  );

  // A draft left in the outbox (written offline, page reloaded or reopened) is what the user last wrote: show it.
  useEffect(() => {
    let live = true;
    void getEntry(entryId)
      .catch(() => undefined)
      .then((entry) => {
        if (!live || !entry || latest.current.state !== 'saved') return;
        const kept = draftOfEntry(entry);
        queued.current = true;
        setDraftState(kept);
        setSaved(kept);
        setVersion(Number(entry.body.base_version));
        setState('offline');
        if (!navigator.onLine) return;
        // A draft that met a conflict waits for a decision: send it again so the conflict comes back to this editor.
        if (entry.conflict) void queue({ ...entry, conflict: false });
        else void flush();
      });
    return () => {
      live = false;
    };
  }, [entryId, queue, flush]);

  const setDraft = useCallback((patch: Partial<Draft>) => {
    setDraftState((d) => ({ ...d, ...patch }));
    setState((s) => (s === 'conflict' ? s : 'dirty'));
  }, []);

  useEffect(() => {
    if (state !== 'dirty' || same(draft, saved)) return;
    const timer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, saved, state, save]);

  // Leaving with unsaved edits asks first (the browser shows its own text). A draft kept offline is safe.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (latest.current.state === 'dirty' || latest.current.state === 'saving') event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  /** Replace the editor content with a server version (after a conflict or a restore); a queued draft is given up. */
  const reset = useCallback(
    (next: Draft, nextVersion: number) => {
      queued.current = false;
      void discard(entryId);
      setDraftState(next);
      setSaved(next);
      setVersion(nextVersion);
      setConflict(undefined);
      setState('saved');
    },
    [discard, entryId],
  );

  return { draft, setDraft, version, state, conflict, error, save, reset };
}
