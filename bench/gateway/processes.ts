import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A benchmark child process and what it reported once ready (its URL, the gateway key). */
export interface BenchChild {
  child: ChildProcess;
  info: Record<string, string>;
}

/** Forks one of this folder's servers and waits for its first message. */
function start(file: string, args: string[], execArgv: string[]): Promise<BenchChild> {
  const child = fork(fileURLToPath(new URL(file, import.meta.url)), args, { execArgv: ['--import', 'tsx', ...execArgv], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (info) => resolve({ child, info: info as Record<string, string> }));
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code}`)));
  });
}

/**
 * The three servers the gateway benchmarks compare, each alone on its event loop:
 * the fake upstream, the CreatorFlow gateway in front of it, and a bare Node proxy
 * in front of it. `gatewayArgv` adds Node flags to the gateway only (GC, profiling).
 */
export async function startServers(gatewayArgv: string[] = []): Promise<{ fake: BenchChild; gateway: BenchChild; bare: BenchChild; stop(): void }> {
  const fake = await start('./fake-server.ts', [], []);
  const gateway = await start('./gateway-server.ts', [fake.info.url!], gatewayArgv);
  const bare = await start('./bare-proxy.ts', [fake.info.url!], []);
  return { fake, gateway, bare, stop: () => [gateway, bare, fake].forEach((c) => c.child.disconnect()) };
}

/** The OpenAI chat/completions body every benchmark request sends. */
export const chatBody = (stream: boolean, model: string): string =>
  JSON.stringify({ model, stream, ...(stream ? { stream_options: { include_usage: true } } : {}), messages: [{ role: 'user', content: 'Write a short title about spring tea for Xiaohongshu' }] });
