import { z } from 'zod';
import { NotFoundError, newUuid } from '@creatorflow/core';
import { resolveScope } from '../auth/scope.ts';
import type { RoutePlugin } from '../http/types.ts';
import { assertStdioAllowed } from '@creatorflow/runtime';

const serverBody = z.discriminatedUnion('transport', [
  z.object({ name: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/), transport: z.literal('stdio'), command: z.string().min(1).max(500), args: z.array(z.string().max(1000)).max(50).default([]) }),
  z.object({ name: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/), transport: z.literal('http'), url: z.string().url().max(2000) }),
]);

/** `/api/mcp-servers`: the MCP servers a workspace's graphs may call as `mcp.<server>.<tool>`. */
export const mcpRoutes: RoutePlugin = async (app, ctx) => {
  app.get('/api/mcp-servers', { schema: { tags: ['runtime'] } }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'viewer');
    const rows = await ctx.database.query('SELECT id, name, transport, command, args, url, enabled, created_at FROM mcp_servers WHERE workspace_id = $1 ORDER BY name', [scope.workspaceId]);
    return { items: rows };
  });

  app.post('/api/mcp-servers', { schema: { tags: ['runtime'], body: serverBody } }, async (request, reply) => {
    // Local commands run on this machine: only admins may configure them.
    const scope = await resolveScope(ctx.database, request, 'admin');
    const b = request.body;
    if (b.transport === 'stdio') assertStdioAllowed({ mode: ctx.mode, stdioAllow: ctx.config.mcpStdioAllow }, b);
    else await ctx.egress.validate(b.url);
    const [row] = await ctx.database.query(
      `INSERT INTO mcp_servers (id, workspace_id, name, transport, command, args, url) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (workspace_id, name) DO UPDATE SET transport = EXCLUDED.transport, command = EXCLUDED.command, args = EXCLUDED.args, url = EXCLUDED.url, enabled = true
       RETURNING id, name, transport, command, args, url, enabled, created_at`,
      [newUuid(), scope.workspaceId, b.name, b.transport, b.transport === 'stdio' ? b.command : null, JSON.stringify(b.transport === 'stdio' ? b.args : []), b.transport === 'http' ? b.url : null],
    );
    return reply.code(201).send(row);
  });

  app.delete('/api/mcp-servers/:name', { schema: { tags: ['runtime'], params: z.object({ name: z.string().max(32) }) } }, async (request, reply) => {
    const scope = await resolveScope(ctx.database, request, 'admin');
    const rows = await ctx.database.query('DELETE FROM mcp_servers WHERE workspace_id = $1 AND name = $2 RETURNING id', [scope.workspaceId, request.params.name]);
    if (rows.length === 0) throw new NotFoundError('MCP server', request.params.name);
    return reply.code(204).send();
  });
};
