import { createRequire } from 'node:module';
import { onFirstUse } from '@creatorflow/core';

// The AI SDK (~20 MB resident, a second to load) loads with the first tool loop, not at
// start-up. CommonJS through require, so the prompt conversion stays synchronous.
const require = createRequire(import.meta.url);

export const aiModule = onFirstUse(() => require('ai') as typeof import('ai'));
