import { useCallback, useState } from 'react';

/**
 * The state of a form's one submit action: `run(work)` marks it busy, clears the
 * previous error, and keeps the error `work` throws for the form to show.
 */
export function useSubmitting() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const run = useCallback(async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}
