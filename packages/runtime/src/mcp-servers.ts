import { NotFoundError } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';
import { RuntimeStore, type McpServer, type NewMcpServer } from './runtime-store.ts';

/** The MCP servers a workspace's graphs may call as `mcp.<server>.<tool>`. */
export class McpServerService {
  readonly #store: RuntimeStore;

  constructor(database: Database, secretKey?: string) {
    this.#store = new RuntimeStore(database, { secretKey });
  }

  list(workspaceId: string): Promise<McpServer[]> {
    return this.#store.mcpServers(workspaceId);
  }

  /**
   * Adds or replaces a server. The caller has checked it against the MCP
   * policy of the API it came through (`assertStdioAllowed`, the egress guard).
   */
  save(workspaceId: string, server: NewMcpServer): Promise<McpServer> {
    return this.#store.saveMcpServer(workspaceId, server);
  }

  async remove(workspaceId: string, name: string): Promise<void> {
    if (!(await this.#store.deleteMcpServer(workspaceId, name))) throw new NotFoundError('MCP server', name);
  }
}
