import { createHmac, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from 'fflate';
import { ConflictError, ForbiddenError, NotFoundError } from '@creatorflow/core';
import type { PublishJob } from '@creatorflow/publish';
import { postIdOfUrl } from '@creatorflow/insights';
import { resolveScope } from '../auth/scope.ts';
import { rawBody } from '../contract/responses.ts';
import type { RoutePlugin } from '../http/types.ts';
import { metricsFor } from '../analytics/service.ts';
import type { AppContext } from '../context.ts';
import { assistBundle, bundleFiles, editorUrlOf, type BundleFile } from './assist-bundle.ts';
import { jobDto, jobSchema } from './dto.ts';

const tags = ['publish'];
const id = z.object({ id: z.string().uuid() });
/** Signed file addresses live this long: enough for a bundle opened today and finished tomorrow. */
const LINK_TTL_S = 7 * 24 * 3600;
const ZIP_NAME = 'bundle.zip';

const fileSchema = z.object({
  name: z.string(),
  role: z.enum(['cover', 'image', 'video']),
  order: z.number().int().describe('1-based order of an image; 0 for the cover and the video'),
  content_type: z.string(),
  size: z.number().int().nullable().describe('Bytes; null when the file is no longer on this server'),
  url: z.string().describe('Loads the file (signed, works in <img> and in a pasted editor)'),
  download_url: z.string().describe('The same file as a download'),
});

const bundleSchema = z.object({
  job_id: z.string(),
  status: z.string(),
  platform: z.string(),
  platform_name: z.string(),
  kind: z.enum(['article', 'image_note', 'video', 'short_post']),
  editor_url: z.string().describe("The platform's own editor for this kind of post"),
  title: z.string(),
  body_html: z.string().describe('Rich HTML that pastes formatted; images by signed URL'),
  body_text: z.string(),
  tags: z.array(z.string()),
  tags_text: z.string().describe('Tags as the platform writes them (#话题)'),
  files: z.array(fileSchema),
  zip_url: z.string().describe('Every file and the texts in one zip'),
  checklist: z.array(z.string()),
  reason: z.string(),
  message: z.string(),
});

const fileParams = z.object({ job_id: z.string().uuid(), name: z.string().min(1).max(100) });
const signedQuery = z.object({ exp: z.coerce.number().int(), sig: z.string().min(1).max(100), download: z.enum(['1']).optional() });

/** A signature over job, file and expiry with the server's key: the link is the permission, scoped to one file of one job. */
function sign(secret: string, jobId: string, name: string, exp: number): string {
  return createHmac('sha256', secret).update(`assist-file\u0000${jobId}\u0000${name}\u0000${exp}`).digest('base64url');
}

function signatureOk(secret: string, jobId: string, name: string, exp: number, sig: string, nowS: number): boolean {
  if (exp < nowS) return false;
  const want = Buffer.from(sign(secret, jobId, name, exp));
  const got = Buffer.from(sig);
  return want.length === got.length && timingSafeEqual(want, got);
}

const contentDisposition = (kind: 'inline' | 'attachment', name: string) => `${kind}; filename="${name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

function assistJob(job: PublishJob): Extract<NonNullable<PublishJob['action']>, { type: 'assist' }> {
  if (job.action?.type !== 'assist') throw new ConflictError('PUBLISH_JOB_STATE', `Job ${job.id} is ${job.status} and has no assist bundle (only a job waiting for you to publish by hand has one).`);
  return job.action;
}

/** The job's texts and files as a zip, streamed: images stored as they are (already compressed), texts deflated. */
function zipStream(bundle: { title: string; bodyText: string; tagsText: string; htmlForZip: string }, files: BundleFile[]): PassThrough {
  const out = new PassThrough();
  const zip = new Zip((error, chunk, final) => {
    if (error) return void out.destroy(error);
    out.write(chunk);
    if (final) out.end();
  });
  const text = (name: string, content: string) => {
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    entry.push(strToU8(content), true);
  };
  void (async () => {
    try {
      text('title.txt', `${bundle.title}\n`);
      text('body.txt', `${bundle.bodyText}\n`);
      text('body.html', `<!doctype html><meta charset="utf-8"><title>${bundle.title.replace(/</g, '&lt;')}</title>\n${bundle.htmlForZip}\n`);
      if (bundle.tagsText) text('tags.txt', `${bundle.tagsText}\n`);
      for (const file of files) {
        if (!existsSync(file.path)) continue;
        const entry = new ZipPassThrough(file.name);
        zip.add(entry);
        for await (const chunk of createReadStream(file.path)) entry.push(chunk as Uint8Array);
        entry.push(new Uint8Array(0), true);
      }
      zip.end();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}

/**
 * Assist (辅助发布): the bundle of a job the person publishes by hand — title,
 * rich body, tags, every file one by one and as a zip, the platform's editor —
 * and 我已发布 with the post link, which marks the job published and starts
 * collecting its metrics.
 */
export const assistRoutes: RoutePlugin = async (app, ctx: AppContext) => {
  const signedUrl = (origin: string, jobId: string, name: string, download = false) => {
    const exp = Math.floor(ctx.clock.nowMs() / 1000) + LINK_TTL_S;
    const query = new URLSearchParams({ exp: String(exp), sig: sign(ctx.secretKey, jobId, name, exp), ...(download ? { download: '1' } : {}) });
    return `${origin}/api/publish/assist-files/${jobId}/${encodeURIComponent(name)}?${query}`;
  };

  app.get('/api/publish/jobs/:id/assist', { schema: { tags, summary: 'Assist bundle of a job waiting to be published by hand', params: id, response: { 200: bundleSchema } } }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'viewer');
    const rt = ctx.publish;
    const job = await rt.service.get(scope.workspaceId, request.params.id);
    const action = assistJob(job);
    const account = await rt.accounts.get(scope.workspaceId, job.accountId).catch(() => undefined);
    const baseUrl = typeof account?.settings?.base_url === 'string' ? account.settings.base_url : undefined;
    const origin = `${request.protocol}://${request.headers.host ?? '127.0.0.1'}`;
    const bundle = assistBundle(job, { editorUrl: editorUrlOf(job, rt.flows.get(job.platform), baseUrl, action.publishPageUrl), imageUrl: (file) => signedUrl(origin, job.id, file.name) });
    return {
      job_id: job.id,
      status: job.status,
      platform: job.platform,
      platform_name: action.platformName,
      kind: job.content.kind,
      editor_url: bundle.editorUrl,
      title: bundle.title,
      body_html: bundle.bodyHtml,
      body_text: bundle.bodyText,
      tags: bundle.tags,
      tags_text: bundle.tagsText,
      files: bundle.files.map((f) => ({
        name: f.name,
        role: f.role,
        order: f.order,
        content_type: f.contentType,
        size: existsSync(f.path) ? statSync(f.path).size : null,
        url: signedUrl(origin, job.id, f.name),
        download_url: signedUrl(origin, job.id, f.name, true),
      })),
      zip_url: signedUrl(origin, job.id, ZIP_NAME, true),
      checklist: action.checklist,
      reason: action.reason,
      message: action.message,
    };
  });

  app.get(
    '/api/publish/assist-files/:job_id/:name',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'A file of an assist bundle (or bundle.zip) by its signed link from GET /api/publish/jobs/:id/assist',
        params: fileParams,
        querystring: signedQuery,
        ...rawBody(['image/png', 'image/jpeg', 'image/webp', 'video/mp4', 'application/zip', 'application/octet-stream'], 'The file'),
      },
    },
    async (request, reply) => {
      const { job_id: jobId, name } = request.params;
      const { exp, sig, download } = request.query;
      if (!signatureOk(ctx.secretKey, jobId, name, exp, sig, Math.floor(ctx.clock.nowMs() / 1000))) {
        throw new ForbiddenError('ASSIST_LINK_INVALID', 'This download link is not valid or has expired: open the job in 发布中心 again for a new one.');
      }
      const job = await ctx.publish.repo.get(jobId);
      if (!job) throw new NotFoundError('Publish job', jobId);
      const files = bundleFiles(job);
      reply.header('cache-control', 'private, max-age=3600');
      if (name === ZIP_NAME) {
        const bundle = assistBundle(job, { editorUrl: '', imageUrl: (file) => file.name });
        const zipName = `${job.content.title.slice(0, 40) || job.platform}.zip`;
        return reply.type('application/zip').header('content-disposition', contentDisposition('attachment', zipName)).send(zipStream({ ...bundle, htmlForZip: bundle.bodyHtml }, files));
      }
      const file = files.find((f) => f.name === name);
      if (!file || !existsSync(file.path)) throw new NotFoundError('Assist file', name);
      return reply
        .type(file.contentType)
        .header('content-disposition', contentDisposition(download ? 'attachment' : 'inline', file.name))
        .send(createReadStream(file.path));
    },
  );

  app.post(
    '/api/publish/jobs/:id/complete',
    {
      schema: {
        tags,
        summary: 'Assist 我已发布: the link of the post; the job becomes published and its metrics are collected from now on',
        params: id,
        body: z.object({ url: z.string().min(1).max(2000) }),
        response: { 200: jobSchema },
      },
    },
    async (request) => {
      const scope = await resolveScope(ctx.database, request, 'editor');
      const rt = ctx.publish;
      const job = await rt.service.get(scope.workspaceId, request.params.id);
      let postId: string | undefined;
      try {
        postId = postIdOfUrl(job.platform, new URL(request.body.url));
      } catch {
        // not a URL: complete() answers with the reason
      }
      const done = await rt.service.complete(scope.workspaceId, job.id, request.body.url, postId);
      // Follow the post now instead of at the scheduler's next pass; a metrics failure does not undo 我已发布.
      await metricsFor(ctx)
        .scheduler.adopt()
        .catch((error: unknown) => request.log.warn({ err: error }, 'metrics adopt after assist'));
      return jobDto(done);
    },
  );
};
