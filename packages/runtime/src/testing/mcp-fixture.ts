// A tiny MCP server for tests: `shout` upper-cases text, `env` names the variables it was started with. Served over stdio when run as a script.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';

export function fixtureServer(): McpServer {
  const server = new McpServer({ name: 'fixture', version: '1.0.0' });
  server.registerTool('shout', { description: 'Upper-cases text', inputSchema: { text: z.string() } }, async ({ text }) => ({ content: [{ type: 'text', text: text.toUpperCase() }] }));
  // Which environment variable names the process sees: MCP children must not see the server's secrets.
  server.registerTool('env', { description: 'Lists environment variable names', inputSchema: {} }, async () => ({ content: [{ type: 'text', text: Object.keys(process.env).sort().join(',') }] }));
  server.registerTool('fail', { description: 'Always fails', inputSchema: {} }, async () => ({ isError: true, content: [{ type: 'text', text: 'nope' }] }));
  return server;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  await fixtureServer().connect(new StdioServerTransport());
}
