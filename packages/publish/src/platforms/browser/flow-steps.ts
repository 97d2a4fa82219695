import type { FrameLocator, Locator, Page } from 'playwright-core';
import type { PublishContent } from '../../adapter.ts';
import type { FlowStep } from './flow-schema.ts';

/** Chinese creator sites show (and expect) China time in their date pickers. */
export const SITE_TIME_ZONE = 'Asia/Shanghai';
const POLL_MS = 250;

/** Whether a step applies to this work (a cover step without a cover is skipped). */
export function applies(step: FlowStep, content: PublishContent): boolean {
  switch (step.when) {
    case 'always':
      return true;
    case 'title':
      return content.title.trim() !== '';
    case 'body':
      return content.body.trim() !== '';
    case 'tags':
      return content.tags.length > 0;
    case 'images':
      return content.images.length > 0;
    case 'video':
      return Boolean(content.video);
    case 'cover':
      return Boolean(content.cover);
    case 'scheduled':
      return Boolean(content.scheduleAt);
    case 'now':
      return !content.scheduleAt;
  }
}

export function scope(page: Page, frame: string | undefined): Page | FrameLocator {
  return frame ? page.frameLocator(frame) : page;
}

export function locate(page: Page, step: { selector: string; frame?: string }): Locator {
  return scope(page, step.frame).locator(step.selector).first();
}

/** Text a field gets from the work. */
export function textOf(from: 'title' | 'body' | 'shortTitle' | 'titleAndBody', content: PublishContent, max?: number): string {
  const body = content.kind === 'article' ? htmlToText(content.body) : content.body;
  const raw = from === 'title' || from === 'shortTitle' ? content.title : from === 'body' ? body : [content.title, body].filter(Boolean).join('\n');
  return max ? [...raw].slice(0, max).join('') : raw;
}

export function filesOf(from: 'images' | 'video' | 'cover', content: PublishContent): string[] {
  if (from === 'images') return content.images.map((i) => i.path);
  if (from === 'video') return content.video ? [content.video.path] : [];
  return content.cover ? [content.cover.path] : [];
}

/** Formats a time with YYYY MM DD HH mm ss in China time. */
export function formatSiteTime(iso: string, format: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: SITE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return format
    .replace('YYYY', parts.year!)
    .replace('MM', parts.month!)
    .replace('DD', parts.day!)
    .replace('HH', parts.hour!)
    .replace('mm', parts.minute!)
    .replace('ss', parts.second!);
}

/** Playwright-style URL glob: `**` any characters, `*` any but '/', everything else literal (so `?` is a query mark). */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      out += '.*';
      i++;
    } else if (c === '*') out += '[^/]*';
    else out += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/** Reads a dotted path (`data.notes`, `data.0.id`) from JSON. */
export function pick(value: unknown, path: string): unknown {
  let at: unknown = value;
  for (const key of path.split('.')) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/** Polls until `done` is true or `fail` returns a message; throws a plain Error with what was awaited. */
export async function until(what: string, timeoutMs: number, done: () => Promise<boolean>, fail?: () => Promise<string | undefined>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (fail) {
      const message = await fail();
      if (message !== undefined) throw new StepRefused(message);
    }
    if (await done()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)}s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** The site itself said no during a step (上传失败): content, not layout. */
export class StepRefused extends Error {
  override name = 'StepRefused';
}

export async function isEnabled(el: Locator): Promise<boolean> {
  if ((await el.count()) === 0) return false;
  if (!(await el.isEnabled().catch(() => false))) return false;
  // Sites built on their own UI kits mark a disabled button with a class, not the attribute (weui-desktop-btn_disabled).
  const cls = (await el.getAttribute('class').catch(() => null)) ?? '';
  return !/(^|[\s_-])disabled\b/.test(cls);
}

/** Sets an input's value the way a user would, so React/antd controlled inputs see it. */
export async function setNativeValue(el: Locator, value: string): Promise<void> {
  await el.evaluate((node, v) => {
    const input = node as HTMLInputElement;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    setter?.call(input, v);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}

export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|h[1-6]|li|blockquote)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Whether a page is the login page: same host, and its path (a root login page only at the root). */
export function isLoginUrl(login: URL, here: URL): boolean {
  if (here.host !== login.host) return false;
  return login.pathname === '/' ? here.pathname === '/' : here.pathname.startsWith(login.pathname);
}
