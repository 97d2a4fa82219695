// `npm start`: local mode. Arguments after `--` go to `creatorflow start`.
// Builds the web UI first when apps/web/dist is missing or older than its sources.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureWebBuild } from '../apps/web/scripts/ensure-build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
try {
  ensureWebBuild();
} catch (error) {
  // The API still works without the UI; say how to get the UI back.
  console.error(`${error.message}\n创流将在没有网页界面的情况下启动。/ Starting without the web UI.`);
}
const child = spawn(
  process.execPath,
  ['--import', 'tsx', 'apps/cli/src/main.ts', 'start', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
