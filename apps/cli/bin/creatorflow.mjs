#!/usr/bin/env node
// The `creatorflow` command (`npx creatorflow …` in a checkout). The CLI runs from its
// TypeScript source through tsx (docs/decisions/0001). A JavaScript entry rather than a
// shell script: Node resolves npm's bin symlink to this file, so the import below finds
// the source wherever the link lives.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
