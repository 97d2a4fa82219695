import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ValidationError, toFieldIssues } from '@creatorflow/core';

/**
 * Selectors and page flows of one platform, as data (flows/<platform>.json).
 * When a site changes its pages, the fix is a new version of this file.
 * What the platform accepts, its limits and its publish page are in the
 * platform catalogue (packages/platforms), not here.
 */
const step = z.object({
  do: z.enum(['fill', 'upload', 'click', 'waitCount', 'submit']),
  selector: z.string().min(1),
  from: z.enum(['title', 'body', 'tags', 'images', 'video', 'cover', 'uploadCount']).optional(),
  optional: z.boolean().default(false),
});

export const flowSchema = z.object({
  platform: z.string().min(1),
  name: z.string().min(1),
  version: z.number().int().positive(),
  updated: z.string(),
  baseUrl: z.string().url(),
  urls: z.object({ home: z.string(), login: z.string(), editor: z.string(), postList: z.string(), postStatus: z.string() }),
  login: z.object({
    loggedIn: z.string(),
    nickname: z.string(),
    avatar: z.string(),
    loginForm: z.string(),
    qrImage: z.string(),
    expiredNotice: z.string(),
  }),
  guards: z.array(z.object({ selector: z.string(), code: z.enum(['PUBLISH_RISK_CONTROL', 'PUBLISH_LOGIN_EXPIRED']), message: z.string() })),
  publish: z.object({
    expect: z.array(z.string()).min(1),
    steps: z.array(step).min(1),
    success: z.object({ selector: z.string(), postIdAttr: z.string(), link: z.string() }),
    error: z.string(),
  }),
});

export type PlatformFlow = z.infer<typeof flowSchema>;
export type FlowStep = z.infer<typeof step>;

export const BROWSER_PLATFORMS = ['xiaohongshu', 'douyin', 'bilibili', 'zhihu', 'weibo', 'toutiao', 'kuaishou', 'wechat_channels'] as const;

/** Loads and validates a flow file; errors name the file and the field. */
export function loadFlow(platform: string, file = new URL(`./flows/${platform}.json`, import.meta.url)): PlatformFlow {
  const parsed = flowSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const where = file.toString();
    throw new ValidationError(
      `Flow file ${where} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      toFieldIssues(parsed.error.issues),
    );
  }
  return parsed.data;
}
