import { z } from 'zod';
import { IDEA_STATUSES, type Idea } from '@creatorflow/library';
import type { RoutePlugin } from '../http/types.ts';
import { noContent } from '../contract/responses.ts';
import { actorOf, createdStatus, idParams, idempotencyKeyOf, iso, listQuery, pageJson, pageSchema, tags } from './shared.ts';

const ideaSchema = z.object({
  id: z.string(),
  text: z.string(),
  link: z.string().nullable(),
  tags: z.array(z.string()),
  source: z.string().nullable(),
  status: z.enum(IDEA_STATUSES),
  work_ids: z.array(z.string()),
  created_at: z.string(),
  updated_at: z.string(),
});

const toJson = (i: Idea): z.infer<typeof ideaSchema> => ({
  id: i.id,
  text: i.text,
  link: i.link,
  tags: i.tags,
  source: i.source,
  status: i.status,
  work_ids: i.workIds,
  created_at: iso(i.createdAt),
  updated_at: iso(i.updatedAt),
});

const ideaBody = z.object({
  text: z.string().min(1).max(10_000),
  link: z.string().max(2000).nullable().optional(),
  tags: z.array(z.string().max(40)).max(30).optional(),
  source: z.string().max(100).nullable().optional(),
});

/** 想法库: quick capture of ideas, their status and the works made from them. */
export const ideaRoutes: RoutePlugin = async (app, ctx) => {
  const ideas = ctx.library.ideas;

  app.post(
    '/api/ideas',
    {
      schema: {
        tags,
        summary: 'Capture an idea (send an Idempotency-Key to make retries safe: a repeat returns the same idea with 200)',
        body: ideaBody,
        response: { 200: ideaSchema, 201: ideaSchema },
      },
    },
    async (request, reply) => {
      const actor = await actorOf(ctx, request, 'editor');
      const { idea, created } = await ideas.createOnce(actor, request.body, idempotencyKeyOf(request));
      return reply.code(createdStatus(reply, created)).send(toJson(idea));
    },
  );

  app.get(
    '/api/ideas',
    {
      schema: {
        tags,
        summary: 'Ideas, newest first',
        querystring: listQuery.extend({ status: z.enum(IDEA_STATUSES).optional() }),
        response: { 200: pageSchema(ideaSchema) },
      },
    },
    async (request) => {
      const actor = await actorOf(ctx, request, 'viewer');
      return pageJson(await ideas.list(actor, request.query), toJson);
    },
  );

  app.get('/api/ideas/:id', { schema: { tags, summary: 'One idea', params: idParams, response: { 200: ideaSchema } } }, async (request) => {
    const actor = await actorOf(ctx, request, 'viewer');
    return toJson(await ideas.get(actor, request.params.id));
  });

  app.patch(
    '/api/ideas/:id',
    {
      schema: {
        tags,
        summary: 'Edit an idea or move its status (new → in_progress → used / archived)',
        params: idParams,
        body: ideaBody.partial().extend({ status: z.enum(IDEA_STATUSES).optional() }),
        response: { 200: ideaSchema },
      },
    },
    async (request) => {
      const actor = await actorOf(ctx, request, 'editor');
      return toJson(await ideas.update(actor, request.params.id, request.body));
    },
  );

  app.delete('/api/ideas/:id', { schema: { tags, summary: 'Delete an idea', params: idParams, response: noContent } }, async (request, reply) => {
    const actor = await actorOf(ctx, request, 'editor');
    await ideas.delete(actor, request.params.id);
    return reply.code(204).send();
  });

  const linkParams = idParams.extend({ workId: z.string().min(1).max(100) });
  app.put(
    '/api/ideas/:id/works/:workId',
    { schema: { tags, summary: 'Link a work made from this idea', params: linkParams, response: { 200: ideaSchema } } },
    async (request) => {
      const actor = await actorOf(ctx, request, 'editor');
      return toJson(await ideas.linkWork(actor, request.params.id, request.params.workId));
    },
  );

  app.delete(
    '/api/ideas/:id/works/:workId',
    { schema: { tags, summary: 'Unlink a work from this idea', params: linkParams, response: { 200: ideaSchema } } },
    async (request) => {
      const actor = await actorOf(ctx, request, 'editor');
      return toJson(await ideas.unlinkWork(actor, request.params.id, request.params.workId));
    },
  );
};
