import { z } from 'zod';
import { CreatorFlowError, graphJsonSchema, NotFoundError } from '@creatorflow/core';
import { resolveScope } from '../auth/scope.ts';
import type { RoutePlugin } from '../http/types.ts';
import { graphDslSchema, graphJson, graphListItemJson, graphListSchema, graphSchema, graphValidationSchema, issueJson, savedGraphSchema, toolCallSchema, toolJson, toolListSchema } from './dto.ts';

const sourceBody = z.object({ source: z.string().min(1).max(1_000_000) });
const nameParams = z.object({ name: z.string().min(1).max(64) });

/** `/api/graphs`: graphs stored per workspace with versions, plus the built-ins. */
export const graphRoutes: RoutePlugin = async (app, ctx) => {
  const graphs = () => ctx.runtime.graphs;

  app.get('/api/graphs/schema', { schema: { tags: ['runtime'], summary: 'JSON Schema of the graph DSL', response: { 200: graphDslSchema } } }, async () => graphJsonSchema());

  app.get('/api/graphs', { schema: { tags: ['runtime'], summary: 'Graphs the workspace can run: its own and the built-ins', response: { 200: graphListSchema } } }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'viewer');
    // Inputs let a client build the start form of any graph (and send only what it declares).
    return { items: (await graphs().list(scope.workspaceId)).map(graphListItemJson) };
  });

  app.post('/api/graphs/validate', { schema: { tags: ['runtime'], summary: 'Check a graph without storing it', body: sourceBody.extend({ file: z.string().max(200).optional() }), response: { 200: graphValidationSchema } } }, async (request) => {
    await resolveScope(ctx.database, request, 'viewer');
    const result = graphs().validate(request.body.source, request.body.file ?? 'graph.yaml');
    return { valid: !!result.graph, issues: result.issues.map(issueJson) };
  });

  app.post('/api/graphs', { schema: { tags: ['runtime'], summary: 'Store a new version of a graph', body: sourceBody, response: { 201: savedGraphSchema } } }, async (request, reply) => {
    const scope = await resolveScope(ctx.database, request, 'editor');
    const { stored, issues } = await graphs().save(scope.workspaceId, scope.userId, request.body.source);
    return reply.code(201).send({ name: stored.name, version: stored.version, created_at: stored.createdAt?.toISOString() ?? null, warnings: issues.map(issueJson) });
  });

  app.get('/api/graphs/:name', { schema: { tags: ['runtime'], params: nameParams, summary: 'One graph (a version, or the latest) with its source', querystring: z.object({ version: z.coerce.number().int().positive().optional() }), response: { 200: graphSchema } } }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'viewer');
    const stored = await graphs().get(scope.workspaceId, request.params.name, request.query.version);
    const versions = stored.builtin ? [] : await graphs().versions(scope.workspaceId, request.params.name);
    return graphJson(stored, versions);
  });

  app.get('/api/tools', { schema: { tags: ['runtime'], summary: 'Tools graphs can use here', response: { 200: toolListSchema } } }, async (request) => {
    await resolveScope(ctx.database, request, 'viewer');
    return { runtime: ctx.mode, items: ctx.runtime.tools.list().map(toolJson) };
  });

  app.post(
    '/api/tools/:name/call',
    {
      schema: {
        tags: ['runtime'],
        summary: 'Call one tool outside a run (desktop shells, scripts); tools that publish or read credentials only run inside a graph, behind its approval',
        params: z.object({ name: z.string().min(1).max(200) }),
        body: z.object({ args: z.record(z.string(), z.unknown()).default({}) }),
        response: { 200: toolCallSchema },
      },
    },
    async (request, reply) => {
      const scope = await resolveScope(ctx.database, request, 'editor');
      const resolution = ctx.runtime.tools.resolve(request.params.name, ctx.mode);
      if (!resolution.ok) {
        if (!resolution.known) throw new NotFoundError('Tool', request.params.name);
        throw new CreatorFlowError('TOOL_UNAVAILABLE', resolution.reason, { status: 409 });
      }
      const risky = resolution.tool.capabilities.filter((c) => DIRECT_CALL_REFUSED.has(c));
      if (risky.length > 0) {
        throw new CreatorFlowError('TOOL_CALL_REFUSED', `tool '${request.params.name}' (${risky.join(', ')}) runs only inside a graph, where its approval step applies`, { status: 403 });
      }
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(new CreatorFlowError('TOOL_TIMEOUT', `tool '${request.params.name}' took longer than ${TOOL_CALL_TIMEOUT_MS / 1000} s`, { status: 504 })), TOOL_CALL_TIMEOUT_MS);
      // The caller went away before the answer: stop the tool's work too.
      reply.raw.on('close', () => {
        if (!reply.raw.writableFinished) controller.abort();
      });
      try {
        const result = await resolution.tool.invoke(request.body.args, { workspaceId: scope.workspaceId, userId: scope.userId, traceId: request.traceId, runtime: ctx.mode, signal: controller.signal });
        return { name: request.params.name, implementation: resolution.tool.implementation, result: result ?? null };
      } finally {
        clearTimeout(timer);
      }
    },
  );
};

/** Capabilities a direct call may not use: these act for the user outside CreatorFlow and need a graph's approval. */
const DIRECT_CALL_REFUSED = new Set(['publish', 'credentials']);
const TOOL_CALL_TIMEOUT_MS = 120_000;
