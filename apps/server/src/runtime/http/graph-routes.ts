import { z } from 'zod';
import { graphJsonSchema } from '@creatorflow/core';
import { resolveScope } from '../../auth/scope.ts';
import type { RoutePlugin } from '../../routes/types.ts';

const sourceBody = z.object({ source: z.string().min(1).max(1_000_000) });
const nameParams = z.object({ name: z.string().min(1).max(64) });

/** `/api/graphs`: graphs stored per workspace with versions, plus the built-ins. */
export const graphRoutes: RoutePlugin = async (app, ctx) => {
  const graphs = () => ctx.runtime.graphs;

  app.get('/api/graphs/schema', { schema: { tags: ['runtime'], summary: 'JSON Schema of the graph DSL' } }, async () => graphJsonSchema());

  app.get('/api/graphs', { schema: { tags: ['runtime'] } }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'viewer');
    const items = await graphs().list(scope.workspaceId);
    // Inputs let a client build the start form of any graph (and send only what it declares).
    return {
      items: items.map((g) => ({ name: g.name, version: g.version, description: g.description ?? null, inputs: g.inputs, builtin: g.builtin, updated_at: g.updatedAt?.toISOString() ?? null })),
    };
  });

  app.post('/api/graphs/validate', { schema: { tags: ['runtime'], body: sourceBody.extend({ file: z.string().max(200).optional() }) } }, async (request) => {
    await resolveScope(ctx.database, request, 'viewer');
    const result = graphs().validate(request.body.source, request.body.file ?? 'graph.yaml');
    return { valid: !!result.graph, issues: result.issues };
  });

  app.post('/api/graphs', { schema: { tags: ['runtime'], summary: 'Store a new version of a graph', body: sourceBody } }, async (request, reply) => {
    const scope = await resolveScope(ctx.database, request, 'editor');
    const { stored, issues } = await graphs().save(scope.workspaceId, scope.userId, request.body.source);
    return reply.code(201).send({ name: stored.name, version: stored.version, created_at: stored.createdAt?.toISOString() ?? null, warnings: issues });
  });

  app.get('/api/graphs/:name', { schema: { tags: ['runtime'], params: nameParams, querystring: z.object({ version: z.coerce.number().int().positive().optional() }) } }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'viewer');
    const stored = await graphs().get(scope.workspaceId, request.params.name, request.query.version);
    const versions = stored.builtin ? [] : await graphs().versions(scope.workspaceId, request.params.name);
    return {
      name: stored.name,
      version: stored.version,
      builtin: stored.builtin,
      source: stored.source,
      definition: stored.graph,
      versions: versions.map((v) => ({ version: v.version, created_at: v.createdAt.toISOString() })),
    };
  });

  app.get('/api/tools', { schema: { tags: ['runtime'], summary: 'Tools graphs can use here' } }, async (request) => {
    await resolveScope(ctx.database, request, 'viewer');
    return { runtime: ctx.mode, items: ctx.runtime.tools.list() };
  });
};
