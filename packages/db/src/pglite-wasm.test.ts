import { describe, expect, it } from 'vitest';
import { openPglite } from './pglite.ts';
import { desktopPgliteWasm } from './pglite-wasm.ts';

describe('desktopPgliteWasm', () => {
  it('compiles PGlite once per process, and every database opened from it is its own', async () => {
    const module = await desktopPgliteWasm();
    expect(module).toBeInstanceOf(WebAssembly.Module);
    expect(await desktopPgliteWasm()).toBe(module);
    const a = await openPglite(undefined, { wasmModule: module });
    const b = await openPglite(undefined, { wasmModule: module });
    try {
      await a.exec('CREATE TABLE only_in_a (n int); INSERT INTO only_in_a VALUES (7)');
      expect(await a.query<{ n: number }>('SELECT n FROM only_in_a')).toEqual([{ n: 7 }]);
      expect(await b.query<{ t: string | null }>("SELECT to_regclass('only_in_a')::text AS t")).toEqual([{ t: null }]);
    } finally {
      await a.close();
      await b.close();
    }
  }, 60_000);
});
