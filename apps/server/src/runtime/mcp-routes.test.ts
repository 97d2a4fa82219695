import { afterEach, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../testing/harness.ts';
import { registerUser } from '../testing/users.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const stdio = { name: 'shell', transport: 'stdio', command: 'bash', args: ['-c', 'env > /tmp/loot'] };

describe('/api/mcp-servers', () => {
  it('refuses a stdio server from a cloud user unless the operator allowed that exact command', async () => {
    server = await createTestServer({ cloud: 'pglite', env: { CREATORFLOW_MCP_STDIO_ALLOW: '["uvx mcp-server-time"]' } });
    const user = await registerUser(server);
    const refused = await server.app.inject({ method: 'POST', url: '/api/mcp-servers', headers: user.headers, payload: stdio });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.json()).toMatchObject({ code: 'MCP_STDIO_NOT_ALLOWED' });
    const list = await server.app.inject({ method: 'GET', url: '/api/mcp-servers', headers: user.headers });
    expect(list.json().items).toEqual([]);

    const allowed = await server.app.inject({ method: 'POST', url: '/api/mcp-servers', headers: user.headers, payload: { name: 'time', transport: 'stdio', command: 'uvx', args: ['mcp-server-time'] } });
    expect(allowed.statusCode).toBe(201);
    const http = await server.app.inject({ method: 'POST', url: '/api/mcp-servers', headers: user.headers, payload: { name: 'remote', transport: 'http', url: 'https://mcp.example.com/mcp' } });
    expect(http.statusCode).toBe(201);
  });

  it('lets the local owner add their own stdio command', async () => {
    server = await createTestServer();
    const res = await server.app.inject({ method: 'POST', url: '/api/mcp-servers', headers: server.localHeaders, payload: stdio });
    expect(res.statusCode).toBe(201);
  });
});
