import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ValidationError, toFieldIssues } from '@creatorflow/core';

/**
 * A platform's creator site as data (flows/<platform>.json): where to log in,
 * how to tell a live session from an expired one, and per content kind the
 * steps a person would take in the editor. When a site changes its pages, the
 * fix is a new version of this file, not new code.
 *
 * What the platform accepts and its limits are in the platform catalogue
 * (packages/platforms); a flow only knows how to click, per kind it can do.
 *
 * Selectors are Playwright selectors (CSS with :has-text(), text=, …); open
 * shadow roots are pierced by them, iframes are entered with a step's `frame`.
 */

/** A URL is either a path on the platform's base URL or an absolute URL on one of its other hosts (passport, …). */
const url = z.string().min(1);

/** What a step needs from the work; the step is skipped when the work has none of it. */
const when = z.enum(['always', 'title', 'body', 'tags', 'images', 'video', 'cover', 'scheduled', 'now']);

const base = {
  /** What the step does, in words for a report ("填写标题"). */
  name: z.string().min(1),
  when: when.default('always'),
  /** An element that may or may not be there (a guide overlay): never fails the flow. */
  optional: z.boolean().default(false),
  /** Selector of an iframe the element lives in. */
  frame: z.string().min(1).optional(),
  timeoutMs: z.number().int().positive().max(15 * 60_000).optional(),
};
const selector = z.string().min(1);

const step = z.discriminatedUnion('do', [
  /** Open another page of the site (the editor of a kind is opened by `editorUrl`). */
  z.object({ do: z.literal('goto'), ...base, url }).strict(),
  /** Files into an <input type=file> (`input`) or through the file chooser a button opens (`chooser`). */
  z
    .object({
      do: z.literal('upload'),
      ...base,
      selector,
      from: z.enum(['images', 'video', 'cover']),
      via: z.enum(['input', 'chooser']).default('input'),
    })
    .strict(),
  /** Text into an <input> or <textarea>. `max` cuts to the field's limit (characters, not bytes). */
  z.object({ do: z.literal('fill'), ...base, selector, from: z.enum(['title', 'body', 'shortTitle', 'titleAndBody']), max: z.number().int().positive().optional() }).strict(),
  /**
   * Text typed into a contenteditable editor (ProseMirror, Draft.js, Quill…): those ignore a
   * programmatic value, only key presses reach their model. `clear` empties it first.
   */
  z.object({ do: z.literal('type'), ...base, selector, from: z.enum(['title', 'body', 'titleAndBody']), clear: z.boolean().default(true), max: z.number().int().positive().optional() }).strict(),
  /**
   * Topics: each tag typed as `#tag` into the editor; with `suggestion` the first entry of the
   * site's topic picker is chosen (a real topic link), otherwise `separator` ends the tag.
   */
  z
    .object({
      do: z.literal('topics'),
      ...base,
      /** The editor to click first; without it the tags are typed where the caret is (after the body). */
      selector: selector.optional(),
      suggestion: selector.optional(),
      separator: z.enum([' ', 'Enter']).default(' '),
      /** Type the tag without the leading '#' (tag inputs that are not part of the text). */
      plain: z.boolean().default(false),
      max: z.number().int().positive().optional(),
    })
    .strict(),
  z.object({ do: z.literal('click'), ...base, selector, force: z.boolean().default(false) }).strict(),
  /** Waits for an element state: upload progress done (`visible` of the done marker), a spinner gone (`hidden`), a button `enabled`. */
  z
    .object({
      do: z.literal('wait'),
      ...base,
      selector,
      state: z.enum(['visible', 'hidden', 'attached', 'detached', 'enabled']),
      /** A marker that means the wait failed (上传失败): stops the flow with the platform's words. */
      failure: selector.optional(),
    })
    .strict(),
  /** The platform's own 定时发布 time into a date picker input. `native` sets the value like a user (React/antd controlled inputs). */
  z
    .object({
      do: z.literal('setDate'),
      ...base,
      selector,
      format: z.string().regex(/YYYY/, 'a date format with YYYY, MM, DD, HH, mm (ss)'),
      method: z.enum(['fill', 'type', 'native']).default('fill'),
      enter: z.boolean().default(false),
    })
    .strict(),
  /** Waits until the site navigates to one of these URL globs (抖音 moves to /content/post/video after the file). */
  z.object({ do: z.literal('waitUrl'), ...base, urls: z.array(z.string().min(1)).min(1) }).strict(),
  /**
   * A calendar picker without a typeable date (视频号): opens it, moves to the month, clicks the
   * day cell, then types the time into `time`.
   */
  z
    .object({
      do: z.literal('pickDate'),
      ...base,
      selector,
      monthLabel: selector.optional(),
      nextMonth: selector.optional(),
      day: selector,
      time: selector.optional(),
      timeFormat: z.string().min(1).default('HH'),
    })
    .strict(),
  /** The irreversible click. `confirm` is a second button some sites ask for (确认发布). */
  z.object({ do: z.literal('submit'), ...base, selector, confirm: selector.optional() }).strict(),
]);

const guard = z.object({
  selector,
  code: z.enum(['PUBLISH_RISK_CONTROL', 'PUBLISH_LOGIN_EXPIRED']),
  message: z.string().min(1),
});

/** How the post id is learned after the publish click. */
const capture = z.discriminatedUnion('from', [
  /** From the URL the site lands on (知乎 /p/123). */
  z.object({ from: z.literal('url'), pattern: z.string().min(1) }).strict(),
  /** From the JSON answer of the site's own publish call (armed before the click). */
  z.object({ from: z.literal('response'), url: z.string().min(1), path: z.string().min(1) }).strict(),
  /** From the site's list of the account's posts (newest with the same title). */
  z.object({ from: z.literal('list') }).strict(),
  /** The site shows no id anywhere we know of: the post is recorded by its list page. */
  z.object({ from: z.literal('none') }).strict(),
]);

const source = z.object({
  repo: z.string().min(1),
  path: z.string().min(1),
  /** The commit read, or how it was found when only an excerpt was seen. */
  commit: z.string().min(1),
  /** What was learned from it. */
  facts: z.string().min(1),
});

const variant = z.object({
  editorUrl: url,
  /** Elements that must be there before anything is done: if one is missing the layout changed. */
  expect: z.array(selector).min(1),
  steps: z.array(step).min(1),
});

export const flowSchema = z
  .object({
    platform: z.string().min(1),
    name: z.string().min(1),
    version: z.number().int().positive(),
    /** Date the selectors were last checked against their sources. */
    checked: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    sources: z.array(source).min(1),
    baseUrl: z.string().url(),
    login: z.object({
      /** The page opened to check a session (usually the editor: it redirects when logged out). */
      checkUrl: url,
      /** The login page; a URL starting with it means logged out. */
      url,
      /** Marks of the login page (QR box): present = logged out. */
      markers: z.array(selector).min(1),
      /** Marks that only a logged-in page has; one must be present. */
      loggedIn: z.array(selector).min(1),
      /** Optional: where the account name / avatar show. */
      nickname: selector.optional(),
      avatar: selector.optional(),
      /** The site's own "who am I" call (with the page's login): the account name without a DOM hook. */
      profile: z.object({ url, name: z.string().min(1), avatar: z.string().min(1).optional() }).optional(),
      /** Clicked first when the QR code is behind a tab (扫码登录). */
      qrTab: selector.optional(),
      qrImage: selector,
      qrFrame: z.string().min(1).optional(),
      qrExpired: selector.optional(),
      /** Session cookies; a logged-in page without them is not trusted. */
      cookies: z.array(z.string().min(1)).min(1),
    }),
    guards: z.array(guard),
    variants: z.partialRecord(z.enum(['article', 'image_note', 'video', 'short_post']), variant),
    success: z.object({
      /** Any of these: a URL glob the site lands on, or an element only a success state shows. */
      urls: z.array(z.string().min(1)).default([]),
      selectors: z.array(selector).default([]),
      /** Shown when the site refuses the post (its words are reported). */
      error: selector,
      postId: capture,
    }),
    /** The site's own list of the account's posts (post-id capture and crash reconciliation). */
    postList: z
      .object({
        url,
        /** Dotted path to the array of posts in the JSON answer. */
        items: z.string().min(1),
        id: z.string().min(1),
        title: z.string().min(1),
        /** Public link of a post, `{id}` replaced. */
        link: z.string().min(1),
      })
      .optional(),
    /** Public link of a post, `{id}` replaced (defaults to postList.link). */
    postLink: z.string().min(1).optional(),
    /** Where the account's posts are listed by hand (the link of a post whose id is not known). */
    managePageUrl: url,
  })
  .superRefine((flow, ctx) => {
    if (Object.keys(flow.variants).length === 0) ctx.addIssue({ code: 'custom', path: ['variants'], message: 'no content kind has steps' });
    for (const [kind, v] of Object.entries(flow.variants)) {
      if (!v.steps.some((s) => s.do === 'submit')) ctx.addIssue({ code: 'custom', path: ['variants', kind, 'steps'], message: 'no submit step' });
    }
    if (flow.success.urls.length + flow.success.selectors.length === 0) ctx.addIssue({ code: 'custom', path: ['success'], message: 'give a success URL or selector' });
    if (flow.success.postId.from === 'list' && !flow.postList) ctx.addIssue({ code: 'custom', path: ['success', 'postId'], message: 'capture from the list needs postList' });
  });

export type PlatformFlow = z.infer<typeof flowSchema>;
export type FlowStep = z.infer<typeof step>;
export type FlowVariant = z.infer<typeof variant>;

export const BROWSER_PLATFORMS = ['xiaohongshu', 'douyin', 'bilibili', 'zhihu', 'weibo', 'toutiao', 'kuaishou', 'wechat_channels'] as const;

/** A step for a report: its number (1-based), what it does and its selector. */
export function describeStep(kind: string, index: number, s: FlowStep): string {
  return `${kind} step ${index + 1} "${s.name}" (${s.do}${'selector' in s ? ` ${s.selector}` : ''})`;
}

/** Parses a flow; errors name the file, the step and the field. */
export function parseFlow(data: unknown, where: string): PlatformFlow {
  const parsed = flowSchema.safeParse(data);
  if (!parsed.success) {
    const raw = data as { variants?: Record<string, { steps?: Array<{ name?: string }> }> };
    const at = (path: PropertyKey[]) => {
      const [a, kind, c, i] = path;
      const stepName = a === 'variants' && c === 'steps' && typeof i === 'number' ? raw.variants?.[String(kind)]?.steps?.[i]?.name : undefined;
      return `${path.join('.')}${stepName ? ` (step "${stepName}")` : ''}`;
    };
    throw new ValidationError(
      `Flow file ${where} is invalid: ${parsed.error.issues.map((i) => `${at(i.path)}: ${i.message}`).join('; ')}`,
      toFieldIssues(parsed.error.issues),
    );
  }
  return parsed.data;
}

/** Loads and validates a flow file. */
export function loadFlow(platform: string, file = new URL(`./flows/${platform}.json`, import.meta.url)): PlatformFlow {
  return parseFlow(JSON.parse(readFileSync(file, 'utf8')), file.toString());
}
