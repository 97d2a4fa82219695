// Compiles the server, the CLI and the packages they use from TypeScript to JavaScript,
// so `npm start` and the `creatorflow` command run built code instead of transpiling
// every module at start-up through tsx (decision 0004). Used by scripts/start.mjs and
// apps/cli/bin/creatorflow.mjs; `node scripts/build-server.mjs` builds by hand.
//
// One output file per source file (no bundling), in `<package>/dist/` beside `src/`:
// modules find their data (migrations, flows, themes, graphs) relative to
// `import.meta.url`, and `dist/` sits at the same depth as `src/`, so those paths hold
// once the non-TypeScript files under `src/` are copied across. Imports are rewritten
// on the way: `./x.ts` → `./x.js`, and `@creatorflow/<pkg>[/sub]` → a relative path
// into that package's `dist/`, so the built code never needs a TypeScript loader or
// custom export conditions. Source maps point stack traces at the TypeScript.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Workspaces the running product needs (the web UI is built by vite; `testing` is for tests only). */
const BUILT = ['packages', 'apps/server', 'apps/cli'];
const STAMP = join(ROOT, 'apps', 'cli', 'dist', '.build-stamp.json');
/** Bumped when this script's output changes shape, so an old dist/ is rebuilt. */
const FORMAT = 1;

function isTestFile(name) {
  return /\.(test|int\.test)\.ts$/.test(name) || name.endsWith('.d.ts');
}

/** The workspace packages that are built: name → directory. */
export function builtWorkspaces() {
  const dirs = [];
  for (const entry of BUILT) {
    const abs = join(ROOT, entry);
    if (existsSync(join(abs, 'package.json'))) dirs.push(abs);
    else for (const child of readdirSync(abs)) if (existsSync(join(abs, child, 'package.json'))) dirs.push(join(abs, child));
  }
  const byName = new Map();
  for (const dir of dirs) {
    const { name } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    if (existsSync(join(dir, 'src'))) byName.set(name, dir);
  }
  return byName;
}

/** Source files under `dir`, skipping tests and test helpers (`src/testing/`). */
function walk(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'testing' || entry.name === 'node_modules' || entry.name === '__snapshots__') continue;
      walk(path, out);
    } else if (!isTestFile(entry.name)) out.push(path);
  }
  return out;
}

function newestMtime(files) {
  let newest = 0;
  for (const file of files) newest = Math.max(newest, statSync(file).mtimeMs);
  return newest;
}

function sourceFiles(workspaces) {
  const files = [];
  for (const dir of workspaces.values()) files.push(...walk(join(dir, 'src')), join(dir, 'package.json'));
  files.push(fileURLToPath(import.meta.url), join(ROOT, 'package-lock.json'));
  return files.filter((f) => existsSync(f));
}

/** True when the built code is missing, from another version of this script, or older than a source file. */
export function serverBuildIsStale(workspaces = builtWorkspaces()) {
  if (!existsSync(STAMP)) return true;
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(STAMP, 'utf8'));
  } catch {
    return true;
  }
  if (stamp.format !== FORMAT) return true;
  const files = sourceFiles(workspaces);
  if (files.length !== stamp.files) return true; // a source file was deleted or added
  return newestMtime(files) > stamp.builtAt;
}

/** esbuild plugin: every import stays external, with TypeScript and workspace specifiers rewritten. */
function rewriteImports(workspaces) {
  return {
    name: 'creatorflow-rewrite-imports',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        const importer = args.importer;
        const outOf = (sourcePath) => {
          // `<pkg>/src/a/b.ts` is built to `<pkg>/dist/a/b.js`.
          for (const dir of workspaces.values()) {
            const src = join(dir, 'src') + sep;
            if (sourcePath.startsWith(src)) return join(dir, 'dist', sourcePath.slice(src.length)).replace(/\.ts$/, '.js');
          }
          return undefined;
        };
        const fromOut = outOf(importer);
        if (!fromOut) return undefined;
        const relativeTo = (target) => {
          let rel = relative(dirname(fromOut), target).split(sep).join('/');
          if (!rel.startsWith('.')) rel = `./${rel}`;
          return { path: rel, external: true };
        };
        if (args.path.startsWith('.')) {
          const target = join(dirname(importer), args.path);
          if (target.endsWith('.ts')) {
            const out = outOf(target);
            if (!out) throw new Error(`${relative(ROOT, importer)} imports ${args.path}, outside the built workspaces`);
            return relativeTo(out);
          }
          return { path: args.path, external: true };
        }
        const match = /^(@creatorflow\/[^/]+)(\/.*)?$/.exec(args.path);
        if (match) {
          const dir = workspaces.get(match[1]);
          if (!dir) throw new Error(`${relative(ROOT, importer)} imports ${args.path}, which is not part of the running product (tests only?)`);
          const sub = match[2] ? `${match[2].slice(1)}.js` : 'index.js';
          return relativeTo(join(dir, 'dist', sub));
        }
        return { path: args.path, external: true };
      });
    },
  };
}

const LOCK = join(ROOT, 'apps', 'cli', '.build-lock');
/** A lock older than this was left by a build that died; builds take seconds. */
const STALE_LOCK_MS = 120_000;

/**
 * One build at a time across processes (parallel test workers, two terminals): mkdir is
 * atomic, so whoever creates the lock builds and the others wait, then find it fresh.
 */
async function withBuildLock(fn) {
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // the other build just finished
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Builds when needed; returns whether it built. Throws (with esbuild's messages) when the build fails. */
export async function ensureServerBuild({ log = console.error, force = false } = {}) {
  const workspaces = builtWorkspaces();
  if (!force && !serverBuildIsStale(workspaces)) return false;
  return withBuildLock(async () => {
    if (!force && !serverBuildIsStale(workspaces)) return false; // another process built it while we waited
    await build(workspaces, log);
    return true;
  });
}

async function build(workspaces, log) {
  log('创流：正在编译服务端（首次启动或代码有更新）… / Compiling the server…');
  const require = createRequire(join(ROOT, 'package.json'));
  const esbuild = await import(require.resolve('esbuild'));
  const files = sourceFiles(workspaces);
  const started = Date.now();
  for (const dir of workspaces.values()) {
    const src = join(dir, 'src');
    // Written over in place, never emptied first: a running server loads modules lazily and must not find them gone.
    const dist = join(dir, 'dist');
    const sources = walk(src);
    const entryPoints = sources.filter((f) => f.endsWith('.ts'));
    await esbuild.build({
      entryPoints,
      outbase: src,
      outdir: dist,
      bundle: true, // with every import external (the plugin): bundling only to let the plugin rewrite specifiers
      platform: 'node',
      format: 'esm',
      target: 'node20.19',
      sourcemap: 'linked',
      sourcesContent: false,
      logLevel: 'error',
      plugins: [rewriteImports(workspaces)],
    });
    for (const asset of sources.filter((f) => !f.endsWith('.ts'))) {
      const out = join(dist, relative(src, asset));
      mkdirSync(dirname(out), { recursive: true });
      copyFileSync(asset, out);
    }
  }
  mkdirSync(dirname(STAMP), { recursive: true });
  writeFileSync(STAMP, JSON.stringify({ format: FORMAT, builtAt: started, files: files.length }));
  log(`创流：编译完成（${((Date.now() - started) / 1000).toFixed(1)} 秒）/ Compiled in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** The built CLI entry. */
export const CLI_ENTRY = join(ROOT, 'apps', 'cli', 'dist', 'main.js');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    await ensureServerBuild({ force: process.argv.includes('--force') });
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
