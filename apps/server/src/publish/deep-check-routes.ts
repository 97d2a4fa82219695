import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { NotFoundError, ValidationError } from '@creatorflow/core';
import { PublishError, type DeepCheckReport, type MediaFile, type MethodContext } from '@creatorflow/publish';
import { resolveScope } from '../auth/scope.ts';
import type { AppContext } from '../context.ts';
import type { RoutePlugin } from '../http/types.ts';
import { rawBody } from '../contract/responses.ts';

const tags = ['publish'];
const id = z.object({ id: z.string().uuid() });
const kind = z.enum(['article', 'image_note', 'video', 'short_post']);

const stepSchema = z.object({
  index: z.number().int(),
  name: z.string(),
  do: z.string(),
  selector: z.string().nullable(),
  status: z.enum(['ok', 'failed', 'skipped', 'unchecked']),
  note: z.string().nullable(),
});

export const deepCheckSchema = z.object({
  account_id: z.string().uuid(),
  platform: z.string(),
  kind,
  flow_version: z.number().int().describe('Version of the flow file checked'),
  checked: z.string().describe('Date the flow’s selectors were last checked against their sources'),
  ok: z.boolean(),
  logged_in: z.boolean(),
  login_state: z.enum(['logged_in', 'expired', 'unknown']).describe('expired: only a new login helps; unknown: the page matched neither a login nor a logged-in page'),
  nickname: z.string().nullable(),
  steps: z.array(stepSchema),
  failed_step: z.string().nullable().describe('The step that no longer matches the page, in words'),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  screenshot_url: z.string().nullable().describe('The page as the check left it (only when a step failed)'),
  checked_at: z.string(),
});

/** Only the account's latest screenshot is kept: the artifact name is the account's own. */
const screenshotName = (accountId: string) => `deep-check-${accountId}.png`;

/** The library video as a file the browser can upload (removed after the check). */
async function sampleVideo(ctx: AppContext, actor: { workspaceId: string; userId: string }, uri: string): Promise<MediaFile> {
  const { asset, bytes } = await ctx.library.resolver.readBytes(actor, uri, 200 * 1024 * 1024);
  if (!asset.mime.startsWith('video/')) throw new ValidationError(`${uri} is ${asset.mime}, not a video.`, [{ path: 'video_uri', message: 'not a video' }]);
  const dir = mkdtempSync(join(tmpdir(), 'cf-deep-check-'));
  const path = join(dir, `sample.${asset.mime === 'video/quicktime' ? 'mov' : asset.mime === 'video/webm' ? 'webm' : 'mp4'}`);
  writeFileSync(path, bytes);
  return { name: `sample${path.slice(path.lastIndexOf('.'))}`, contentType: asset.mime, path };
}

/**
 * 深度检查: with the saved login, the real editor is opened and every step of
 * the account's flow is tried on sample content without publishing, so a
 * redesign of the creator site is found before a job clicks through it.
 */
export const deepCheckRoutes: RoutePlugin = async (app, ctx) => {
  app.post(
    '/api/publish/accounts/:id/deep-check',
    {
      schema: {
        tags,
        summary: 'Deep check: open the editor with the saved login and verify every step of the flow, publishing nothing',
        params: id,
        body: z
          .object({
            kind: kind.optional().describe('Content kind whose flow is checked (default: the first non-video kind)'),
            video_uri: z.string().startsWith('asset://').optional().describe('A video of the library to upload as the sample (video flows check the steps after the upload only with one; nothing is published)'),
          })
          .optional(),
        response: { 200: deepCheckSchema },
      },
    },
    async (request) => {
      const actor = await resolveScope(ctx.database, request, 'editor');
      const rt = ctx.publish;
      const account = await rt.accounts.get(actor.workspaceId, request.params.id);
      const impl = rt.registry.get(account.platform).methods.browser;
      if (!impl?.deepCheck) {
        throw new PublishError('PUBLISH_UNSUPPORTED', `${account.platform} 没有浏览器发布流程，无需深度检查 (publishes through its API; only browser flows have a deep check).`, { status: 400 });
      }
      let screenshot: string | undefined;
      const methodCtx: MethodContext = {
        account: { id: account.id, workspaceId: account.workspaceId, platform: account.platform, name: account.name, settings: account.settings },
        readSecret: (k, why) => rt.vault.read(actor, account.id, k, `${why} (deep check)`),
        writeSecret: (k, secret) => rt.vault.put(actor, account.id, k, secret, account.credentialMode === 'oauth' ? 'sync' : account.credentialMode),
        signal: AbortSignal.timeout(5 * 60_000),
        // Never reached: the check looks for the publish button and does not click it.
        beforeSubmit: () => Promise.reject(new Error('a deep check never publishes')),
        progress: () => undefined,
        saveArtifact: async (_name, bytes) => (screenshot = await rt.artifacts.save(screenshotName(account.id), bytes)),
      };
      const video = request.body?.video_uri ? await sampleVideo(ctx, actor, request.body.video_uri) : undefined;
      let report: DeepCheckReport;
      try {
        report = await impl.deepCheck(methodCtx, request.body?.kind, { video });
      } finally {
        if (video) rmSync(dirname(video.path), { recursive: true, force: true });
      }
      const now = ctx.clock.now();
      await rt.accounts.update(actor.workspaceId, account.id, {
        loginStatus: report.login.loggedIn ? 'logged_in' : report.login.state === 'expired' ? 'expired' : account.loginStatus,
        loginCheckedAt: now,
        ...(report.login.nickname ? { nickname: report.login.nickname } : {}),
      });
      return {
        account_id: account.id,
        platform: report.platform,
        kind: report.kind,
        flow_version: report.flowVersion,
        checked: report.checked,
        ok: report.ok,
        logged_in: report.login.loggedIn,
        login_state: report.login.state ?? (report.login.loggedIn ? 'logged_in' : 'unknown'),
        nickname: report.login.nickname ?? null,
        steps: report.steps.map((s) => ({ index: s.index, name: s.name, do: s.do, selector: s.selector ?? null, status: s.status, note: s.note ?? null })),
        failed_step: report.failedStep ?? null,
        error: report.error ?? null,
        screenshot_url: screenshot && report.screenshot ? `/api/publish/accounts/${account.id}/deep-check/screenshot?at=${now.getTime()}` : null,
        checked_at: now.toISOString(),
      };
    },
  );

  app.get('/api/publish/accounts/:id/deep-check/screenshot', { schema: { tags, summary: 'The page as the latest failed deep check of the account left it (PNG)', params: id, ...rawBody(['image/png'], 'The PNG') } }, async (request, reply) => {
    const actor = await resolveScope(ctx.database, request, 'viewer');
    const rt = ctx.publish;
    // The account lookup is the workspace check: another workspace's account is not found.
    const account = await rt.accounts.get(actor.workspaceId, request.params.id);
    const bytes = await rt.artifacts.read(screenshotName(account.id));
    if (!bytes) throw new NotFoundError('Screenshot', account.id);
    return reply.type('image/png').send(bytes);
  });
};
