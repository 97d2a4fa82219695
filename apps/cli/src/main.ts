#!/usr/bin/env node
import { CreatorFlowError } from '@creatorflow/core';
import { buildProgram } from './program.ts';

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
