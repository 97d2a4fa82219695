#!/usr/bin/env node
// The `creatorflow` command (`npx creatorflow …` in a checkout). It runs the CLI compiled
// to JavaScript (scripts/build-server.mjs, decision 0004), compiling first when a source
// file is newer than the build; a JavaScript entry rather than a shell script, so Node
// resolves npm's bin symlink to this file and the import below finds the build wherever
// the link lives. `npm run dev` runs the TypeScript sources in watch mode instead.
import { CLI_ENTRY, ensureServerBuild } from '../../../scripts/build-server.mjs';

try {
  // Said only to a person at a terminal: scripts and `--json` readers get the command's own output alone.
  await ensureServerBuild({ log: process.stderr.isTTY ? console.error : () => {} });
} catch (error) {
  process.stderr.write(`创流：编译失败 / Compiling CreatorFlow failed:\n${error.message}\n`);
  process.exit(1);
}
// Stack traces point at the TypeScript sources.
process.setSourceMapsEnabled(true);
await import(CLI_ENTRY);
