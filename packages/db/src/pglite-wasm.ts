import { readFile } from 'node:fs/promises';
import { setFlagsFromString } from 'node:v8';

/**
 * PGlite's WebAssembly (PostgreSQL, ~9 MB) compiled for a desktop: V8's baseline
 * compiler (Liftoff) only, once per process, started as early as the caller likes.
 *
 * Why Liftoff only: by default V8 also recompiles hot functions with its optimising
 * compiler (TurboFan) on background threads. PostgreSQL's start-up is hot code, so a
 * start triggers thousands of those compilations; their memory stays with the
 * process (~55 MB of an idle local server's RSS) and they compete for the CPU with
 * the start itself. Liftoff code runs CPU-bound SQL slower (an ILIKE scan over 20,000
 * documents ~2×, full-text search p50 ~1.3×), while bulk indexing got faster
 * because nothing is being recompiled meanwhile; docs/benchmarks.md has the figures.
 * The flag is process-wide and applies to modules compiled after it is set, so a
 * local-mode process sets it before its first PGlite (tests that open PGlite
 * directly keep V8's defaults).
 *
 * Why a separate module with no imports of PGlite: `creatorflow start` calls this
 * before it loads the rest of the CLI, so the compilation runs on V8's background
 * threads while the main thread loads ~750 modules.
 */
let compiled: Promise<WebAssembly.Module | undefined> | undefined;

export function desktopPgliteWasm(): Promise<WebAssembly.Module | undefined> {
  return (compiled ??= compile());
}

async function compile(): Promise<WebAssembly.Module | undefined> {
  setFlagsFromString('--liftoff-only');
  try {
    const wasm = new URL('./pglite.wasm', import.meta.resolve('@electric-sql/pglite'));
    return await WebAssembly.compile(await readFile(wasm));
  } catch {
    // PGlite then finds and compiles its WebAssembly itself, as it does by default.
    return undefined;
  }
}
