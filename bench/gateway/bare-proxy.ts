import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';

/**
 * Child process of the gateway benchmark: the least a proxy can do (read the body, send it
 * upstream with undici, stream the answer back), with no auth, limits, routing, translation
 * or usage. It shows how much of the gap between "direct" and "gateway" any proxy in Node
 * pays on this machine, and so how much is the gateway's own.
 */
const upstream = new Pool(process.argv[2]!, { connections: 256, keepAliveTimeout: 60_000 });
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    upstream
      .request({ path: req.url ?? '/', method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.concat(chunks) })
      .then(async (answer) => {
        res.writeHead(answer.statusCode, { 'content-type': String(answer.headers['content-type'] ?? 'application/json') });
        for await (const chunk of answer.body) res.write(chunk);
        res.end();
      })
      .catch(() => {
        res.writeHead(502).end();
      });
  });
});
server.listen(0, '127.0.0.1', () => process.send?.({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
process.on('disconnect', () => {
  server.close();
  void upstream.close().then(() => process.exit(0));
});
