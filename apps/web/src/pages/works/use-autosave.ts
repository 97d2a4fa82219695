import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/errors.ts';
import { saveWork, type Work, type WorkConflict, type WorkContent } from '../../api/library.ts';

export type Draft = Pick<WorkContent, 'title' | 'body' | 'tags' | 'platforms' | 'status' | 'cover_asset_id'>;
export type SaveState = 'saved' | 'dirty' | 'saving' | 'conflict' | 'error';

const AUTOSAVE_DELAY_MS = 2_500;

function same(a: Draft, b: Draft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function draftOf(work: Work): Draft {
  return { title: work.title, body: work.body, tags: work.tags, platforms: work.platforms, status: work.status, cover_asset_id: work.cover_asset_id };
}

/**
 * Editor state with autosave: each pause in typing saves a new version on top
 * of the version the editor started from. A 409 stops autosaving and hands
 * the conflict (both versions) to the caller; nothing is overwritten.
 */
export function useAutosave(work: Work, onSaved: (work: Work) => void) {
  const [draft, setDraftState] = useState<Draft>(() => draftOf(work));
  const [saved, setSaved] = useState<Draft>(() => draftOf(work));
  const [version, setVersion] = useState(work.version);
  const [state, setState] = useState<SaveState>('saved');
  const [conflict, setConflict] = useState<WorkConflict>();
  const [error, setError] = useState<unknown>();
  const inFlight = useRef(false);
  const latest = useRef({ draft, saved, version, state });
  latest.current = { draft, saved, version, state };

  const save = useCallback(
    async (baseVersion?: number) => {
      const { draft: current, version: base } = latest.current;
      if (inFlight.current) return;
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
        } else {
          setError(caught);
          setState('error');
        }
      } finally {
        inFlight.current = false;
      }
    },
    [work.id, onSaved],
  );

  const setDraft = useCallback((patch: Partial<Draft>) => {
    setDraftState((d) => ({ ...d, ...patch }));
    setState((s) => (s === 'conflict' ? s : 'dirty'));
  }, []);

  useEffect(() => {
    if (state !== 'dirty' || same(draft, saved)) return;
    const timer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, saved, state, save]);

  // Leaving with unsaved edits asks first (the browser shows its own text).
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (latest.current.state === 'dirty' || latest.current.state === 'saving') event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  /** Replace the editor content with a server version (after a conflict or a restore). */
  const reset = useCallback((next: Draft, nextVersion: number) => {
    setDraftState(next);
    setSaved(next);
    setVersion(nextVersion);
    setConflict(undefined);
    setState('saved');
  }, []);

  return { draft, setDraft, version, state, conflict, error, save, reset };
}
