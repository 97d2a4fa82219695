import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EchoRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface EchoUpstream {
  url: string;
  requests: EchoRequest[];
  /** Everything the upstream was sent, as one text (to prove a secret really went out). */
  seen(): string;
  close(): Promise<void>;
}

/**
 * The most hostile upstream a feature can meet: every request fails, and the
 * error body quotes back everything it was sent — the URL with its query,
 * every header (Authorization, X-Api-Key, cookies) and the body. Whatever
 * credential a feature sends ends up in the answer it must then handle.
 */
export async function startEchoUpstream(): Promise<EchoUpstream> {
  const requests: EchoRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const entry = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(entry);
      const echoed = `rejected ${entry.method} ${entry.url} headers=${JSON.stringify(entry.headers)} body=${entry.body}`;
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: echoed, type: 'invalid_request_error', code: 'invalid_api_key' }, message: echoed, msg: echoed, errmsg: echoed, detail: echoed }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    seen: () => requests.map((r) => `${r.url} ${JSON.stringify(r.headers)} ${r.body}`).join('\n'),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
