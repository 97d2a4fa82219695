import type { Page } from 'playwright-core';
import type {
  ContentKind,
  DeepCheckReport,
  LoginState,
  MethodContext,
  PublishContent,
  PublishResult,
  StepCheck,
} from '../../adapter.ts';
import { PublishError } from '../../errors.ts';
import { describeStep, type FlowStep, type FlowVariant, type PlatformFlow } from './flow-schema.ts';
import {
  applies,
  filesOf,
  formatSiteTime,
  globToRegExp,
  isLoginUrl,
  isEnabled,
  locate,
  pick,
  scope,
  setNativeValue,
  StepRefused,
  textOf,
  until,
} from './flow-steps.ts';

const EXPECT_TIMEOUT_MS = 15_000;
const STEP_TIMEOUT_MS = 15_000;
const OUTCOME_TIMEOUT_MS = 90_000;

type FailCode =
  | 'PUBLISH_PAGE_MISMATCH'
  | 'PUBLISH_RISK_CONTROL'
  | 'PUBLISH_LOGIN_EXPIRED'
  | 'PUBLISH_CONTENT_INVALID'
  | 'PUBLISH_PLATFORM_ERROR';

/**
 * Executes a platform flow on a page. Before acting it checks that the page is
 * the one the flow describes; a login page, a captcha/risk notice or a changed
 * layout stops the flow with a screenshot and the name of the step instead of
 * clicking on blindly.
 */
export class FlowRunner {
  constructor(
    private readonly flow: PlatformFlow,
    /** A different address for every host of the site (replicas, proxies). */
    private readonly override?: string,
    /** Caps every wait of the flow (uploads may be given minutes on the real site). */
    private readonly maxWaitMs = Number.POSITIVE_INFINITY,
  ) {}

  /** A flow URL on the live site, or on the override with the same path. */
  url(u: string): string {
    const base = this.override ?? this.flow.baseUrl;
    if (!/^https?:\/\//.test(u)) return new URL(u, base).toString();
    if (!this.override) return u;
    const parsed = new URL(u);
    return new URL(`${parsed.pathname}${parsed.search}`, this.override).toString();
  }

  async checkLogin(page: Page): Promise<LoginState> {
    await page.goto(this.url(this.flow.login.checkUrl), { waitUntil: 'domcontentloaded' });
    const { markers, loggedIn } = this.flow.login;
    const guards = this.flow.guards.map((g) => g.selector);
    const any = [...markers, ...loggedIn, ...guards].join(', ');
    await page
      .locator(any)
      .first()
      .waitFor({ state: 'attached', timeout: EXPECT_TIMEOUT_MS })
      .catch(() => undefined);
    if (await this.#onLoginPage(page)) {
      const expired = (await page.getByText(/登录已过期|登录失效|重新登录/).count()) > 0;
      return {
        loggedIn: false,
        state: 'expired',
        reason: expired
          ? '登录已过期，请重新登录 (the session expired; log in again)'
          : '登录已失效，请重新登录 (the site asks for a login)',
      };
    }
    for (const guard of this.flow.guards) {
      if ((await page.locator(guard.selector).count()) > 0)
        return { loggedIn: false, state: 'unknown', reason: `${this.flow.name}: ${guard.message}` };
    }
    const marker = await firstPresent(page, loggedIn);
    if (!marker) {
      return {
        loggedIn: false,
        state: 'unknown',
        reason: `${this.flow.name} 的页面与发布流程 v${this.flow.version} 不符（未找到 ${loggedIn.join(' / ')}），可能已改版 (the page does not match the flow; the site probably changed)`,
      };
    }
    const names = new Set((await page.context().cookies()).map((c) => c.name));
    if (!this.flow.login.cookies.some((c) => names.has(c)))
      return {
        loggedIn: false,
        state: 'expired',
        reason: `登录状态缺少 ${this.flow.login.cookies.join(' / ')}，请重新登录 (session cookies missing)`,
      };
    const nickname = this.flow.login.nickname
      ? ((
          await page
            .locator(this.flow.login.nickname)
            .first()
            .textContent({ timeout: 2000 })
            .catch(() => null)
        )?.trim() ?? undefined)
      : undefined;
    const avatar = this.flow.login.avatar
      ? await page
          .locator(this.flow.login.avatar)
          .first()
          .getAttribute('src', { timeout: 2000 })
          .catch(() => null)
      : null;
    const profile = await this.#profile(page);
    const name = nickname || profile.name;
    const face = avatar ?? profile.avatar;
    return { loggedIn: true, state: 'logged_in', nickname: name || undefined, avatarUrl: face ? this.url(face) : undefined };
  }

  async #profile(page: Page): Promise<{ name?: string; avatar?: string }> {
    const profile = this.flow.login.profile;
    if (!profile) return {};
    const response = await page.request.get(this.url(profile.url), { timeout: 10_000 }).catch(() => undefined);
    if (!response?.ok()) return {};
    const json = (await response.json().catch(() => undefined)) as unknown;
    const name = pick(json, profile.name);
    const avatar = profile.avatar ? pick(json, profile.avatar) : undefined;
    return { name: typeof name === 'string' ? name : undefined, avatar: typeof avatar === 'string' ? avatar : undefined };
  }

  variant(kind: ContentKind): FlowVariant {
    const v = this.flow.variants[kind];
    if (!v)
      throw new PublishError(
        'PUBLISH_UNSUPPORTED',
        `${this.flow.name} has no browser flow for ${kind} (has: ${Object.keys(this.flow.variants).join(', ')}).`,
      );
    return v;
  }

  async publish(page: Page, content: PublishContent, ctx: MethodContext): Promise<PublishResult> {
    const variant = this.variant(content.kind);
    // Publishing now what was meant for later would be worse than not publishing.
    if (content.scheduleAt && !variant.steps.some((s) => s.when === 'scheduled')) {
      throw new PublishError('PUBLISH_UNSUPPORTED', `${this.flow.name} 的发布流程不能设置平台定时发布；请让创流在该时间发布 (this flow cannot use the site's own scheduling; schedule the job instead).`);
    }
    ctx.progress('opening_editor');
    await page.goto(this.url(variant.editorUrl), { waitUntil: 'domcontentloaded' });
    await this.#assertExpectedPage(page, variant, ctx);
    let captured: Promise<unknown> | undefined;
    for (const [i, step] of variant.steps.entries()) {
      if (ctx.signal.aborted) throw new PublishError('PUBLISH_TIMEOUT', 'The job was cancelled.');
      if (!applies(step, content)) continue;
      ctx.progress('step', { index: i + 1, name: step.name });
      if (step.do === 'submit') {
        const pid = this.flow.success.postId;
        if (pid.from === 'response') captured = (await captureResponse(page, pid.url)).answer;
        await this.#run(page, content.kind, i, step, content, ctx, 'publish');
        continue;
      }
      await this.#run(page, content.kind, i, step, content, ctx, 'publish');
    }
    return this.#outcome(page, content, ctx, captured);
  }

  /**
   * The deep check: opens the editor with the saved login and runs every step
   * with sample content, except the publish click, whose button is only looked
   * for. Stops at the first step that no longer matches, with a screenshot.
   */
  async verify(
    page: Page,
    kind: ContentKind,
    sample: PublishContent,
    ctx: MethodContext,
  ): Promise<DeepCheckReport> {
    const variant = this.variant(kind);
    const report: DeepCheckReport = {
      platform: this.flow.platform,
      kind,
      flowVersion: this.flow.version,
      checked: this.flow.checked,
      ok: false,
      login: { loggedIn: false },
      steps: [],
    };
    report.login = await this.checkLogin(page);
    if (!report.login.loggedIn) {
      report.error = {
        code: report.login.state === 'expired' ? 'PUBLISH_LOGIN_EXPIRED' : 'PUBLISH_PAGE_MISMATCH',
        message: report.login.reason ?? 'not logged in',
      };
      report.failedStep = `login check (${this.flow.login.loggedIn.join(' / ')})`;
      report.screenshot = await this.#screenshot(page, ctx, 'deep-check-login');
      return report;
    }
    const content: PublishContent = { ...sample, kind };
    try {
      await page.goto(this.url(variant.editorUrl), { waitUntil: 'domcontentloaded' });
      await this.#assertExpectedPage(page, variant, ctx);
      let blocked: string | undefined;
      for (const [i, step] of variant.steps.entries()) {
        const line: StepCheck = {
          index: i + 1,
          name: step.name,
          do: step.do,
          selector: 'selector' in step ? step.selector : undefined,
          status: 'ok',
        };
        report.steps.push(line);
        if (blocked || !applies(step, content)) {
          line.status = 'unchecked';
          line.note = blocked ?? `only for works with ${step.when}`;
          continue;
        }
        if (step.do === 'upload' && filesOf(step.from, content).length === 0) {
          // Without a real file the site shows nothing after this step; what follows cannot be seen.
          line.status = 'unchecked';
          line.note = `needs a sample ${step.from} file`;
          blocked = `not reached: step ${i + 1} needs a sample ${step.from} file`;
          continue;
        }
        await this.#run(page, kind, i, step, content, ctx, 'check');
        if (step.do === 'submit' && step.confirm)
          line.note = `confirm button ${step.confirm} appears only after the click; not checked`;
      }
      report.ok = true;
    } catch (error) {
      const err =
        error instanceof PublishError
          ? error
          : new PublishError('PUBLISH_PAGE_MISMATCH', error instanceof Error ? error.message : String(error));
      const last = report.steps.at(-1);
      if (last && err.details?.step === last.index) last.status = 'failed';
      report.failedStep =
        typeof err.details?.step_name === 'string'
          ? String(err.details.step_description)
          : `editor (${variant.editorUrl})`;
      report.error = { code: err.code, message: err.message };
      report.screenshot = typeof err.details?.screenshot === 'string' ? err.details.screenshot : undefined;
    }
    return report;
  }

  async #run(
    page: Page,
    kind: string,
    i: number,
    step: FlowStep,
    content: PublishContent,
    ctx: MethodContext,
    mode: 'publish' | 'check',
  ): Promise<void> {
    const timeout = Math.min(step.timeoutMs ?? STEP_TIMEOUT_MS, this.maxWaitMs);
    try {
      await this.#step(page, step, content, ctx, mode, timeout);
    } catch (error) {
      if (step.optional) return;
      if (error instanceof PublishError) throw error;
      await this.#assertNoGuards(page, ctx);
      const what = describeStep(kind, i, step);
      const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
      const details = { step: i + 1, step_name: step.name, step_description: what };
      if (error instanceof StepRefused)
        throw await this.#fail(
          page,
          ctx,
          'PUBLISH_CONTENT_INVALID',
          `${this.flow.name} refused ${what}: ${detail}`,
          details,
        );
      throw await this.#fail(
        page,
        ctx,
        'PUBLISH_PAGE_MISMATCH',
        `${this.flow.name} 页面与发布流程 v${this.flow.version}（${this.flow.checked} 核对）不符：${what} did not match (${detail}). The site probably changed; the flow data file needs an update.`,
        details,
      );
    }
  }

  async #step(
    page: Page,
    step: FlowStep,
    content: PublishContent,
    ctx: MethodContext,
    mode: 'publish' | 'check',
    timeout: number,
  ): Promise<void> {
    switch (step.do) {
      case 'goto':
        await page.goto(this.url(step.url), { waitUntil: 'domcontentloaded' });
        return;
      case 'upload': {
        const files = filesOf(step.from, content);
        if (files.length === 0) return;
        ctx.progress('uploading', { field: step.from, count: files.length });
        const target = locate(page, step);
        if (step.via === 'chooser') {
          await target.waitFor({ state: 'visible', timeout });
          const [chooser] = await Promise.all([
            page.waitForEvent('filechooser', { timeout }),
            target.click({ timeout }),
          ]);
          await chooser.setFiles(files);
        } else {
          await target.waitFor({ state: 'attached', timeout });
          await target.setInputFiles(files, { timeout });
        }
        return;
      }
      case 'fill': {
        const target = locate(page, step);
        await target.waitFor({ state: 'visible', timeout });
        await target.fill(textOf(step.from, content, step.max), { timeout });
        return;
      }
      case 'type': {
        const target = locate(page, step);
        await target.waitFor({ state: 'visible', timeout });
        await target.click({ timeout });
        if (step.clear) {
          await page.keyboard.press('ControlOrMeta+A');
          await page.keyboard.press('Delete');
        }
        await page.keyboard.type(textOf(step.from, content, step.max));
        return;
      }
      case 'topics': {
        if (step.selector) {
          const target = locate(page, { selector: step.selector, frame: step.frame });
          await target.waitFor({ state: 'visible', timeout });
          await target.click({ timeout });
          await page.keyboard.press('ControlOrMeta+End');
        }
        const tags = step.max ? content.tags.slice(0, step.max) : content.tags;
        for (const tag of tags) {
          await page.keyboard.type(step.plain ? tag : ` #${tag}`, { delay: 20 });
          if (step.suggestion) {
            const item = scope(page, step.frame).locator(step.suggestion).first();
            const shown = await item.waitFor({ state: 'visible', timeout: Math.min(timeout, 5000) }).then(
              () => true,
              () => false,
            );
            // Check mode must see the picker; a real post keeps the tag as plain text when the site suggests nothing.
            if (!shown && mode === 'check')
              throw new Error(`the topic picker ${step.suggestion} did not open`);
            if (shown) {
              await item.click({ timeout });
              continue;
            }
          }
          await page.keyboard.press(step.separator === ' ' ? 'Space' : 'Enter');
        }
        return;
      }
      case 'click': {
        const target = locate(page, step);
        await target.waitFor({ state: 'visible', timeout });
        await target.click({ timeout, force: step.force });
        return;
      }
      case 'wait': {
        const target = locate(page, step);
        const failure = step.failure ? scope(page, step.frame).locator(step.failure).first() : undefined;
        await until(
          `${step.selector} to be ${step.state}`,
          timeout,
          async () => {
            if (step.state === 'enabled') return isEnabled(target);
            if (step.state === 'visible') return target.isVisible();
            if (step.state === 'hidden') return !(await target.isVisible());
            const n = await target.count();
            return step.state === 'attached' ? n > 0 : n === 0;
          },
          failure
            ? async () =>
                (await failure.isVisible()) ? ((await failure.textContent())?.trim() ?? 'failed') : undefined
            : undefined,
        );
        return;
      }
      case 'setDate': {
        if (!content.scheduleAt) return;
        const value = formatSiteTime(content.scheduleAt, step.format);
        const target = locate(page, step);
        await target.waitFor({ state: 'visible', timeout });
        if (step.method === 'fill') await target.fill(value, { timeout });
        else if (step.method === 'native') {
          await target.click({ timeout });
          await setNativeValue(target, value);
        } else {
          await target.click({ timeout });
          await page.keyboard.press('ControlOrMeta+A');
          await page.keyboard.type(value);
        }
        if (step.enter) await page.keyboard.press('Enter');
        return;
      }
      case 'waitUrl': {
        const patterns = step.urls.map(globToRegExp);
        await until(`the page to move to ${step.urls.join(' or ')}`, timeout, async () =>
          patterns.some((re) => re.test(page.url())),
        );
        return;
      }
      case 'pickDate': {
        if (!content.scheduleAt) return;
        const where = scope(page, step.frame);
        await locate(page, step).click({ timeout });
        const month = Number(formatSiteTime(content.scheduleAt, 'MM'));
        if (step.monthLabel && step.nextMonth) {
          const label = (await where.locator(step.monthLabel).first().textContent({ timeout }))?.trim() ?? '';
          if (Number(/(\d+)\s*月/.exec(label)?.[1] ?? month) !== month)
            await where.locator(step.nextMonth).first().click({ timeout });
        }
        const day = String(Number(formatSiteTime(content.scheduleAt, 'DD')));
        const cells = where.locator(step.day);
        await cells.first().waitFor({ state: 'visible', timeout });
        let clicked = false;
        for (let n = 0; n < (await cells.count()); n++) {
          const cell = cells.nth(n);
          if (/disabled/.test((await cell.getAttribute('class')) ?? '')) continue;
          if ((await cell.textContent())?.trim() === day) {
            await cell.click({ timeout });
            clicked = true;
            break;
          }
        }
        if (!clicked) throw new Error(`no selectable day ${day} in ${step.day}`);
        if (step.time) {
          await where.locator(step.time).first().click({ timeout });
          await page.keyboard.press('ControlOrMeta+A');
          await page.keyboard.type(formatSiteTime(content.scheduleAt, step.timeFormat));
        }
        return;
      }
      case 'submit': {
        const target = locate(page, step);
        await target.waitFor({ state: 'visible', timeout });
        if (mode === 'check') return;
        await until(`${step.selector} to be enabled`, timeout, () => isEnabled(target));
        // The point of no return: the attempt is recorded before the click.
        await ctx.beforeSubmit();
        ctx.progress('submitting');
        await target.click({ timeout });
        if (step.confirm) {
          const confirm = scope(page, step.frame).locator(step.confirm).first();
          if (
            await confirm.waitFor({ state: 'visible', timeout: 5000 }).then(
              () => true,
              () => false,
            )
          )
            await confirm.click({ timeout });
        }
        return;
      }
    }
  }

  async #outcome(
    page: Page,
    content: PublishContent,
    ctx: MethodContext,
    captured: Promise<unknown> | undefined,
  ): Promise<PublishResult> {
    const { success } = this.flow;
    const urls = success.urls.map(globToRegExp);
    let outcome: 'success' | 'error' | 'guard' | undefined;
    await until('the publish outcome', OUTCOME_TIMEOUT_MS, async () => {
      if (urls.some((re) => re.test(page.url()))) outcome = 'success';
      else if (await anyVisible(page, success.selectors)) outcome = 'success';
      else if (
        await page
          .locator(success.error)
          .first()
          .isVisible()
          .catch(() => false)
      )
        outcome = 'error';
      else if (
        (await this.#onLoginPage(page)) ||
        (await firstPresent(
          page,
          this.flow.guards.map((g) => g.selector),
        ))
      )
        outcome = 'guard';
      return outcome !== undefined;
    }).catch(async () => {
      throw await this.#fail(
        page,
        ctx,
        'PUBLISH_PAGE_MISMATCH',
        `After the publish click ${this.flow.name} showed no known outcome within ${OUTCOME_TIMEOUT_MS / 1000}s (flow v${this.flow.version}). Check the account's post list before retrying.`,
      );
    });
    if (outcome === 'error') {
      const message = (await page.locator(success.error).first().textContent())?.trim() ?? '';
      throw await this.#fail(
        page,
        ctx,
        'PUBLISH_CONTENT_INVALID',
        `${this.flow.name} refused the post: ${message}`,
      );
    }
    if (outcome === 'guard') {
      await this.#assertNoGuards(page, ctx);
    }
    const postId = await this.#postId(page, content, captured);
    const status = content.scheduleAt ? 'processing' : 'published';
    if (!postId) return { postId: '', url: this.url(this.flow.managePageUrl), status };
    const link = this.flow.postLink ?? this.flow.postList?.link;
    return {
      postId,
      url: link ? this.url(link.replace('{id}', encodeURIComponent(postId))) : page.url(),
      status,
    };
  }

  async #postId(
    page: Page,
    content: PublishContent,
    captured: Promise<unknown> | undefined,
  ): Promise<string> {
    const pid = this.flow.success.postId;
    if (pid.from === 'url') return new RegExp(pid.pattern).exec(page.url())?.[1] ?? '';
    if (pid.from === 'response') {
      const id = pick(await captured, pid.path);
      return id === undefined || id === null ? '' : String(id);
    }
    if (pid.from === 'list') {
      // The list lags the publish by a moment on some sites.
      for (let i = 0; i < 4; i++) {
        const found = (await this.listPosts(page).catch(() => [])).find((p) => p.title === titleOf(content));
        if (found) return found.id;
        await page.waitForTimeout(750);
      }
    }
    return '';
  }

  /** The account's posts from the site's own list API, with this page's login. */
  async listPosts(page: Page): Promise<Array<{ id: string; title: string }>> {
    const list = this.flow.postList;
    if (!list) return [];
    const response = await page.request.get(this.url(list.url));
    if (!response.ok())
      throw new PublishError(
        'PUBLISH_PLATFORM_ERROR',
        `Could not read the post list of ${this.flow.name} (HTTP ${response.status()}).`,
        { retryable: true },
      );
    const items = pick(await response.json(), list.items);
    if (!Array.isArray(items))
      throw new PublishError(
        'PUBLISH_PAGE_MISMATCH',
        `${this.flow.name}'s post list has no ${list.items} (flow v${this.flow.version}).`,
      );
    return items
      .map((it) => ({ id: String(pick(it, list.id) ?? ''), title: String(pick(it, list.title) ?? '') }))
      .filter((p) => p.id);
  }

  async #assertExpectedPage(page: Page, variant: FlowVariant, ctx: MethodContext): Promise<void> {
    await page
      .locator(
        [...variant.expect, ...this.flow.login.markers, ...this.flow.guards.map((g) => g.selector)].join(
          ', ',
        ),
      )
      .first()
      .waitFor({ state: 'attached', timeout: EXPECT_TIMEOUT_MS })
      .catch(() => undefined);
    await this.#assertNoGuards(page, ctx);
    for (const selector of variant.expect) {
      if ((await page.locator(selector).count()) === 0) {
        throw await this.#fail(
          page,
          ctx,
          'PUBLISH_PAGE_MISMATCH',
          `${this.flow.name} 编辑器与发布流程 v${this.flow.version}（${this.flow.checked} 核对）不符：missing ${selector} on ${variant.editorUrl}. The site probably changed; the flow data file needs an update.`,
          {
            step: 0,
            step_name: 'open editor',
            step_description: `open editor ${variant.editorUrl}: missing ${selector}`,
          },
        );
      }
    }
  }

  async #assertNoGuards(page: Page, ctx: MethodContext): Promise<void> {
    if (await this.#onLoginPage(page)) {
      throw await this.#fail(
        page,
        ctx,
        'PUBLISH_LOGIN_EXPIRED',
        `${this.flow.name} 登录已过期，请重新登录 (the login expired; log in again).`,
      );
    }
    for (const guard of this.flow.guards) {
      if ((await page.locator(guard.selector).count()) > 0) {
        throw await this.#fail(
          page,
          ctx,
          guard.code,
          `${this.flow.name}: ${guard.message}. Nothing was clicked; finish it by hand or retry later.`,
        );
      }
    }
  }

  async #onLoginPage(page: Page): Promise<boolean> {
    const login = new URL(this.url(this.flow.login.url));
    const here = new URL(page.url());
    if (isLoginUrl(login, here)) return true;
    return Boolean(await firstPresent(page, this.flow.login.markers));
  }

  async #screenshot(page: Page, ctx: MethodContext, name: string): Promise<string | undefined> {
    try {
      const bytes = await page.screenshot({ fullPage: true, timeout: 10_000 });
      return await ctx.saveArtifact?.(`${this.flow.platform}-${name}.png`, bytes);
    } catch {
      return undefined;
    }
  }

  async #fail(
    page: Page,
    ctx: MethodContext,
    code: FailCode,
    message: string,
    extra: Record<string, unknown> = {},
  ): Promise<PublishError> {
    const screenshot = await this.#screenshot(page, ctx, code.toLowerCase());
    return new PublishError(code, message, {
      retryable: false,
      details: {
        platform: this.flow.platform,
        flow_version: this.flow.version,
        page: new URL(page.url()).pathname,
        ...extra,
        ...(screenshot ? { screenshot } : {}),
      },
    });
  }
}

async function firstPresent(page: Page, selectors: string[]): Promise<string | undefined> {
  for (const s of selectors) if ((await page.locator(s).count()) > 0) return s;
  return undefined;
}

/**
 * The JSON answer of the site's own call, taken as it passes through: the body of a
 * response is gone from the browser once the page navigates away (as it does after publishing).
 */
async function captureResponse(page: Page, urlPart: string): Promise<{ answer: Promise<unknown> }> {
  let resolve: (value: unknown) => void = () => undefined;
  const answer = new Promise<unknown>((r) => (resolve = r));
  const match = (u: URL) => u.toString().includes(urlPart);
  const timer = setTimeout(() => resolve(undefined), OUTCOME_TIMEOUT_MS);
  timer.unref();
  // Registered before the click that triggers the call.
  await page.route(match, async (route) => {
    try {
      const response = await route.fetch();
      const body = await response.text();
      await route.fulfill({ response, body });
      clearTimeout(timer);
      resolve(JSON.parse(body) as unknown);
    } catch {
      await route.continue().catch(() => undefined);
      resolve(undefined);
    } finally {
      await page.unroute(match).catch(() => undefined);
    }
  });
  // Wrapped: an async function returning the promise itself would wait for it.
  return { answer };
}

async function anyVisible(page: Page, selectors: string[]): Promise<boolean> {
  for (const s of selectors)
    if (
      await page
        .locator(s)
        .first()
        .isVisible()
        .catch(() => false)
    )
      return true;
  return false;
}

/** The title a site lists a post under: its title, or the start of the text for title-less posts. */
export function titleOf(content: PublishContent): string {
  return content.title.trim() || textOf('body', content).slice(0, 20);
}
