import { existsSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { NotFoundError } from '@creatorflow/core';
import type { FastifyReply } from 'fastify';
import type { AppContext } from './context.ts';
import { LOCAL_TOKEN_COOKIE, tokensEqual } from './auth/local-guard.ts';
import type { App } from './http/types.ts';

/** Where `npm run build:web` writes the browser app. */
export const WEB_DIST_DIR = fileURLToPath(new URL('../../web/dist/', import.meta.url));

const API_PREFIXES = ['/api/', '/v1/'];

const MISSING_BUILD_PAGE =
  '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>创流 CreatorFlow</title>' +
  '<body style="font-family:system-ui;max-width:40rem;margin:4rem auto;line-height:1.6">' +
  '<h1>创流 CreatorFlow</h1><p>网页界面尚未构建。请在项目根目录运行 <code>npm run build:web</code>（<code>npm start</code> 会自动构建），然后刷新本页。</p>' +
  '<p>The web UI has not been built yet. Run <code>npm run build:web</code> in the project root (<code>npm start</code> does it for you), then reload.</p>' +
  '<p>API: <a href="/api/docs">/api/docs</a></p></body></html>';

function isApiPath(path: string): boolean {
  return path === '/api' || path === '/v1' || API_PREFIXES.some((p) => path.startsWith(p));
}

/** A dist-relative file for a URL path, or undefined when no such file exists (never escapes the dist dir). */
function staticFileFor(distDir: string, path: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  const relative = normalize(decoded).replace(/^[/\\]+/, '');
  if (relative === '' || relative.startsWith('..') || relative.includes(`${sep}..`)) return undefined;
  const full = join(distDir, relative);
  if (!full.startsWith(distDir)) return undefined;
  try {
    return statSync(full).isFile() ? relative : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serves the browser app (a single-page app built by Vite into apps/web/dist).
 * Files under /assets/ carry content hashes and are cached for a year; the
 * HTML shell, manifest and service worker are always revalidated so a new
 * build reaches users on the next load. Any other non-API path answers the
 * HTML shell so client-side routes survive a reload.
 *
 * In local mode the printed URL carries the session token once (`/?token=…`,
 * as Jupyter does); it becomes an HttpOnly, SameSite=Strict cookie and the
 * token leaves the address bar.
 */
export async function installWebUi(app: App, ctx: AppContext, distDir: string = WEB_DIST_DIR): Promise<void> {
  // Only `reply.sendFile` is used: the plugin's own routes would not carry `auth: 'public'`.
  await app.register(fastifyStatic, { root: distDir, serve: false });

  const sendShell = (reply: FastifyReply): FastifyReply => {
    if (!existsSync(join(distDir, 'index.html'))) {
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(MISSING_BUILD_PAGE);
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
  };

  app.get('/', { config: { auth: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const token = (request.query as Record<string, string | undefined>).token;
    if (ctx.local && token) {
      if (!tokensEqual(token, ctx.local.token)) {
        return reply
          .code(403)
          .type('text/html; charset=utf-8')
          .send('<!doctype html><meta charset="utf-8"><p>令牌无效 / Invalid token. 请使用 creatorflow start 打印的链接。</p>');
      }
      void reply.setCookie(LOCAL_TOKEN_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/' });
      return reply.redirect('/');
    }
    return sendShell(reply);
  });

  app.get('/*', { config: { auth: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (isApiPath(path)) throw new NotFoundError('Route', `${request.method} ${path}`);
    const file = staticFileFor(distDir, path);
    if (file === undefined) return sendShell(reply);
    if (file.startsWith(`assets${sep}`)) {
      return reply.header('cache-control', 'public, max-age=31536000, immutable').sendFile(file, { cacheControl: false });
    }
    return reply.header('cache-control', 'no-cache').sendFile(file, { cacheControl: false });
  });
}
