import { Pool } from 'undici';

export interface LoadResult {
  count: number;
  seconds: number;
  /** Per-request time to the last byte, milliseconds, sorted. */
  latencies: Float64Array;
  errors: number;
}

export const percentile = (sorted: Float64Array, p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** Sends `count` requests with `concurrency` in flight, each read to its last byte. */
export async function runLoad(base: string, path: string, headers: Record<string, string>, body: string, count: number, concurrency: number): Promise<LoadResult> {
  const pool = new Pool(base, { connections: concurrency, pipelining: 1, keepAliveTimeout: 60_000 });
  const latencies = new Float64Array(count);
  let next = 0;
  let errors = 0;
  const started = performance.now();
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= count) return;
      const t0 = performance.now();
      try {
        const response = await pool.request({ path, method: 'POST', headers, body });
        await response.body.text();
        if (response.statusCode !== 200) errors++;
      } catch {
        errors++;
      }
      latencies[i] = performance.now() - t0;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  latencies.sort();
  return { count, seconds, latencies, errors };
}
