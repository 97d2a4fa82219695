import type { EventEmitter } from 'node:events';
import { newUuid, NotFoundError } from '@creatorflow/core';
import { PublishError } from '../../errors.ts';
import { FlowRunner } from './flow-runner.ts';
import { isLoginUrl } from './flow-steps.ts';
import type { PlatformFlow } from './flow-schema.ts';
import type { BrowserPool, SessionState } from './pool.ts';

export interface LoginSession {
  id: string;
  accountId: string;
  workspaceId: string;
  status: 'waiting' | 'logged_in' | 'failed';
  /** A visible browser window was opened on the server's desktop (local mode with a display). */
  headed: boolean;
  /** The QR code as a PNG data URL, for a UI to show when the window is not visible (cloud). */
  qrImage?: string;
  nickname?: string;
  error?: string;
}

/**
 * Interactive login: opens the platform's login page (a real window locally),
 * shows the QR code (also captured as an image for remote UIs), waits until
 * the site shows a logged-in user, and hands the captured session to `onLoggedIn`.
 */
export class LoginSessions {
  readonly #sessions = new Map<string, LoginSession>();
  constructor(
    private readonly pool: BrowserPool,
    private readonly events: EventEmitter,
  ) {}

  start(input: {
    workspaceId: string;
    accountId: string;
    flow: PlatformFlow;
    baseUrl: string;
    headed: boolean;
    timeoutMs?: number;
    onLoggedIn: (state: SessionState, nickname: string | undefined, avatarUrl: string | undefined) => Promise<void>;
  }): LoginSession {
    const session: LoginSession = { id: newUuid(), accountId: input.accountId, workspaceId: input.workspaceId, status: 'waiting', headed: input.headed };
    this.#sessions.set(session.id, session);
    const { flow } = input;
    const deadline = Date.now() + (input.timeoutMs ?? 4 * 60_000);
    void this.pool
      .withPage({ userKey: input.workspaceId, platform: flow.platform, accountId: input.accountId, headed: input.headed }, async (page) => {
        const runner = new FlowRunner(flow, input.baseUrl === flow.baseUrl ? undefined : input.baseUrl);
        const login = flow.login;
        await page.goto(runner.url(login.url), { waitUntil: 'domcontentloaded' });
        const where = login.qrFrame ? page.frameLocator(login.qrFrame) : page;
        const qr = where.locator(login.qrImage).first();
        // The QR code may sit behind a tab (扫码登录); clicking the tab when it already shows would switch it away.
        if (login.qrTab && !(await qr.isVisible())) {
          await page.waitForTimeout(1000);
          if (!(await qr.isVisible())) await where.locator(login.qrTab).first().click({ timeout: 10_000 }).catch(() => undefined);
        }
        await qr.waitFor({ state: 'visible', timeout: 15_000 }).catch(() => undefined);
        if ((await qr.count()) > 0) session.qrImage = `data:image/png;base64,${(await qr.screenshot({ timeout: 10_000 })).toString('base64')}`;
        this.events.emit('login', { ...session });
        const loginPage = new URL(runner.url(login.url));
        for (;;) {
          if (Date.now() > deadline) throw new PublishError('PUBLISH_TIMEOUT', 'Nobody completed the login in time; start the login again.');
          const here = new URL(page.url());
          let onLogin = isLoginUrl(loginPage, here);
          // Markers may be text= selectors, which cannot be joined into one CSS list.
          for (const m of login.markers) if (!onLogin && (await page.locator(m).count()) > 0) onLogin = true;
          const names = new Set((await page.context().cookies()).map((c) => c.name));
          if (!onLogin && login.cookies.some((c) => names.has(c))) break;
          await page.waitForTimeout(300);
        }
        // The site lands on its home after the scan; the check page shows who logged in.
        const state = await runner.checkLogin(page);
        const nickname = state.nickname;
        const avatar = state.avatarUrl ?? null;
        return { nickname, avatarUrl: avatar ?? undefined };
      })
      .then(async ({ result, state }) => {
        await input.onLoggedIn(state, result.nickname, result.avatarUrl);
        session.status = 'logged_in';
        session.nickname = result.nickname;
        session.qrImage = undefined;
      })
      .catch((error: unknown) => {
        session.status = 'failed';
        session.error = error instanceof Error ? error.message : String(error);
      })
      .finally(() => this.events.emit('login', { ...session }));
    return session;
  }

  get(workspaceId: string, id: string): LoginSession {
    const s = this.#sessions.get(id);
    if (!s || s.workspaceId !== workspaceId) throw new NotFoundError('Login session', id);
    return s;
  }
}

/**
 * Whether a browser window can be shown on this machine: on Linux only with an
 * X11 or Wayland display (a local-mode install on a server or in a container has none,
 * and a headed Chromium would fail to start there); macOS and Windows always have one.
 */
export function canShowBrowserWindow(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): boolean {
  if (platform !== 'linux') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** A storage state from cookies pasted by the user ("a=1; b=2") for the platform's domain. */
export function sessionFromCookies(cookieHeader: string, baseUrl: string): SessionState {
  const host = new URL(baseUrl).hostname;
  const cookies = cookieHeader
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.includes('='))
    .map((part) => {
      const i = part.indexOf('=');
      return { name: part.slice(0, i).trim(), value: part.slice(i + 1).trim(), domain: host, path: '/', expires: -1, httpOnly: true, secure: baseUrl.startsWith('https:'), sameSite: 'Lax' as const };
    });
  if (cookies.length === 0) throw new PublishError('PUBLISH_CONTENT_INVALID', 'No cookies found: paste them as "name=value; name2=value2" (from the browser’s developer tools).', { status: 400 });
  return { cookies, origins: [] };
}
