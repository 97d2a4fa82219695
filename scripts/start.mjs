// `npm start`: local mode. Arguments after `--` go to `creatorflow start`.
// Builds the web UI and compiles the server first when they are missing or older than
// their sources, then runs the compiled CLI in this same process (one process, no loader).
import { ensureWebBuild } from '../apps/web/scripts/ensure-build.mjs';
import { CLI_ENTRY, ensureServerBuild } from './build-server.mjs';

try {
  ensureWebBuild();
} catch (error) {
  // The API still works without the UI; say how to get the UI back.
  console.error(`${error.message}\n创流将在没有网页界面的情况下启动。/ Starting without the web UI.`);
}
try {
  await ensureServerBuild();
} catch (error) {
  console.error(`创流：编译失败 / Compiling CreatorFlow failed:\n${error.message}`);
  process.exit(1);
}
process.setSourceMapsEnabled(true);
process.argv = [process.argv[0], 'creatorflow', 'start', ...process.argv.slice(2)];
await import(CLI_ENTRY);
