/**
 * Loads a module (or anything expensive) on first use instead of at start-up.
 *
 * Local mode is a desktop process that runs all day: Playwright, the AWS SDK,
 * document parsers, spreadsheet writers and the like cost tens of megabytes and
 * seconds of start-up each, while most sessions never touch most of them
 * (docs/benchmarks.md, "What start-up loads"). Call sites keep a typed handle:
 *
 *   const playwright = lazy(() => import('playwright-core'));
 *   const { chromium } = await playwright();
 *
 * A failed load is not cached, so a transient failure can be retried.
 */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

/**
 * The synchronous twin of {@link lazy}, for CommonJS modules that synchronous
 * code needs (a parser called from a pure function):
 *
 *   const require = createRequire(import.meta.url);
 *   const linkedom = onFirstUse(() => require('linkedom') as typeof import('linkedom'));
 *   linkedom().parseHTML(html);
 */
export function onFirstUse<T>(load: () => T): () => T {
  let loaded = false;
  let value: T;
  return () => {
    if (!loaded) {
      value = load();
      loaded = true;
    }
    return value;
  };
}
