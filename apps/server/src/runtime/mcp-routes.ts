import { z } from 'zod';
import { assertStdioAllowed } from '@creatorflow/runtime';
import { resolveScope } from '../auth/scope.ts';
import { noContent } from '../contract/responses.ts';
import type { RoutePlugin } from '../http/types.ts';
import { mcpServerJson, mcpServerListSchema, mcpServerSchema } from './dto.ts';

const serverBody = z.discriminatedUnion('transport', [
  z.object({ name: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/), transport: z.literal('stdio'), command: z.string().min(1).max(500), args: z.array(z.string().max(1000)).max(50).default([]) }),
  z.object({ name: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/), transport: z.literal('http'), url: z.string().url().max(2000) }),
]);

/** `/api/mcp-servers`: the MCP servers a workspace's graphs may call as `mcp.<server>.<tool>`. */
export const mcpRoutes: RoutePlugin = async (app, ctx) => {
  const servers = () => ctx.runtime.mcpServers;

  app.get('/api/mcp-servers', { schema: { tags: ['runtime'], summary: 'MCP servers of the workspace', response: { 200: mcpServerListSchema } } }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'viewer');
    return { items: (await servers().list(scope.workspaceId)).map(mcpServerJson) };
  });

  app.post('/api/mcp-servers', { schema: { tags: ['runtime'], summary: 'Add or replace an MCP server (admins)', body: serverBody, response: { 201: mcpServerSchema } } }, async (request, reply) => {
    // Local commands run on this machine: only admins may configure them.
    const scope = await resolveScope(ctx.database, request, 'admin');
    const b = request.body;
    // The policy of the API the request came through: a cloud user may only name commands the operator allowed.
    if (b.transport === 'stdio') assertStdioAllowed({ mode: ctx.mode, stdioAllow: ctx.config.mcpStdioAllow }, b);
    else await ctx.egress.validate(b.url);
    return reply.code(201).send(mcpServerJson(await servers().save(scope.workspaceId, request.body)));
  });

  app.delete('/api/mcp-servers/:name', { schema: { tags: ['runtime'], summary: 'Remove an MCP server (admins)', params: z.object({ name: z.string().max(32) }), response: noContent } }, async (request, reply) => {
    const scope = await resolveScope(ctx.database, request, 'admin');
    await servers().remove(scope.workspaceId, request.params.name);
    return reply.code(204).send();
  });
};
