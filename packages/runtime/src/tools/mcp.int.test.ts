import { existsSync, mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { executeRun, LayeredTools, MemoryRunStore, parseGraph, systemClock, ToolRegistry } from '@creatorflow/core';
import { fixtureServer } from '../testing/mcp-fixture.ts';
import { McpTools } from './mcp.ts';

const FIXTURE = fileURLToPath(new URL('../testing/mcp-fixture.ts', import.meta.url));
const LOCAL = { mode: 'local', stdioAllow: [] } as const;
const ctx = { workspaceId: 'ws', runtime: 'local' as const, signal: new AbortController().signal };
let http: Server;
let url = '';

beforeAll(async () => {
  http = createServer(async (req, res) => {
    // Stateless streamable HTTP: a fresh server and transport per request.
    const server = fixtureServer();
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    res.on('close', () => void transport.close().then(() => server.close()));
    await server.connect(transport);
    await transport.handleRequest(req, res);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(http.address() as { port: number }).port}/mcp`;
});
afterAll(() => new Promise<void>((resolve) => http.close(() => resolve())));

describe('MCP tools', () => {
  it('calls tools of a stdio server and of a streamable HTTP server', { timeout: 120_000 }, async () => {
    const mcp = await McpTools.connect([
      { name: 'local', transport: 'stdio', command: process.execPath, args: ['--import', 'tsx', FIXTURE] },
      { name: 'remote', transport: 'http', url },
    ], { policy: LOCAL });
    try {
      expect(mcp.registry.names()).toEqual(['mcp.local.env', 'mcp.local.fail', 'mcp.local.shout', 'mcp.remote.env', 'mcp.remote.fail', 'mcp.remote.shout']);
      for (const name of ['mcp.local.shout', 'mcp.remote.shout']) {
        const r = mcp.registry.resolve(name, 'local');
        if (!r.ok) throw new Error(r.reason);
        expect(r.tool.spec.parameters).toMatchObject({ type: 'object', properties: { text: { type: 'string' } } });
        expect(await r.tool.invoke({ text: 'hi 你好' }, ctx)).toBe('HI 你好');
      }
      const failing = mcp.registry.resolve('mcp.remote.fail', 'local');
      await expect(failing.ok && failing.tool.invoke({}, ctx)).rejects.toThrow(/MCP tool remote.fail failed: nope/);

      const graph = parseGraph('version: 1\nname: m\nstart: a\nnodes:\n  a: { type: tool, tool: mcp.local.shout, args: { text: abc }, output: r }\n').graph;
      const outcome = await executeRun(
        { store: new MemoryRunStore(), tools: new LayeredTools(mcp.registry, new ToolRegistry()), clock: systemClock, runtime: 'local' },
        { id: 'run-mcp', traceId: 'tr', workspaceId: 'ws', graph, inputs: {}, lastSeq: 0 },
        new AbortController().signal,
      );
      expect(outcome.output).toEqual({ r: 'ABC' });
    } finally {
      await mcp.close();
    }
  });

  it('names the unreachable server when its tools are used', async () => {
    const mcp = await McpTools.connect([{ name: 'gone', transport: 'http', url: 'http://127.0.0.1:9/mcp' }], { policy: LOCAL, wanted: ['mcp.gone.search'], timeoutMs: 3000 });
    const r = mcp.registry.resolve('mcp.gone.search', 'local');
    expect(!r.ok && r.reason).toMatch(/MCP server 'gone' is unreachable/);
    await mcp.close();
  });

  it('starts a stdio server without the server\'s own environment', { timeout: 120_000 }, async () => {
    const secrets = { CREATORFLOW_JWT_SECRET: 'jwt-secret-for-the-test', CREATORFLOW_SECRET_KEY: 'secret-key', DATABASE_URL: 'postgres://x', OPENAI_API_KEY: 'sk-test' };
    const saved = Object.fromEntries(Object.keys(secrets).map((k) => [k, process.env[k]]));
    Object.assign(process.env, secrets);
    // tsx needs its loader flags, which it passes through NODE_OPTIONS-free argv; PATH is enough for node itself.
    const mcp = await McpTools.connect([{ name: 'local', transport: 'stdio', command: process.execPath, args: ['--import', 'tsx', FIXTURE] }], { policy: LOCAL });
    try {
      const r = mcp.registry.resolve('mcp.local.env', 'local');
      if (!r.ok) throw new Error(r.reason);
      const names = String(await r.tool.invoke({}, ctx)).split(',');
      expect(names).toContain('PATH');
      for (const name of Object.keys(secrets)) expect(names).not.toContain(name);
      expect(names.filter((n) => /SECRET|TOKEN|KEY|PASSWORD|DATABASE|REDIS/i.test(n))).toEqual([]);
    } finally {
      await mcp.close();
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
    }
  });

  it('in cloud mode never spawns a stdio command the operator did not allow', async () => {
    const marker = join(mkdtempSync(join(tmpdir(), 'cf-mcp-')), 'spawned');
    const command = { command: process.execPath, args: ['-e', `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x')`] };
    const mcp = await McpTools.connect([{ name: 'evil', transport: 'stdio', ...command }], {
      policy: { mode: 'cloud', stdioAllow: [`${process.execPath} --import tsx ${FIXTURE}`] },
      wanted: ['mcp.evil.run'],
      timeoutMs: 3000,
    });
    try {
      const r = mcp.registry.resolve('mcp.evil.run', 'cloud');
      expect(!r.ok && r.reason).toMatch(/may not be started: .*CREATORFLOW_MCP_STDIO_ALLOW/);
      expect(existsSync(marker)).toBe(false);
    } finally {
      await mcp.close();
    }
  });

  it('in cloud mode runs a stdio command line the operator allowed exactly', { timeout: 120_000 }, async () => {
    const args = ['--import', 'tsx', FIXTURE];
    const mcp = await McpTools.connect([{ name: 'allowed', transport: 'stdio', command: process.execPath, args }], {
      policy: { mode: 'cloud', stdioAllow: [[process.execPath, ...args].join(' ')] },
    });
    try {
      const r = mcp.registry.resolve('mcp.allowed.shout', 'cloud');
      if (!r.ok) throw new Error(r.reason);
      expect(await r.tool.invoke({ text: 'ok' }, { ...ctx, runtime: 'cloud' })).toBe('OK');
    } finally {
      await mcp.close();
    }
  });
});
