import type { Page, Response } from 'playwright-core';
import { MetricsError } from '../errors.ts';
import { METRIC_KEYS, type MetricValues } from '../types.ts';
import type { MetricsCall, MetricsFlow } from './flow-schema.ts';

/** One own post as the data page lists it. */
export interface ListedPost {
  id: string;
  altIds: string[];
  title?: string;
  publishedAt?: Date;
  values: MetricValues;
  extra: Record<string, number>;
}

const CALL_TIMEOUT_MS = 20_000;
const POLL_MS = 250;

/**
 * Reads a metrics flow on a logged-in page: opens the data page, takes the
 * JSON of its call (captured or fetched in the page), checks the envelope and
 * maps the fields. A login page, a verification page or an answer without the
 * fields the flow names stops with a clear code instead of storing zeros.
 */
export class MetricsFlowReader {
  constructor(
    private readonly flow: MetricsFlow,
    /** One address for every host of the site (replicas); real accounts never set it. */
    private readonly override: string | undefined,
    private readonly settings: Record<string, unknown>,
  ) {}

  url(u: string): string {
    const base = this.override ?? this.flow.baseUrl;
    if (!/^https?:\/\//.test(u)) return new URL(u, base).toString();
    if (!this.override) return u;
    const parsed = new URL(u);
    return new URL(`${parsed.pathname}${parsed.search}`, this.override).toString();
  }

  /** The newest posts of the account with their numbers (at most `maxPages` pages). */
  async posts(page: Page): Promise<ListedPost[]> {
    const p = this.flow.posts;
    const first = await this.#answer(page, p.page, p.call, undefined);
    const out = this.#items(first, 1);
    if (!p.paging || p.call.via !== 'fetch') return out;
    let answer = first;
    let n = 1;
    let offset = 0;
    for (let pageNo = 1; pageNo < p.maxPages; pageNo++) {
      if (p.paging.hasMore && !truthy(pick(answer, p.paging.hasMore))) break;
      let value: unknown;
      if (p.paging.kind === 'cursor') value = pick(answer, p.paging.from);
      else if (p.paging.kind === 'page') value = p.paging.start + pageNo;
      else value = offset += p.paging.size;
      if (value === undefined || value === null || value === '' || value === -1 || value === '-1') break;
      answer = await this.#answer(page, undefined, p.call, { [p.paging.param]: value });
      const more = this.#items(answer, ++n);
      if (more.length === 0) break;
      out.push(...more);
    }
    return out;
  }

  async followers(page: Page): Promise<number | undefined> {
    const a = this.flow.account;
    const answer = await this.#answer(page, a.page ?? this.flow.posts.page, a.call, undefined);
    const value = count(pick(answer, a.followers));
    if (value === undefined) throw this.#changed(`the follower count ${a.followers} is missing from the answer of ${a.call.url}`);
    return value;
  }

  #items(answer: unknown, pageNo: number): ListedPost[] {
    const p = this.flow.posts;
    const items = p.items === '' ? answer : pick(answer, p.items);
    if (!Array.isArray(items)) throw this.#changed(`the answer of ${p.call.url} (page ${pageNo}) has no list at ${p.items || '(root)'}`);
    const posts = items.map((item) => {
      const values: MetricValues = {};
      for (const key of METRIC_KEYS) {
        const path = p.metrics[key];
        const v = path ? count(pick(item, path)) : undefined;
        if (v !== undefined) values[key] = v;
      }
      const extra: Record<string, number> = {};
      for (const [name, path] of Object.entries(p.extra)) {
        const v = count(pick(item, path));
        if (v !== undefined) extra[name] = v;
      }
      const title = p.title ? pick(item, p.title) : undefined;
      const at = p.publishedAt ? count(pick(item, p.publishedAt.path)) : undefined;
      return {
        id: idOf(pick(item, p.id)),
        altIds: p.altIds.map((path) => idOf(pick(item, path))).filter(Boolean),
        title: typeof title === 'string' ? title : undefined,
        publishedAt: at ? new Date(p.publishedAt!.unit === 's' ? at * 1000 : at) : undefined,
        values,
        extra,
      };
    }).filter((post) => post.id !== '');
    // A number the flow maps that no listed post carries means the field was renamed, not that every post has none.
    if (posts.length > 0) {
      for (const [key, path] of Object.entries(p.metrics)) {
        if (!posts.some((post) => post.values[key as keyof MetricValues] !== undefined)) throw this.#changed(`no post of ${p.call.url} has ${path}`);
      }
    }
    return posts;
  }

  /** Opens `pageUrl` (when given) and returns the JSON answer of `call`. */
  async #answer(page: Page, pageUrl: string | undefined, call: MetricsCall, paging: Record<string, unknown> | undefined): Promise<unknown> {
    let captured: Promise<Response | undefined> | undefined;
    if (call.via === 'capture') {
      const part = new URL(this.url(await this.#expand(page, call.url, false))).pathname;
      captured = page.waitForResponse((r) => r.url().includes(part), { timeout: CALL_TIMEOUT_MS }).catch(() => undefined);
    }
    if (pageUrl) {
      await page.goto(this.url(pageUrl), { waitUntil: 'domcontentloaded' });
      await this.#assertOnDataPage(page);
    }
    if (captured) {
      // Whichever comes first: the call, or a login / verification page.
      let done = false;
      const guard = (async () => {
        while (!done) {
          await this.#assertOnDataPage(page);
          await new Promise((r) => setTimeout(r, POLL_MS));
        }
      })();
      try {
        const response = await Promise.race([captured, guard.then(() => undefined)]);
        if (!response) throw this.#changed(`${this.flow.name} 的数据页没有发出 ${call.url} 请求 (the data page made no such call)`);
        return this.#check(call, response.status(), await response.text());
      } finally {
        done = true;
        await guard.catch(() => undefined);
      }
    }
    const target = this.url(await this.#expand(page, call.url, true));
    const withQuery = new URL(target);
    let body = call.body ? (JSON.parse(await this.#expand(page, JSON.stringify(call.body), false)) as Record<string, unknown>) : undefined;
    if (paging && call.method === 'GET') for (const [k, v] of Object.entries(paging)) withQuery.searchParams.set(k, String(v));
    if (paging && call.method === 'POST') body = { ...body, ...paging };
    const answer = await page.evaluate(
      async ({ url, method, body }) => {
        const r = await fetch(url, { method, credentials: 'include', headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
        return { status: r.status, text: await r.text() };
      },
      { url: withQuery.toString(), method: call.method, body },
    );
    return this.#check(call, answer.status, answer.text);
  }

  #check(call: MetricsCall, status: number, text: string): unknown {
    if (status === 401 || status === 403) throw loginExpired(this.flow);
    // 小红书 answers 461/471 with a verification challenge (Verifytype header).
    if (status === 461 || status === 471) throw riskControl(this.flow);
    if (status >= 500) throw new MetricsError('METRICS_PLATFORM_ERROR', `${this.flow.name} answered HTTP ${status} on ${call.url}; collection tries again later.`, { retryable: true });
    if (status >= 400) throw new MetricsError('METRICS_PLATFORM_ERROR', `${this.flow.name} answered HTTP ${status} on ${call.url}.`, { retryable: true });
    let json: unknown;
    try {
      json = parseJsonKeepingIds(text);
    } catch {
      throw this.#changed(`${call.url} did not answer JSON`);
    }
    if (call.loggedOut && call.loggedOut.values.some((v) => same(pick(json, call.loggedOut!.path), v))) throw loginExpired(this.flow);
    if (call.ok && !call.ok.values.some((v) => same(pick(json, call.ok!.path), v))) {
      const said = ['message', 'msg', 'status_msg', 'errMsg', 'error_msg'].map((k) => pick(json, k)).find((v) => typeof v === 'string' && v) as string | undefined;
      throw new MetricsError('METRICS_PLATFORM_ERROR', `${this.flow.name} refused ${call.url} (${call.ok.path} = ${JSON.stringify(pick(json, call.ok.path))}${said ? `: ${said.slice(0, 80)}` : ''}).`, { retryable: true });
    }
    return json;
  }

  async #assertOnDataPage(page: Page): Promise<void> {
    const login = new URL(this.url(this.flow.login.url));
    const here = new URL(page.url());
    const onLoginUrl = here.host === login.host && (login.pathname === '/' ? here.pathname === '/' : here.pathname.startsWith(login.pathname));
    if (onLoginUrl || (await present(page, this.flow.login.markers))) throw loginExpired(this.flow);
    if (await present(page, this.flow.login.risk)) throw riskControl(this.flow);
  }

  /** `{name}` → its value: the account's setting, else a global of the opened page. */
  async #expand(page: Page, text: string, encode: boolean): Promise<string> {
    let out = text;
    for (const [whole, name] of [...text.matchAll(/\{(\w+)\}/g)]) {
      const def = this.flow.vars[name!]!;
      let value: unknown = def.settings ? this.settings[def.settings] : undefined;
      if ((value === undefined || value === '') && def.global && pageOpened(page)) {
        value = await page.evaluate((path) => path.split('.').reduce<unknown>((at, k) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[k] : undefined), globalThis), def.global).catch(() => undefined);
      }
      if (value === undefined || value === null || value === '') {
        throw new MetricsError('METRICS_CREDENTIAL_MISSING', `${this.flow.name}: the account's ${def.settings ?? name} is unknown; set it in the account settings (发布中心 → 账号) so its posts can be listed.`, { status: 400 });
      }
      out = out.replace(whole, encode ? encodeURIComponent(String(value)) : String(value));
    }
    return out;
  }

  #changed(what: string): MetricsError {
    return new MetricsError('METRICS_PAGE_CHANGED', `${this.flow.name} 数据页与采集流程 v${this.flow.version}（${this.flow.checked} 核对）不符：${what}. The site probably changed; the metrics flow file needs an update.`, {
      details: { platform: this.flow.platform, flow_version: this.flow.version },
    });
  }
}

function pageOpened(page: Page): boolean {
  return page.url() !== 'about:blank';
}

function loginExpired(flow: MetricsFlow): MetricsError {
  return new MetricsError('METRICS_LOGIN_EXPIRED', `${flow.name} 登录已过期，请在发布中心重新登录该账号 (the saved login of this account expired; log in again).`, { status: 401 });
}

function riskControl(flow: MetricsFlow): MetricsError {
  return new MetricsError('METRICS_RISK_CONTROL', `${flow.name} 要求安全验证（验证码），数据暂未读取；请在浏览器中完成验证后再试 (the site asks for a verification; nothing was read).`, { retryable: true });
}

async function present(page: Page, selectors: string[]): Promise<boolean> {
  for (const s of selectors) if ((await page.locator(s).count().catch(() => 0)) > 0) return true;
  return false;
}

export function pick(value: unknown, path: string): unknown {
  let at: unknown = value;
  for (const key of path.split('.')) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/** A count as the sites send it: a number, a numeric string ("123", 抖音's metrics), or "1.2万". */
export function count(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /^\s*([\d.]+)\s*(万|w|W|亿)?\+?\s*$/.exec(value.replace(/,/g, ''));
  if (!m) return undefined;
  const n = Number(m[1]) * (m[2] === '亿' ? 1e8 : m[2] ? 1e4 : 1);
  return Number.isFinite(n) ? Math.round(n) : undefined;
}

function idOf(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint' ? String(value) : '';
}

function truthy(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 'true';
}

function same(a: unknown, b: unknown): boolean {
  return a === b || (a !== undefined && a !== null && String(a) === String(b));
}

/**
 * JSON.parse, with integers longer than 15 digits kept as strings: 抖音's item
 * ids are 19-digit JSON numbers that a plain parse rounds (they would never
 * match the post's id again).
 */
export function parseJsonKeepingIds(text: string): unknown {
  return JSON.parse(text.replace(/([:[,]\s*)(-?\d{16,})(?=\s*[,\]}])/g, '$1"$2"'));
}
