import { createRequire } from 'node:module';
import { onFirstUse } from '@creatorflow/core';

// Libraries the formatters and renderers need, loaded on first use instead of at start-up
// (docs/benchmarks.md, "What start-up loads"): cheerio and juice ~50 MB resident together,
// resvg a native module. All are CommonJS, so a synchronous require keeps callers synchronous.
const require = createRequire(import.meta.url);

export const cheerio = onFirstUse(() => require('cheerio') as typeof import('cheerio'));
export const juice = onFirstUse(() => require('juice') as typeof import('juice'));
export const resvg = onFirstUse(() => require('@resvg/resvg-js') as typeof import('@resvg/resvg-js'));
