import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ValidationError, toFieldIssues } from '@creatorflow/core';
import { METRIC_KEYS } from '../types.ts';

/**
 * A platform's creator data centre as data (flows/<platform>.json), like the
 * publish flows of packages/publish: which page of the logged-in creator site
 * to open, which JSON call of that page carries the account's own posts with
 * their numbers (and its follower count), and which fields hold what. When a
 * site changes a field name, the fix is a new version of this file.
 *
 * Two ways to obtain an answer:
 * - `capture`: the data page makes the call itself and the answer is read as it
 *   passes (sites that sign their calls in page scripts: 抖音 a_bogus, 小红书 x-s);
 * - `fetch`: a same-origin fetch from inside the opened page, with the page's
 *   login cookies and whatever hooks the page installs (cookie-only APIs).
 */

const url = z.string().min(1);
const scalar = z.union([z.number(), z.string(), z.boolean()]);

const call = z
  .object({
    via: z.enum(['capture', 'fetch']),
    /** capture: a part of the URL of the page's own call; fetch: the path (with query) to call. `{name}` are vars. */
    url,
    method: z.enum(['GET', 'POST']).default('GET'),
    /** JSON body of a POST (`{name}` in string values are vars). */
    body: z.record(z.string(), z.unknown()).optional(),
    /** Envelope check: the answer is good when the field at `path` is one of `values`. */
    ok: z.object({ path: z.string().min(1), values: z.array(scalar).min(1) }).strict().optional(),
    /** Envelope values that mean the login is gone (抖音 status_code 8). */
    loggedOut: z.object({ path: z.string().min(1), values: z.array(scalar).min(1) }).strict().optional(),
  })
  .strict();

/** Next page of a `fetch` list: a cursor from the answer, a page number, or an offset. */
const paging = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cursor'), param: z.string().min(1), from: z.string().min(1), hasMore: z.string().min(1).optional() }).strict(),
  z.object({ kind: z.literal('page'), param: z.string().min(1), start: z.number().int().min(0), hasMore: z.string().min(1).optional() }).strict(),
  z.object({ kind: z.literal('offset'), param: z.string().min(1), size: z.number().int().positive(), hasMore: z.string().min(1).optional() }).strict(),
]);

/** A var of the URLs: the account's settings key, else a global of the opened page (`$CONFIG.uid`). */
const variable = z.object({ settings: z.string().min(1).optional(), global: z.string().min(1).optional() }).strict();

const source = z.object({ repo: z.string().min(1), path: z.string().min(1), commit: z.string().min(1), facts: z.string().min(1) }).strict();

export const metricsFlowSchema = z
  .object({
    platform: z.string().min(1),
    name: z.string().min(1),
    version: z.number().int().positive(),
    /** Date the URLs and field names were last checked against their sources. */
    checked: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    sources: z.array(source).min(1),
    baseUrl: z.string().url(),
    login: z
      .object({
        /** The login page; landing on a URL starting with it means logged out. */
        url,
        /** Marks only the login page has (QR box). */
        markers: z.array(z.string().min(1)).min(1),
        /** Marks of the site's verification (captcha) page. */
        risk: z.array(z.string().min(1)).default([]),
      })
      .strict(),
    vars: z.record(z.string(), variable).default({}),
    posts: z
      .object({
        /** The data centre / content management page whose call lists the account's posts. */
        page: url,
        call,
        /** Dotted path to the array of posts in the answer ('' = the answer itself). */
        items: z.string(),
        id: z.string().min(1),
        /** Other fields that may hold the id a post's link carries (视频号 exportId). */
        altIds: z.array(z.string().min(1)).default([]),
        title: z.string().min(1).optional(),
        publishedAt: z.object({ path: z.string().min(1), unit: z.enum(['s', 'ms']) }).strict().optional(),
        metrics: z.partialRecord(z.enum(METRIC_KEYS), z.string().min(1)),
        /** Extra numbers kept with the snapshot (曝光, 完播率, 涨粉), by the name they are stored under. */
        extra: z.record(z.string(), z.string().min(1)).default({}),
        paging: paging.optional(),
        /** Pages read at most per visit (the account is never walked to the end). */
        maxPages: z.number().int().positive().max(10).default(3),
      })
      .strict(),
    account: z
      .object({
        page: url.optional(),
        call,
        followers: z.string().min(1),
      })
      .strict(),
  })
  .strict()
  .superRefine((flow, ctx) => {
    if (Object.keys(flow.posts.metrics).length === 0) ctx.addIssue({ code: 'custom', path: ['posts', 'metrics'], message: 'map at least one number' });
    if (flow.posts.paging && flow.posts.call.via === 'capture') ctx.addIssue({ code: 'custom', path: ['posts', 'paging'], message: 'a captured call has only the page its page asks for' });
    for (const part of [flow.posts.call.url, flow.account.call.url, JSON.stringify(flow.posts.call.body ?? {}), JSON.stringify(flow.account.call.body ?? {})]) {
      for (const [, name] of part.matchAll(/\{(\w+)\}/g)) if (!flow.vars[name!]) ctx.addIssue({ code: 'custom', path: ['vars'], message: `{${name}} is used but not defined` });
    }
  });

export type MetricsFlow = z.infer<typeof metricsFlowSchema>;
export type MetricsCall = z.infer<typeof call>;

export const BROWSER_METRICS_PLATFORMS = ['xiaohongshu', 'douyin', 'kuaishou', 'wechat_channels', 'weibo', 'zhihu', 'toutiao'] as const;

export function parseMetricsFlow(data: unknown, where: string): MetricsFlow {
  const parsed = metricsFlowSchema.safeParse(data);
  if (!parsed.success) {
    throw new ValidationError(`Metrics flow ${where} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, toFieldIssues(parsed.error.issues));
  }
  return parsed.data;
}

export function loadMetricsFlow(platform: string, file = new URL(`./flows/${platform}.json`, import.meta.url)): MetricsFlow {
  return parseMetricsFlow(JSON.parse(readFileSync(file, 'utf8')), file.toString());
}
