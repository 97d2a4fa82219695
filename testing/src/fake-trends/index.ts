import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { changedShape, SHAPES, type ReplicaAnswer } from './shapes.ts';

export { STORIES, VARIANTS, titles } from './stories.ts';
export { SHAPES } from './shapes.ts';

/**
 * A replica of the hot-list endpoints the trend sources call. A request for
 * `https://<host>/<path>` reaches it as `http://127.0.0.1:<port>/<host>/<path>`
 * through `fetchPort()`. Per host it can answer the real shape, or broken
 * (500), empty, slow, 403, or a changed shape; every request is counted.
 */
export type ReplicaMode = 'ok' | 'broken' | 'empty' | 'slow' | 'forbidden' | 'changed';

export interface FakeTrends {
  url: string;
  /** How a host answers from now on (default ok). */
  setMode(host: string, mode: ReplicaMode): void;
  /** Items per list (default 20) and the offset into the story pool (shifts ranks between refreshes). */
  setList(count: number, offset?: number): void;
  /** Requests received per host + path. */
  hits(host?: string): number;
  /** Headers of the last request to a host. */
  lastHeaders(host: string): Record<string, string | string[] | undefined> | undefined;
  /** A fetch that sends every https://host/path to the replica. */
  fetchPort(): { fetch(url: string, init?: RequestInit): Promise<Response> };
  close(): Promise<void>;
}

function route(host: string, path: string): string | undefined {
  const exact = `${host}${path}`;
  if (SHAPES[exact]) return exact;
  // ranking/v2 before ranking: longest matching key wins.
  return Object.keys(SHAPES).filter((k) => exact.startsWith(k)).sort((a, b) => b.length - a.length)[0];
}

export async function startFakeTrends(): Promise<FakeTrends> {
  const modes = new Map<string, ReplicaMode>();
  const hits = new Map<string, number>();
  const headers = new Map<string, IncomingMessage['headers']>();
  let count = 20;
  let offset = 0;
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://replica');
    const [, host = '', ...rest] = url.pathname.split('/');
    const path = `/${rest.join('/')}`;
    hits.set(host, (hits.get(host) ?? 0) + 1);
    headers.set(host, req.headers);
    req.resume();
    const mode = modes.get(host) ?? 'ok';
    const send = (status: number, answer: ReplicaAnswer) => {
      res.writeHead(status, { 'content-type': answer.type, ...answer.headers });
      res.end(answer.body);
    };
    if (mode === 'broken') return send(500, { type: 'text/plain', body: 'internal error' });
    if (mode === 'forbidden') return send(403, { type: 'text/html', body: '<html>访问过于频繁</html>' });
    if (mode === 'changed') return send(200, changedShape());
    const key = route(host, path);
    if (!key) return send(404, { type: 'text/plain', body: `no replica for ${host}${path}` });
    const answer = SHAPES[key]!(mode === 'empty' ? 0 : count, offset);
    if (mode === 'slow') {
      const timer = setTimeout(() => send(200, answer), 5_000);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    send(200, answer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    setMode: (host, mode) => void modes.set(host, mode),
    setList: (n, o = 0) => {
      count = n;
      offset = o;
    },
    hits: (host) => (host ? hits.get(host) ?? 0 : [...hits.values()].reduce((a, b) => a + b, 0)),
    lastHeaders: (host) => headers.get(host),
    fetchPort: () => ({
      fetch: (raw: string, init?: RequestInit) => {
        const target = new URL(raw);
        return fetch(`${base}/${target.host}${target.pathname}${target.search}`, init);
      },
    }),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
