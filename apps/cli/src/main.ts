#!/usr/bin/env node
// `creatorflow start` compiles PGlite's WebAssembly on V8's background threads while the
// main thread loads the rest of the CLI (~750 modules, most of a later start's time), so
// the CLI itself is imported dynamically, after that has begun (packages/db/src/pglite-wasm.ts).
if (process.argv[2] === 'start') void (await import('@creatorflow/db/pglite-wasm')).desktopPgliteWasm();
const { CreatorFlowError } = await import('@creatorflow/core');
const { buildProgram } = await import('./program.ts');
export {};

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  if (CreatorFlowError.isInstance(error)) {
    const trace = error.details?.trace_id ? ` (trace ${String(error.details.trace_id)})` : '';
    process.stderr.write(`error [${error.code}]${trace}: ${error.message}\n`);
  } else {
    process.stderr.write(`error: ${(error as Error).stack ?? String(error)}\n`);
  }
  process.exit(typeof process.exitCode === 'number' && process.exitCode > 1 ? process.exitCode : 1);
}
