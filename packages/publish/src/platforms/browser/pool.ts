import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { lazy } from '@creatorflow/core';
import { PublishError } from '../../errors.ts';
import { KeyedSemaphores, Semaphore } from './semaphore.ts';

// Playwright is ~80 MB resident and seconds to load; only publishing and logging in need it.
const playwright = lazy(() => import('playwright-core'));

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface BrowserPoolOptions {
  executablePath: string;
  /** Local mode: a persistent Chromium profile per account under this directory. Unset: one shared browser, a fresh context per job (cloud). */
  profilesDir?: string;
  headless?: boolean;
  limits?: { perUser?: number; perPlatform?: number; perWorker?: number };
  timeouts?: { pageMs?: number; actionMs?: number; jobMs?: number };
  onError?: (error: unknown, where: string) => void;
}

export interface SessionState {
  cookies: Array<{ name: string; value: string; domain: string; path: string; expires: number; httpOnly: boolean; secure: boolean; sameSite: 'Strict' | 'Lax' | 'None' }>;
  origins: Array<{ origin: string; localStorage: Array<{ name: string; value: string }> }>;
}

export interface PageLease {
  userKey: string;
  platform: string;
  accountId: string;
  storageState?: SessionState;
  signal?: AbortSignal;
  /** Show the window (interactive login in local mode). */
  headed?: boolean;
}

/**
 * Browser service: playwright-core driving the system Chromium (never a
 * downloaded browser). Hard timeouts (page 30 s, action 60 s, job 5 min),
 * concurrency caps per user, platform and worker, and isolation: a crashed
 * browser fails the job that used it (retryable) and is relaunched for the
 * next one; nothing here can throw past the job.
 */
export class BrowserPool {
  readonly #opts: Required<Pick<BrowserPoolOptions, 'executablePath'>> & BrowserPoolOptions;
  readonly #worker: Semaphore;
  readonly #users: KeyedSemaphores;
  readonly #platforms: KeyedSemaphores;
  readonly #accounts = new KeyedSemaphores(1);
  #browser: Promise<Browser> | undefined;
  #active = 0;
  #crashes = 0;
  #closed = false;

  constructor(options: BrowserPoolOptions) {
    this.#opts = options;
    this.#worker = new Semaphore(options.limits?.perWorker ?? 5);
    this.#users = new KeyedSemaphores(options.limits?.perUser ?? 3);
    this.#platforms = new KeyedSemaphores(options.limits?.perPlatform ?? 10);
  }

  get timeouts(): { pageMs: number; actionMs: number; jobMs: number } {
    return { pageMs: 30_000, actionMs: 60_000, jobMs: 5 * 60_000, ...this.#opts.timeouts };
  }

  /** Runs `fn` with a page of the account; returns its result and the session state afterwards. */
  async withPage<T>(lease: PageLease, fn: (page: Page, context: BrowserContext) => Promise<T>): Promise<{ result: T; state: SessionState }> {
    if (this.#closed) throw new PublishError('PUBLISH_BROWSER_CRASHED', 'The browser service is shutting down.', { retryable: true });
    const releases: Array<() => void> = [];
    try {
      releases.push(await this.#users.get(lease.userKey).acquire(lease.signal));
      releases.push(await this.#platforms.get(lease.platform).acquire(lease.signal));
      releases.push(await this.#worker.acquire(lease.signal));
      releases.push(await this.#accounts.get(lease.accountId).acquire(lease.signal));
    } catch {
      for (const r of releases.reverse()) r();
      throw new PublishError('PUBLISH_TIMEOUT', 'Cancelled while waiting for a free browser slot.', { retryable: true });
    }
    this.#active += 1;
    let context: BrowserContext | undefined;
    const { pageMs, actionMs, jobMs } = this.timeouts;
    let timer: NodeJS.Timeout | undefined;
    try {
      context = await this.#openContext(lease);
      context.setDefaultNavigationTimeout(pageMs);
      context.setDefaultTimeout(actionMs);
      const page = context.pages()[0] ?? (await context.newPage());
      const ctx = context;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new PublishError('PUBLISH_TIMEOUT', `The browser job did not finish within ${Math.round(jobMs / 1000)} s.`, { retryable: true })), jobMs);
        lease.signal?.addEventListener('abort', () => reject(new PublishError('PUBLISH_TIMEOUT', 'The job was cancelled.', { retryable: false })), { once: true });
      });
      const result = await Promise.race([fn(page, ctx), deadline]);
      const state = (await ctx.storageState()) as SessionState;
      return { result, state };
    } catch (error) {
      throw this.#classify(error);
    } finally {
      clearTimeout(timer);
      this.#active -= 1;
      if (context) await context.close().catch((e: unknown) => this.#opts.onError?.(e, 'context.close'));
      for (const r of releases.reverse()) r();
    }
  }

  async health(): Promise<{ ok: boolean; browserConnected: boolean; activeJobs: number; waiting: number; crashes: number }> {
    let connected = false;
    let ok = true;
    try {
      const browser = this.#opts.profilesDir ? undefined : await this.#sharedBrowser();
      connected = browser ? browser.isConnected() : true;
    } catch (error) {
      ok = false;
      this.#opts.onError?.(error, 'health');
    }
    return { ok: ok && connected, browserConnected: connected, activeJobs: this.#active, waiting: this.#worker.waiting, crashes: this.#crashes };
  }

  async close(): Promise<void> {
    this.#closed = true;
    const browser = await this.#browser?.catch(() => undefined);
    this.#browser = undefined;
    await browser?.close().catch(() => undefined);
  }

  async #openContext(lease: PageLease): Promise<BrowserContext> {
    const headless = lease.headed ? false : (this.#opts.headless ?? true);
    const args = headless ? CHROMIUM_ARGS : CHROMIUM_ARGS.filter((a) => a !== '--headless');
    if (this.#opts.profilesDir) {
      const dir = join(this.#opts.profilesDir, lease.accountId);
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const { chromium } = await playwright();
      const context = await chromium.launchPersistentContext(dir, { executablePath: this.#opts.executablePath, headless, args });
      // The vault is the source of truth for the session; the profile keeps the rest (local storage, device marks).
      if (lease.storageState?.cookies.length) await context.addCookies(lease.storageState.cookies);
      return context;
    }
    const browser = await this.#sharedBrowser();
    return browser.newContext({ storageState: lease.storageState, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  }

  #sharedBrowser(): Promise<Browser> {
    if (!this.#browser) {
      const launching = playwright().then(({ chromium }) => chromium.launch({ executablePath: this.#opts.executablePath, headless: this.#opts.headless ?? true, args: CHROMIUM_ARGS }));
      this.#browser = launching;
      launching.then(
        (browser) =>
          browser.on('disconnected', () => {
            if (this.#browser === launching) this.#browser = undefined;
            if (!this.#closed) this.#crashes += 1;
          }),
        () => {
          if (this.#browser === launching) this.#browser = undefined;
        },
      );
    }
    return this.#browser;
  }

  #classify(error: unknown): unknown {
    if (error instanceof PublishError) return error;
    const message = error instanceof Error ? error.message : String(error);
    if (/has been closed|Target closed|browser has disconnected|crash/i.test(message)) {
      return new PublishError('PUBLISH_BROWSER_CRASHED', 'The browser closed unexpectedly during the job; it will be restarted and the job retried.', { retryable: true, cause: error });
    }
    if (/Timeout \d+ms exceeded/i.test(message)) {
      return new PublishError('PUBLISH_TIMEOUT', `A page or action timed out: ${message.split('\n')[0]}`, { retryable: true, cause: error });
    }
    if (/ERR_CONNECTION|ERR_NAME|net::/i.test(message)) {
      return new PublishError('PUBLISH_NETWORK', `The platform site could not be reached: ${message.split('\n')[0]}`, { retryable: true, cause: error });
    }
    return new PublishError('PUBLISH_PLATFORM_ERROR', `Browser automation failed: ${message.split('\n')[0]}`, { retryable: true, cause: error });
  }
}
