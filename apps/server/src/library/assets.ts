import fastifyMultipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ASSET_TYPES, type Asset } from '@creatorflow/library';
import type { RoutePlugin } from '../http/types.ts';
import { noContent, rawBody } from '../contract/responses.ts';
import { parseRange } from './range.ts';
import { actorOf, csv, idParams, iso, listQuery, pageJson, pageSchema, tags, uploadedFile } from './shared.ts';

export const assetSchema = z.object({
  id: z.string(),
  uri: z.string(),
  type: z.enum(ASSET_TYPES),
  storage: z.enum(['local', 'cloud']),
  name: z.string(),
  mime: z.string(),
  size: z.number(),
  sha256: z.string(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  duration_ms: z.number().nullable(),
  has_thumbnail: z.boolean(),
  has_text: z.boolean(),
  tags: z.array(z.string()),
  content_url: z.string(),
  thumbnail_url: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});

export const assetJson = (a: Asset): z.infer<typeof assetSchema> => ({
  id: a.id,
  uri: a.uri,
  type: a.type,
  storage: a.storage,
  name: a.name,
  mime: a.mime,
  size: a.size,
  sha256: a.sha256,
  width: a.width,
  height: a.height,
  duration_ms: a.durationMs,
  has_thumbnail: a.hasThumbnail,
  has_text: a.hasText,
  tags: a.tags,
  content_url: `/api/assets/${a.id}/content`,
  thumbnail_url: a.hasThumbnail ? `/api/assets/${a.id}/thumbnail` : null,
  created_at: iso(a.createdAt),
  updated_at: iso(a.updatedAt),
});

/** Shown inline by browsers; everything else downloads, so uploaded text can never run as a page. */
const INLINE = /^(image\/(png|jpeg|gif|webp|avif)|video\/|audio\/|application\/pdf$)/;

/** 素材库: upload (multipart), list, tag, stream with Range, thumbnails, resolve `asset://` URIs. */
export const assetRoutes: RoutePlugin = async (root, ctx) => {
  const assets = ctx.library.assets;
  const maxBytes = ctx.config.upload.maxBytes;

  // Multipart parsing only for these routes, not the whole API.
  await root.register(async (scoped) => {
    const app = scoped.withTypeProvider<ZodTypeProvider>();
    // One byte over our limit, so our own counter reports it with ASSET_TOO_LARGE.
    await app.register(fastifyMultipart, { limits: { fileSize: maxBytes + 1, files: 1, fields: 10 } });
    app.post(
      '/api/assets',
      {
        schema: {
          tags,
          summary: 'Upload a file (multipart field `file`); the type is sniffed from the content; identical content returns the existing asset (200)',
          querystring: z.object({ tags: csv.optional() }),
          response: { 201: z.object({ asset: assetSchema, deduplicated: z.boolean() }), 200: z.object({ asset: assetSchema, deduplicated: z.boolean() }) },
        },
      },
      async (request, reply) => {
        const actor = await actorOf(ctx, request, 'editor');
        const file = await uploadedFile(request);
        const fieldTags = file.fields.tags && 'value' in file.fields.tags ? String(file.fields.tags.value).split(',') : [];
        const result = await assets.upload(actor, {
          name: file.filename,
          stream: file.file,
          declaredMime: file.mimetype,
          tags: [...(request.query.tags ?? []), ...fieldTags],
          maxBytes,
        });
        return reply.code(result.deduplicated ? 200 : 201).send({ asset: assetJson(result.asset), deduplicated: result.deduplicated });
      },
    );
  });

  const app = root;
  app.get(
    '/api/assets',
    {
      schema: { tags, summary: 'Assets, newest first', querystring: listQuery.extend({ type: z.enum(ASSET_TYPES).optional() }), response: { 200: pageSchema(assetSchema) } },
    },
    async (request) => {
      const actor = await actorOf(ctx, request, 'viewer');
      return pageJson(await assets.list(actor, request.query), assetJson);
    },
  );

  app.get(
    '/api/assets/resolve',
    { schema: { tags, summary: 'Resolve an asset:// URI within your workspace', querystring: z.object({ uri: z.string().max(300) }), response: { 200: assetSchema } } },
    async (request) => {
      const actor = await actorOf(ctx, request, 'viewer');
      return assetJson(await ctx.library.resolver.resolve(actor, request.query.uri));
    },
  );

  app.get('/api/assets/:id', { schema: { tags, summary: 'One asset', params: idParams, response: { 200: assetSchema } } }, async (request) => {
    const actor = await actorOf(ctx, request, 'viewer');
    return assetJson(await assets.get(actor, request.params.id));
  });

  app.patch(
    '/api/assets/:id',
    {
      schema: {
        tags,
        summary: 'Rename or retag an asset',
        params: idParams,
        body: z.object({ name: z.string().min(1).max(200).optional(), tags: z.array(z.string().max(40)).max(30).optional() }),
        response: { 200: assetSchema },
      },
    },
    async (request) => {
      const actor = await actorOf(ctx, request, 'editor');
      return assetJson(await assets.update(actor, request.params.id, request.body));
    },
  );

  app.delete('/api/assets/:id', { schema: { tags, summary: 'Delete an asset and its stored bytes', params: idParams, response: noContent } }, async (request, reply) => {
    const actor = await actorOf(ctx, request, 'editor');
    await assets.delete(actor, request.params.id);
    return reply.code(204).send();
  });

  app.get(
    '/api/assets/:id/content',
    {
      schema: {
        tags,
        summary: 'The bytes; honours `Range: bytes=…` with 206 (video/audio seeking)',
        params: idParams,
        produces: ['application/octet-stream'],
        response: {
          ...rawBody(['application/octet-stream'], 'The file (its own media type)').response,
          ...rawBody(['application/octet-stream'], 'The requested byte range', 206).response,
          416: z.undefined().describe('The range lies outside the file'),
        },
      },
    },
    async (request, reply) => {
      const actor = await actorOf(ctx, request, 'viewer');
      const asset = await assets.get(actor, request.params.id);
      const range = parseRange(request.headers.range, asset.size);
      void reply
        .header('accept-ranges', 'bytes')
        .header('etag', `"${asset.sha256}"`)
        .header('cache-control', 'private, max-age=3600')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('content-disposition', `${INLINE.test(asset.mime) ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(asset.name)}`);
      if (range === 'unsatisfiable') {
        return reply.code(416).header('content-range', `bytes */${asset.size}`).send(undefined);
      }
      const { stream } = await assets.open(actor, asset.id, range);
      void reply.type(asset.mime).header('content-length', String(range ? range.end - range.start + 1 : asset.size));
      if (range) return reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${asset.size}`).send(stream);
      return reply.send(stream);
    },
  );

  app.get('/api/assets/:id/thumbnail', { schema: { tags, summary: 'WebP thumbnail of an image', params: idParams, ...rawBody(['image/webp'], 'WebP thumbnail') } }, async (request, reply) => {
    const actor = await actorOf(ctx, request, 'viewer');
    const stream = await assets.thumbnail(actor, request.params.id);
    return reply.type('image/webp').header('cache-control', 'private, max-age=86400').send(stream);
  });
};
