import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { apiResponse } from '../api/client.ts';
import { ApiError } from '../api/errors.ts';
import { enqueue, flushOutbox, listOutbox, type OutboxEntry } from './outbox.ts';

interface OutboxValue {
  online: boolean;
  pending: number;
  entries: OutboxEntry[];
  syncing: boolean;
  /**
   * Sends a write now when online; keeps it in the outbox when offline or
   * when the network fails. Resolves 'sent' or 'queued'.
   */
  submit(entry: Omit<OutboxEntry, 'createdAt' | 'attempts'>): Promise<'sent' | 'queued'>;
  flush(): Promise<void>;
}

const OutboxContext = createContext<OutboxValue>({
  online: true,
  pending: 0,
  entries: [],
  syncing: false,
  submit: async () => 'queued',
  flush: async () => undefined,
});

export function OutboxProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [online, setOnline] = useState(() => navigator.onLine);
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  const [syncing, setSyncing] = useState(false);
  const flushing = useRef<Promise<void> | undefined>(undefined);

  const reload = useCallback(async () => {
    setEntries(await listOutbox().catch(() => []));
  }, []);

  const flush = useCallback(async () => {
    // One flush at a time: two overlapping flushes could send an entry twice.
    flushing.current ??= (async () => {
      setSyncing(true);
      try {
        const result = await flushOutbox();
        if (result.sent > 0) await queryClient.invalidateQueries();
      } finally {
        setSyncing(false);
        flushing.current = undefined;
        await reload();
      }
    })();
    return flushing.current;
  }, [queryClient, reload]);

  useEffect(() => {
    void reload().then(() => (navigator.onLine ? flush() : undefined));
    const goOnline = () => {
      setOnline(true);
      void flush();
    };
    const goOffline = () => setOnline(false);
    window.addEventListener('online', goOnline);
    window.addEventListener('offline', goOffline);
    return () => {
      window.removeEventListener('online', goOnline);
      window.removeEventListener('offline', goOffline);
    };
  }, [flush, reload]);

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

  const value = useMemo(() => ({ online, pending: entries.length, entries, syncing, submit, flush }), [online, entries, syncing, submit, flush]);
  return <OutboxContext.Provider value={value}>{children}</OutboxContext.Provider>;
}

export function useOutbox(): OutboxValue {
  return useContext(OutboxContext);
}
