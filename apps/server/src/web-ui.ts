import type { AppContext } from './context.ts';
import { LOCAL_TOKEN_COOKIE, tokensEqual } from './auth/local-guard.ts';
import type { App } from './routes/types.ts';

/**
 * Serves the browser entry. In local mode the printed URL carries the session
 * token once (`/?token=…`, as Jupyter does); it becomes an HttpOnly,
 * SameSite=Strict cookie and the token leaves the address bar.
 */
export async function installWebUi(app: App, ctx: AppContext): Promise<void> {
  app.get('/', { config: { auth: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const token = (request.query as Record<string, string | undefined>).token;
    if (ctx.local && token) {
      if (!tokensEqual(token, ctx.local.token)) {
        return reply.code(403).type('text/html; charset=utf-8').send('<!doctype html><meta charset="utf-8"><p>令牌无效 / Invalid token. 请使用 creatorflow start 打印的链接。</p>');
      }
      void reply.setCookie(LOCAL_TOKEN_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/' });
      return reply.redirect('/');
    }
    return reply
      .type('text/html; charset=utf-8')
      .send('<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>创流 CreatorFlow</title><h1>创流 CreatorFlow</h1><p>API: <a href="/api/docs">/api/docs</a></p></html>');
  });
}
