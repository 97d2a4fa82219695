import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { z } from 'zod';
import { CreatorFlowError, ToolRegistry, lazy, type ToolDefinition } from '@creatorflow/core';
import type { EgressGuard } from '@creatorflow/net';
import { mcpChildEnv, stdioRefusal, type McpPolicy } from './mcp-policy.ts';

// The MCP SDK (~25 MB resident, most of a second to load) loads when a workspace first uses an MCP server.
const mcpSdk = lazy(async () => {
  const [client, stdio, http] = await Promise.all([
    import('@modelcontextprotocol/sdk/client/index.js'),
    import('@modelcontextprotocol/sdk/client/stdio.js'),
    import('@modelcontextprotocol/sdk/client/streamableHttp.js'),
  ]);
  return { Client: client.Client, StdioClientTransport: stdio.StdioClientTransport, StreamableHTTPClientTransport: http.StreamableHTTPClientTransport };
});

export interface McpServerConfig {
  name: string;
  transport: 'stdio' | 'http';
  command?: string;
  args?: string[];
  url?: string;
}

export const MCP_PREFIX = 'mcp.';

/** `mcp.<server>.<tool>` → the server and tool it names. */
export function parseMcpName(name: string): { server: string; tool: string } | undefined {
  if (!name.startsWith(MCP_PREFIX)) return undefined;
  const rest = name.slice(MCP_PREFIX.length);
  const dot = rest.indexOf('.');
  return dot > 0 ? { server: rest.slice(0, dot), tool: rest.slice(dot + 1) } : undefined;
}

/**
 * Connects to a workspace's MCP servers (stdio or streamable HTTP) and
 * exposes their tools as `mcp.<server>.<tool>` in a registry of their own.
 * A server that cannot be reached makes its tools unavailable with the
 * reason; it does not fail the others.
 */
export class McpTools {
  readonly registry = new ToolRegistry();
  readonly #clients: Client[] = [];

  /**
   * `policy`: which stdio commands may be spawned (checked again here, not only when the
   * server was saved, since the operator's allow-list may have changed since).
   * `wanted`: the `mcp.*` names a graph uses, so an unreachable server's tools fail with its reason.
   */
  static async connect(servers: McpServerConfig[], options: { policy: McpPolicy; timeoutMs?: number; wanted?: string[]; guard?: EgressGuard }): Promise<McpTools> {
    const tools = new McpTools();
    await Promise.all(servers.map((server) => tools.#add(server, options.policy, options.timeoutMs ?? 15_000, (options.wanted ?? []).filter((n) => parseMcpName(n)?.server === server.name), options.guard)));
    return tools;
  }

  async #add(server: McpServerConfig, policy: McpPolicy, timeoutMs: number, wanted: string[], guard: EgressGuard | undefined): Promise<void> {
    if (server.transport === 'stdio') {
      const refusal = stdioRefusal(policy, server);
      if (refusal) return this.#unavailable(wanted, `MCP server '${server.name}' may not be started: ${refusal}`, 'MCP_STDIO_NOT_ALLOWED', 403);
    }
    const { Client, StdioClientTransport, StreamableHTTPClientTransport } = await mcpSdk();
    const client = new Client({ name: 'creatorflow', version: '1.0.0' });
    try {
      const transport =
        server.transport === 'stdio'
          ? new StdioClientTransport({ command: server.command!, args: server.args ?? [], env: mcpChildEnv(), stderr: 'ignore' })
          : // `http` servers go through the egress guard: in cloud mode an internal URL (or a redirect to one) is refused.
            new StreamableHTTPClientTransport(new URL(server.url!), guard ? { fetch: guard.asFetch() } : undefined);
      await client.connect(transport, { timeout: timeoutMs });
      this.#clients.push(client);
      const { tools } = await client.listTools(undefined, { timeout: timeoutMs });
      for (const tool of tools) this.registry.register(this.#wrap(server.name, client, tool, timeoutMs));
    } catch (error) {
      await client.close().catch(() => undefined);
      this.#unavailable(wanted, `MCP server '${server.name}' is unreachable: ${(error as Error).message}`, 'TOOL_UNAVAILABLE', 502);
    }
  }

  /** The graph's names for this server resolve to the reason rather than to "unknown tool". */
  #unavailable(wanted: string[], reason: string, code: string, status: number): void {
    for (const name of wanted) this.registry.register({
        name,
        description: reason,
        input: z.unknown(),
        output: z.unknown(),
        runtime: 'universal',
        available: () => ({ available: false, reason }),
        run: async () => {
          throw new CreatorFlowError(code, reason, { status });
        },
      });
  }

  #wrap(server: string, client: Client, tool: { name: string; description?: string; inputSchema: Record<string, unknown> }, timeoutMs: number): ToolDefinition<Record<string, unknown>, unknown> {
    return {
      name: `${MCP_PREFIX}${server}.${tool.name}`,
      description: tool.description ?? `${tool.name} (MCP server ${server})`,
      input: z.record(z.string(), z.unknown()),
      output: z.unknown(),
      parameters: tool.inputSchema,
      runtime: 'universal',
      capabilities: ['mcp'],
      async run(args, ctx) {
        const result = (await client.callTool({ name: tool.name, arguments: args }, undefined, { signal: ctx.signal, timeout: timeoutMs })) as {
          content?: Array<{ type: string; text?: string }>;
          structuredContent?: unknown;
          isError?: boolean;
        };
        const text = (result.content ?? []).filter((c) => c.type === 'text').map((c) => c.text ?? '').join('\n');
        if (result.isError) throw new CreatorFlowError('MCP_TOOL_ERROR', `MCP tool ${server}.${tool.name} failed: ${text.slice(0, 500)}`, { status: 502 });
        return result.structuredContent ?? text;
      },
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.#clients.map((c) => c.close().catch(() => undefined)));
  }
}
