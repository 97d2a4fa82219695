// The floor for "a process that answers /api/health": node + tsx + node:http, nothing of CreatorFlow.
import { createServer } from 'node:http';

const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end('{"status":"ok"}');
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`  API:    http://127.0.0.1:${port}/api\n`);
});
process.on('SIGINT', () => server.close(() => process.exit(0)));
