import fastifyMultipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { KNOWLEDGE_KINDS, type KnowledgeSource } from '@creatorflow/library';
import type { RoutePlugin } from '../http/types.ts';
import { noContent } from '../contract/responses.ts';

const knowledgeHitSchema = z.object({
  chunk_id: z.string(),
  source_id: z.string(),
  source_title: z.string(),
  source_url: z.string().nullable(),
  heading: z.string().nullable(),
  content: z.string(),
  start: z.number(),
  end: z.number(),
  snippet: z.string(),
  score: z.number(),
});
import { actorOf, csv, idParams, iso, listQuery, pageJson, pageSchema, tags, uploadedFile } from './shared.ts';

const sourceSchema = z.object({
  id: z.string(),
  kind: z.enum(KNOWLEDGE_KINDS),
  title: z.string(),
  url: z.string().nullable(),
  tags: z.array(z.string()),
  chunk_count: z.number(),
  char_count: z.number(),
  created_at: z.string(),
});
const toJson = (s: KnowledgeSource): z.infer<typeof sourceSchema> => ({
  id: s.id,
  kind: s.kind,
  title: s.title,
  url: s.url,
  tags: s.tags,
  chunk_count: s.chunkCount,
  char_count: s.charCount,
  created_at: iso(s.createdAt),
});
const chunkSchema = z.object({ id: z.string(), seq: z.number(), heading: z.string().nullable(), content: z.string(), start: z.number(), end: z.number() });

const importBody = z.union([
  z.object({
    kind: z.enum(['markdown', 'text', 'html']),
    content: z.string().min(1).max(2_000_000),
    title: z.string().max(200).optional(),
    tags: z.array(z.string().max(40)).max(30).optional(),
  }),
  z.object({ url: z.string().url().max(2000), title: z.string().max(200).optional(), tags: z.array(z.string().max(40)).max(30).optional() }),
]);

/** Largest knowledge file read into memory for text extraction. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** 知识库: import documents and pages, list them, read their chunks, search them. */
export const knowledgeRoutes: RoutePlugin = async (app, ctx) => {
  const knowledge = ctx.library.knowledge;

  app.post(
    '/api/knowledge',
    {
      schema: {
        tags,
        summary: 'Import Markdown/text/HTML (`kind` + `content`) or a web page (`url`, fetched with a timeout and size limit)',
        body: importBody,
        response: { 201: sourceSchema },
      },
    },
    async (request, reply) => {
      const actor = await actorOf(ctx, request, 'editor');
      const body = request.body;
      const source =
        'url' in body
          ? await knowledge.importUrl(actor, body, { guard: ctx.egress, timeoutMs: 15_000, maxBytes: 5 * 1024 * 1024 })
          : await knowledge.importText(actor, body);
      return reply.code(201).send(toJson(source));
    },
  );

  await app.register(async (scoped) => {
    const files = scoped.withTypeProvider<ZodTypeProvider>();
    await files.register(fastifyMultipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5 } });
    files.post(
      '/api/knowledge/files',
      {
        schema: {
          tags,
          summary: 'Import a PDF, DOCX, HTML, Markdown or text file (multipart field `file`)',
          querystring: z.object({ tags: csv.optional(), title: z.string().max(200).optional() }),
          response: { 201: sourceSchema },
        },
      },
      async (request, reply) => {
        const actor = await actorOf(ctx, request, 'editor');
        const file = await uploadedFile(request);
        const bytes = await file.toBuffer();
        const source = await knowledge.importFile(actor, { name: file.filename, bytes, title: request.query.title, tags: request.query.tags });
        return reply.code(201).send(toJson(source));
      },
    );
  });

  app.get('/api/knowledge', { schema: { tags, summary: 'Knowledge sources, newest first', querystring: listQuery.omit({ tag: true }), response: { 200: pageSchema(sourceSchema) } } }, async (request) => {
    const actor = await actorOf(ctx, request, 'viewer');
    return pageJson(await knowledge.list(actor, request.query), toJson);
  });

  app.get(
    '/api/knowledge/search',
    {
      schema: {
        tags,
        summary: 'Best knowledge chunks for a query (what the agent tool `knowledge_search` returns)',
        querystring: z.object({ q: z.string().min(1).max(200), limit: z.coerce.number().int().min(1).max(50).default(5), tag: csv.optional() }),
        response: { 200: z.object({ items: z.array(knowledgeHitSchema) }) },
      },
    },
    async (request) => {
      const actor = await actorOf(ctx, request, 'viewer');
      const hits = await knowledge.search(actor, request.query.q, { limit: request.query.limit, tags: request.query.tag });
      return {
        items: hits.map((h) => ({
          chunk_id: h.id,
          source_id: h.sourceId,
          source_title: h.sourceTitle,
          source_url: h.sourceUrl,
          heading: h.heading,
          content: h.content,
          start: h.start,
          end: h.end,
          snippet: h.snippet,
          score: h.score,
        })),
      };
    },
  );

  app.get(
    '/api/knowledge/:id',
    { schema: { tags, summary: 'One source with its full text', params: idParams, response: { 200: sourceSchema.extend({ content: z.string() }) } } },
    async (request) => {
      const actor = await actorOf(ctx, request, 'viewer');
      const source = await knowledge.get(actor, request.params.id);
      return { ...toJson(source), content: source.content };
    },
  );

  app.get(
    '/api/knowledge/:id/chunks',
    { schema: { tags, summary: 'Chunks of a source with their offsets', params: idParams, response: { 200: z.object({ items: z.array(chunkSchema) }) } } },
    async (request) => {
      const actor = await actorOf(ctx, request, 'viewer');
      const chunks = await knowledge.chunks(actor, request.params.id);
      return { items: chunks.map((c) => ({ id: c.id, seq: c.seq, heading: c.heading, content: c.content, start: c.start, end: c.end })) };
    },
  );

  app.delete('/api/knowledge/:id', { schema: { tags, summary: 'Delete a source and its chunks', params: idParams, response: noContent } }, async (request, reply) => {
    const actor = await actorOf(ctx, request, 'editor');
    await knowledge.delete(actor, request.params.id);
    return reply.code(204).send();
  });
};
