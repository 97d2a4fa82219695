import { runLoad } from './load.ts';
import { chatBody, startServers } from './processes.ts';

/**
 * A CPU profile of the gateway under load (50 clients, BENCH_STREAM=1 for streams), written
 * to BENCH_PROFILE_DIR (default /tmp/cf-bench-prof) when the gateway exits; open it in
 * Chrome's DevTools or summarise it by package. Usage: `npx tsx bench/gateway/profile.ts`.
 */
const dir = process.env.BENCH_PROFILE_DIR ?? '/tmp/cf-bench-prof';
const requests = Number(process.env.BENCH_REQUESTS ?? 20_000);
const stream = process.env.BENCH_STREAM === '1';
const servers = await startServers(['--cpu-prof', `--cpu-prof-dir=${dir}`]);
const { gateway } = servers;
const headers = { 'content-type': 'application/json', authorization: `Bearer ${gateway.info.key}` };
await runLoad(gateway.info.url!, '/v1/chat/completions', headers, chatBody(stream, 'bench'), 2000, 50);
const result = await runLoad(gateway.info.url!, '/v1/chat/completions', headers, chatBody(stream, 'bench'), requests, 50);
process.stdout.write(`${result.count} requests, ${(result.count / result.seconds).toFixed(0)} req/s, ${result.errors} errors; profile in ${dir}\n`);
const exited = new Promise((resolve) => gateway.child.once('exit', resolve));
servers.stop();
await exited;
