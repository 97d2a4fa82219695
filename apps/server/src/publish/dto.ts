import { z } from 'zod';
import { CONTENT_KINDS, PUBLISH_METHODS, type PlatformDescriptor, type PublishMethod } from '@creatorflow/platforms';
import { OFFICIAL_APIS, oauthSummary, type JobAction, type LoginSession, type PublishAccount, type PublishAttempt, type PublishEvent, type PublishJob } from '@creatorflow/publish';
import { oauthStateDto, oauthStateSchema } from './oauth-dto.ts';

// The publish API's answers: snake_case, never a secret (credentials stay in the vault; only their presence is
// shown). The publish package's types are camelCase; each mapper names every field so nothing camelCase reaches a
// payload (contract/contract.test.ts checks the schemas, these functions fill them).

const iso = z.string().describe('ISO 8601 time');
const kind = z.enum(CONTENT_KINDS);
const method = z.enum(PUBLISH_METHODS);
const JOB_STATUSES = ['scheduled', 'queued', 'running', 'published', 'needs_action', 'failed', 'cancelled'] as const;

export const platformSchema = z.object({
  id: z.string(),
  name: z.string().describe('zh-CN display name'),
  name_en: z.string(),
  kinds: z.array(kind),
  methods: z.array(method).describe('In the order they are tried; assist is last'),
  oauth: z.boolean().optional().describe('The official API publishes with an OAuth grant (授权登录)'),
  limits: z.object({
    title_min: z.number().nullable(),
    title_max: z.number().nullable(),
    body_max: z.number().nullable(),
    images_min: z.number().nullable(),
    images_max: z.number().nullable(),
    video_max_seconds: z.number().nullable(),
    tags_max: z.number().nullable(),
    scheduling: z.boolean().describe('The platform itself can schedule a post for later'),
    metrics: z.boolean().describe('Post metrics can be read back'),
  }),
  publish_page_url: z.string().describe('Where a person publishes by hand (assist)'),
  login_url: z.string().nullable(),
});

export function platformDto(d: PlatformDescriptor): z.infer<typeof platformSchema> {
  const l = d.limits;
  return {
    id: d.id,
    name: d.name,
    name_en: d.nameEn,
    kinds: d.kinds,
    methods: d.methods,
    oauth: OFFICIAL_APIS.some((api) => api.platform === d.id),
    limits: {
      title_min: l.titleMin ?? null,
      title_max: l.titleMax ?? null,
      body_max: l.bodyMax ?? null,
      images_min: l.imagesMin ?? null,
      images_max: l.imagesMax ?? null,
      video_max_seconds: l.videoMaxSeconds ?? null,
      tags_max: l.tagsMax ?? null,
      scheduling: l.scheduling,
      metrics: l.metrics,
    },
    publish_page_url: d.publishPageUrl,
    login_url: d.loginUrl ?? null,
  };
}

export const accountSchema = z.object({
  id: z.string(),
  platform: z.string(),
  name: z.string(),
  nickname: z.string().nullable(),
  avatar_url: z.string().nullable(),
  credential_mode: z.enum(['local', 'sync', 'oauth']),
  login_status: z.enum(['unknown', 'logged_in', 'expired', 'error']),
  login_checked_at: iso.nullable(),
  settings: z
    .object({
      app_id: z.string().optional().describe('公众号 AppID (not a secret)'),
      api_base_url: z.string().optional(),
      base_url: z.string().optional().describe('A different site address for the browser (replicas, proxies)'),
      author: z.string().optional(),
      share_url: z.string().optional().describe('微博: the link on the app\'s 安全域名 statuses/share requires in each post'),
    })
    .describe('Account settings; secrets are never here'),
  created_at: iso,
  has_credentials: z.boolean().optional(),
  methods: z.array(method).optional().describe('The order this account tries publish methods (its own or the platform default)'),
  oauth: oauthStateSchema.nullable().optional().describe('The OAuth grant (授权登录) for platforms with an official API; null otherwise'),
});

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

export function accountDto(a: PublishAccount, extra: { has_credentials?: boolean; methods?: PublishMethod[]; oauth?: boolean } = {}): z.infer<typeof accountSchema> {
  const s = a.settings;
  return {
    id: a.id,
    platform: a.platform,
    name: a.name,
    nickname: a.nickname,
    avatar_url: a.avatarUrl,
    credential_mode: a.credentialMode,
    login_status: a.loginStatus,
    login_checked_at: a.loginCheckedAt?.toISOString() ?? null,
    settings: { app_id: str(s.appId), api_base_url: str(s.apiBaseUrl), base_url: str(s.baseUrl), author: str(s.author), share_url: str(s.shareUrl) },
    created_at: a.createdAt.toISOString(),
    ...(extra.has_credentials === undefined ? {} : { has_credentials: extra.has_credentials }),
    ...(extra.methods ? { methods: extra.methods } : {}),
    ...(extra.oauth === undefined ? {} : { oauth: extra.oauth ? oauthStateDto(oauthSummary(a)) : null }),
  };
}

export const loginSessionSchema = z.object({
  id: z.string(),
  account_id: z.string(),
  status: z.enum(['waiting', 'logged_in', 'failed']),
  window: z.boolean().describe("A browser window was opened on the server's desktop"),
  qr_image: z.string().nullable().describe("The platform's QR code as a PNG data URL, once the login page shows one"),
  nickname: z.string().nullable(),
  error: z.string().nullable(),
});

/** An interactive login as the API shows it; `window` says a browser window was opened on the server's desktop. */
export function loginSessionDto(s: LoginSession): z.infer<typeof loginSessionSchema> {
  return { id: s.id, account_id: s.accountId, status: s.status, window: s.headed, qr_image: s.qrImage ?? null, nickname: s.nickname ?? null, error: s.error ?? null };
}

const file = z.object({ name: z.string(), path: z.string() });

export const assistActionSchema = z.object({
  type: z.literal('assist'),
  platform: z.string(),
  platform_name: z.string(),
  publish_page_url: z.string(),
  text: z.object({ title: z.string(), body: z.string(), tags: z.string() }).describe('Text to paste, ready for this platform'),
  images: z.array(z.object({ order: z.number(), name: z.string(), path: z.string() })).describe('In the order they must be added'),
  cover: file.nullable(),
  video: file.nullable(),
  checklist: z.array(z.string()),
  reason: z.string(),
  message: z.string(),
});

/** What the person must do for a job in `needs_action`. */
export const jobActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('login'), account_id: z.string(), platform: z.string(), message: z.string() }),
  z.object({ type: z.literal('unlock_vault'), message: z.string() }),
  z.object({ type: z.literal('confirm_late'), scheduled_for: iso, message: z.string() }),
  z.object({ type: z.literal('check_possible_post'), message: z.string() }),
  assistActionSchema,
]);

export function jobActionDto(a: JobAction): z.infer<typeof jobActionSchema> {
  switch (a.type) {
    case 'login':
      return { type: a.type, account_id: a.accountId, platform: a.platform, message: a.message };
    case 'confirm_late':
      return { type: a.type, scheduled_for: a.scheduledFor, message: a.message };
    case 'unlock_vault':
    case 'check_possible_post':
      return { type: a.type, message: a.message };
    case 'assist':
      return {
        type: a.type,
        platform: a.platform,
        platform_name: a.platformName,
        publish_page_url: a.publishPageUrl,
        text: { title: a.text.title, body: a.text.body, tags: a.text.tags },
        images: a.images.map((i) => ({ order: i.order, name: i.name, path: i.path })),
        cover: a.cover ? { name: a.cover.name, path: a.cover.path } : null,
        video: a.video ? { name: a.video.name, path: a.video.path } : null,
        checklist: a.checklist,
        reason: a.reason,
        message: a.message,
      };
  }
}

export const jobSchema = z.object({
  id: z.string(),
  batch_id: z.string().nullable(),
  work_id: z.string(),
  account_id: z.string(),
  platform: z.string(),
  status: z.enum(JOB_STATUSES),
  methods: z.array(method),
  run_at: iso,
  late_policy: z.enum(['run', 'ask']),
  attempt_count: z.number(),
  max_attempts: z.number(),
  result_url: z.string().nullable(),
  result_post_id: z.string().nullable(),
  action: jobActionSchema.nullable(),
  error_code: z.string().nullable(),
  error_message: z.string().nullable(),
  title: z.string(),
  kind,
  started_at: iso.nullable(),
  finished_at: iso.nullable(),
  created_at: iso,
});

export function jobDto(j: PublishJob): z.infer<typeof jobSchema> {
  return {
    id: j.id,
    batch_id: j.batchId,
    work_id: j.workId,
    account_id: j.accountId,
    platform: j.platform,
    status: j.status,
    methods: j.methods,
    run_at: new Date(j.runAt).toISOString(),
    late_policy: j.latePolicy,
    attempt_count: j.attemptCount,
    max_attempts: j.maxAttempts,
    result_url: j.resultUrl,
    result_post_id: j.resultPostId,
    action: j.action ? jobActionDto(j.action) : null,
    error_code: j.errorCode,
    error_message: j.errorMessage,
    title: j.content.title,
    kind: j.content.kind,
    started_at: j.startedAt ? new Date(j.startedAt).toISOString() : null,
    finished_at: j.finishedAt ? new Date(j.finishedAt).toISOString() : null,
    created_at: new Date(j.createdAt).toISOString(),
  };
}

export const attemptSchema = z.object({
  id: z.string(),
  number: z.number(),
  method,
  status: z.enum(['running', 'submitting', 'succeeded', 'failed', 'needs_action', 'reconciled']),
  started_at: iso,
  submitted_at: iso.nullable(),
  finished_at: iso.nullable(),
  duration_ms: z.number().nullable(),
  error_code: z.string().nullable(),
  error_message: z.string().nullable(),
  retryable: z.boolean().nullable(),
  screenshot_url: z.string().nullable().describe('GET it for the PNG taken when the attempt failed'),
  result_url: z.string().nullable(),
  result_post_id: z.string().nullable(),
});

export function attemptDto(a: PublishAttempt): z.infer<typeof attemptSchema> {
  return {
    id: a.id,
    number: a.number,
    method: a.method,
    status: a.status,
    started_at: new Date(a.startedAt).toISOString(),
    submitted_at: a.submittedAt ? new Date(a.submittedAt).toISOString() : null,
    finished_at: a.finishedAt ? new Date(a.finishedAt).toISOString() : null,
    duration_ms: a.durationMs,
    error_code: a.errorCode,
    error_message: a.errorMessage,
    retryable: a.retryable,
    screenshot_url: a.screenshot ? `/api/publish/attempts/${a.id}/screenshot` : null,
    result_url: a.resultUrl,
    result_post_id: a.resultPostId,
  };
}

export const eventSchema = z.object({
  id: z.number(),
  type: z.string(),
  data: z.record(z.string(), z.unknown()).describe("The event's details (snake_case keys)"),
  created_at: iso,
});

export function eventDto(e: PublishEvent): z.infer<typeof eventSchema> {
  return { id: e.id, type: e.type, data: e.data, created_at: new Date(e.createdAt).toISOString() };
}

export const vaultStatusSchema = z.object({
  initialized: z.boolean(),
  unlocked: z.boolean().describe('The key is held by this process'),
  kdf: z.string().optional(),
  iterations: z.number().optional(),
  forgotten_password: z.string().describe('What happens when the master password is forgotten'),
});

export const healthSchema = z.object({
  browser: z.object({ ok: z.boolean(), browser_connected: z.boolean(), active_jobs: z.number(), waiting: z.number(), crashes: z.number() }),
  breakers: z.record(z.string(), z.enum(['closed', 'open', 'half_open', 'isolated'])).describe('Circuit breaker state per platform'),
});

export function healthDto(browser: { ok: boolean; browserConnected: boolean; activeJobs: number; waiting: number; crashes: number }, breakers: z.infer<typeof healthSchema>['breakers']): z.infer<typeof healthSchema> {
  return { browser: { ok: browser.ok, browser_connected: browser.browserConnected, active_jobs: browser.activeJobs, waiting: browser.waiting, crashes: browser.crashes }, breakers };
}
