import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { apiResponse } from '../api/client.ts';
import { ApiError } from '../api/errors.ts';
import { enqueue, flushOutbox, listOutbox, removeEntry, type FlushOutcome, type OutboxEntry } from './outbox.ts';

type NewEntry = Omit<OutboxEntry, 'createdAt' | 'attempts' | 'rev'>;

interface OutboxValue {
  online: boolean;
  pending: number;
  entries: OutboxEntry[];
  syncing: boolean;
  /**
   * Sends a write now when online; keeps it in the outbox when offline or
   * when the network fails. Resolves 'sent' or 'queued'.
   */
  submit(entry: NewEntry): Promise<'sent' | 'queued'>;
  /** Keeps a write in the outbox (replacing one with the same id) and sends it as soon as the network allows. */
  queue(entry: NewEntry): Promise<void>;
  /** Drops a queued write (it was saved another way, or the user chose the server's version). */
  discard(id: string): Promise<void>;
  flush(): Promise<void>;
  /** Hears what each flush did with each entry; returns the unsubscribe function. */
  subscribe(listener: (outcome: FlushOutcome) => void): () => void;
}

const OutboxContext = createContext<OutboxValue>({
  online: true,
  pending: 0,
  entries: [],
  syncing: false,
  submit: async () => 'queued',
  queue: async () => undefined,
  discard: async () => undefined,
  flush: async () => undefined,
  subscribe: () => () => undefined,
});

export function OutboxProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [online, setOnline] = useState(() => navigator.onLine);
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  const [syncing, setSyncing] = useState(false);
  const flushing = useRef<Promise<void> | undefined>(undefined);
  const again = useRef(false);
  const listeners = useRef(new Set<(outcome: FlushOutcome) => void>());

  const reload = useCallback(async () => {
    const all = await listOutbox().catch(() => []);
    setEntries(all);
  }, []);

  const flush = useCallback(async () => {
    // One flush at a time: two overlapping flushes could send an entry twice.
    // A flush asked for while one runs runs right after it, for writes queued meanwhile.
    if (flushing.current) {
      again.current = true;
      return flushing.current;
    }
    flushing.current = (async () => {
      setSyncing(true);
      try {
        do {
          again.current = false;
          const result = await flushOutbox();
          for (const outcome of result.outcomes) listeners.current.forEach((listener) => listener(outcome));
          if (result.sent > 0) await queryClient.invalidateQueries();
          if (result.offline) break;
        } while (again.current && navigator.onLine);
      } finally {
        setSyncing(false);
        flushing.current = undefined;
        await reload();
      }
    })();
    return flushing.current;
  }, [queryClient, reload]);

  useEffect(() => {
    let live = true;
    void listOutbox()
      .catch(() => [])
      .then((all) => {
        if (!live) return;
        setEntries(all);
        if (navigator.onLine && all.length > 0) return flush();
      });
    const goOnline = () => {
      setOnline(true);
      void flush();
    };
    const goOffline = () => setOnline(false);
    window.addEventListener('online', goOnline);
    window.addEventListener('offline', goOffline);
    return () => {
      live = false;
      window.removeEventListener('online', goOnline);
      window.removeEventListener('offline', goOffline);
    };
  }, [flush]);

  const submit = useCallback<OutboxValue['submit']>(
    async (entry) => {
      if (navigator.onLine) {
        try {
          await apiResponse(entry.path, { method: entry.method, body: entry.body, headers: { 'idempotency-key': entry.id } });
          return 'sent';
        } catch (error) {
          if (!(ApiError.isInstance(error) && error.status === 0)) throw error;
        }
      }
      await enqueue(entry);
      await reload();
      return 'queued';
    },
    [reload],
  );

  const queue = useCallback<OutboxValue['queue']>(
    async (entry) => {
      await enqueue(entry);
      await reload();
      if (navigator.onLine) void flush();
    },
    [flush, reload],
  );

  const discard = useCallback<OutboxValue['discard']>(
    async (id) => {
      await removeEntry(id);
      await reload();
    },
    [reload],
  );

  const subscribe = useCallback<OutboxValue['subscribe']>((listener) => {
    const set = listeners.current;
    set.add(listener);
    return () => void set.delete(listener);
  }, []);

  const value = useMemo(
    () => ({ online, pending: entries.length, entries, syncing, submit, queue, discard, flush, subscribe }),
    [online, entries, syncing, submit, queue, discard, flush, subscribe],
  );
  return <OutboxContext.Provider value={value}>{children}</OutboxContext.Provider>;
}

export function useOutbox(): OutboxValue {
  return useContext(OutboxContext);
}
