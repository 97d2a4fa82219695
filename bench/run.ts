// `npm run bench -- <name> [args…]` runs bench/<name>/run.ts; without a name it lists them.
// Each benchmark prints ratios against a baseline measured in the same run (see docs/benchmarks.md).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const available = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(`${root}${entry.name}/run.ts`))
  .map((entry) => entry.name)
  .sort();

const [name, ...args] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  process.stderr.write(
    `${name ? `unknown benchmark '${name}'. ` : ''}Usage: npm run bench -- <name> [args…]\nAvailable: ${available.join(', ')}\n`,
  );
  process.exit(name ? 2 : 0);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', `${root}${name}/run.ts`, ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
