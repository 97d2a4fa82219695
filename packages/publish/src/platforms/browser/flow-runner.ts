import type { Page } from 'playwright-core';
import type { LoginState, MethodContext, PublishContent, PublishResult } from '../../adapter.ts';
import { PublishError } from '../../errors.ts';
import type { FlowStep, PlatformFlow } from './flow-schema.ts';

const EXPECT_TIMEOUT_MS = 10_000;
const OUTCOME_TIMEOUT_MS = 60_000;

/**
 * Executes a platform flow on a page. Before acting it checks that the page is
 * the one the flow describes; a login page, a captcha/risk notice or a changed
 * layout stops the flow with a screenshot instead of clicking on blindly.
 */
export class FlowRunner {
  constructor(
    private readonly flow: PlatformFlow,
    private readonly baseUrl: string,
  ) {}

  url(path: string): string {
    return new URL(path, this.baseUrl).toString();
  }

  async checkLogin(page: Page): Promise<LoginState> {
    await page.goto(this.url(this.flow.urls.home), { waitUntil: 'domcontentloaded' });
    if (await this.#onLoginPage(page)) {
      const expired = await page.locator(this.flow.login.expiredNotice).count();
      return { loggedIn: false, reason: expired ? '登录已过期，请重新登录 (the session expired; log in again)' : '未登录 (not logged in)' };
    }
    const name = page.locator(this.flow.login.nickname).first();
    await name.waitFor({ state: 'attached', timeout: EXPECT_TIMEOUT_MS }).catch(() => undefined);
    if ((await name.count()) === 0) return { loggedIn: false, reason: 'The account page did not show a logged-in user (layout may have changed).' };
    const nickname = (await name.textContent())?.trim() ?? undefined;
    const avatar = await page.locator(this.flow.login.avatar).first().getAttribute('src').catch(() => null);
    return { loggedIn: true, nickname, avatarUrl: avatar ? this.url(avatar) : undefined };
  }

  async publish(page: Page, content: PublishContent, ctx: MethodContext): Promise<PublishResult> {
    ctx.progress('opening_editor');
    await page.goto(this.url(this.flow.urls.editor), { waitUntil: 'domcontentloaded' });
    await this.#assertExpectedPage(page, ctx);
    for (const step of this.flow.publish.steps) {
      if (ctx.signal.aborted) throw new PublishError('PUBLISH_TIMEOUT', 'The job was cancelled.');
      await this.#step(page, step, content, ctx);
    }
    return this.#outcome(page, ctx);
  }

  async #step(page: Page, step: FlowStep, content: PublishContent, ctx: MethodContext): Promise<void> {
    const target = page.locator(step.selector).first();
    switch (step.do) {
      case 'fill': {
        const value = valueOf(step.from, content);
        if (typeof value !== 'string' || (value === '' && step.optional)) return;
        await target.fill(value);
        return;
      }
      case 'upload': {
        const files = filesOf(step.from, content);
        if (files.length === 0) return;
        ctx.progress('uploading', { field: step.from, count: files.length });
        await target.setInputFiles(files);
        return;
      }
      case 'waitCount': {
        const want = uploadCount(this.flow, content);
        if (want === 0) return;
        await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel as string).length >= (n as number), [step.selector, want] as const);
        return;
      }
      case 'click':
        await target.click();
        return;
      case 'submit':
        // The point of no return: the attempt is recorded before the click.
        await ctx.beforeSubmit();
        ctx.progress('submitting');
        await target.click();
        return;
    }
  }

  async #outcome(page: Page, ctx: MethodContext): Promise<PublishResult> {
    const { success, error } = this.flow.publish;
    const guards = this.flow.guards.map((g) => g.selector).join(', ');
    const any = page.locator([success.selector, error, guards, this.flow.login.loginForm].join(', ')).first();
    await any.waitFor({ state: 'attached', timeout: OUTCOME_TIMEOUT_MS });
    const done = page.locator(success.selector).first();
    if ((await done.count()) > 0) {
      const postId = (await done.getAttribute(success.postIdAttr)) ?? '';
      const href = await page.locator(success.link).first().getAttribute('href').catch(() => null);
      if (!postId) throw await this.#fail(page, ctx, 'PUBLISH_PAGE_MISMATCH', 'The success page showed no post id (layout may have changed).');
      return { postId, url: href ? this.url(href) : undefined, status: 'published' };
    }
    const message = await page.locator(error).first().textContent().catch(() => null);
    if (message) throw await this.#fail(page, ctx, 'PUBLISH_CONTENT_INVALID', `The platform refused the post: ${message.trim()}`);
    await this.#assertNoGuards(page, ctx);
    throw await this.#fail(page, ctx, 'PUBLISH_PAGE_MISMATCH', 'After the publish click the page matched no known outcome.');
  }

  async #assertExpectedPage(page: Page, ctx: MethodContext): Promise<void> {
    await this.#assertNoGuards(page, ctx);
    for (const selector of this.flow.publish.expect) {
      const found = await page
        .locator(selector)
        .first()
        .waitFor({ state: 'attached', timeout: EXPECT_TIMEOUT_MS })
        .then(() => true, () => false);
      if (!found) {
        await this.#assertNoGuards(page, ctx);
        throw await this.#fail(
          page,
          ctx,
          'PUBLISH_PAGE_MISMATCH',
          `The ${this.flow.name} editor does not match flow v${this.flow.version} (missing ${selector}). The site probably changed; the flow data file needs an update.`,
        );
      }
    }
  }

  async #assertNoGuards(page: Page, ctx: MethodContext): Promise<void> {
    if (await this.#onLoginPage(page)) {
      throw await this.#fail(page, ctx, 'PUBLISH_LOGIN_EXPIRED', `${this.flow.name} 登录已过期，请重新登录 (the login expired; log in again).`);
    }
    for (const guard of this.flow.guards) {
      if ((await page.locator(guard.selector).count()) > 0) {
        throw await this.#fail(page, ctx, guard.code, `${this.flow.name}: ${guard.message}. Nothing was clicked; finish it by hand or retry later.`);
      }
    }
  }

  async #onLoginPage(page: Page): Promise<boolean> {
    if (new URL(page.url()).pathname === this.flow.urls.login) return true;
    return (await page.locator(this.flow.login.loginForm).count()) > 0;
  }

  async #fail(page: Page, ctx: MethodContext, code: 'PUBLISH_PAGE_MISMATCH' | 'PUBLISH_RISK_CONTROL' | 'PUBLISH_LOGIN_EXPIRED' | 'PUBLISH_CONTENT_INVALID', message: string): Promise<PublishError> {
    let screenshot: string | undefined;
    try {
      const bytes = await page.screenshot({ fullPage: true, timeout: 10_000 });
      screenshot = await ctx.saveArtifact?.(`${this.flow.platform}-${code.toLowerCase()}.png`, bytes);
    } catch {
      screenshot = undefined;
    }
    return new PublishError(code, message, {
      retryable: false,
      details: { platform: this.flow.platform, flow_version: this.flow.version, page: new URL(page.url()).pathname, ...(screenshot ? { screenshot } : {}) },
    });
  }
}

function valueOf(from: FlowStep['from'], content: PublishContent): string | undefined {
  if (from === 'title') return content.title;
  if (from === 'body') return content.kind === 'article' ? htmlToText(content.body) : content.body;
  if (from === 'tags') return content.tags.map((t) => `#${t}`).join(' ');
  return undefined;
}

function filesOf(from: FlowStep['from'], content: PublishContent): string[] {
  if (from === 'images') return content.images.map((i) => i.path);
  if (from === 'video') return content.video ? [content.video.path] : [];
  if (from === 'cover') return content.cover ? [content.cover.path] : [];
  return [];
}

function uploadCount(flow: PlatformFlow, content: PublishContent): number {
  return flow.publish.steps.filter((s) => s.do === 'upload').reduce((n, s) => n + filesOf(s.from, content).length, 0);
}

function htmlToText(html: string): string {
  return html.replace(/<br\s*\/?>/gi, '\n').replace(/<\/p>/gi, '\n').replace(/<[^>]+>/g, '').trim();
}
