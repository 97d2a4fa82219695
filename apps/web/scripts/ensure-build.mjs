// Builds the web UI when apps/web/dist is missing or older than its sources.
// Used by `npm start` (scripts/start.mjs) and the end-to-end tests.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_DIR = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', 'tsconfig.json', 'scripts/ensure-build.mjs'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when dist/index.html is missing or any source file is newer than it. */
export function webBuildIsStale() {
  const built = join(WEB_DIR, 'dist', 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return SOURCES.some((source) => newestMtime(join(WEB_DIR, source)) > builtAt);
}

/** Runs `vite build` for apps/web when needed; returns whether it built. Throws when the build fails. */
export function ensureWebBuild({ log = console.log } = {}) {
  if (!webBuildIsStale()) return false;
  log('创流：正在构建网页界面（首次启动或界面代码有更新）… / Building the web UI…');
  const require = createRequire(join(WEB_DIR, 'package.json'));
  const viteBin = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  // Always the production build: a caller's NODE_ENV (vitest sets `test`) would otherwise give React's
  // development build and an app without its service worker (import.meta.env.PROD false) — not what users get.
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], { cwd: WEB_DIR, stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`Building the web UI failed (vite exit code ${result.status}). Run \`npm run build:web\` to see the error.`);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    ensureWebBuild();
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
