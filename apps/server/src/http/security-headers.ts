import type { ServerResponse } from 'node:http';
import type { App } from './types.ts';

/**
 * Browser-side defences every answer carries (issue 17 item 6): no framing by
 * other sites (clickjacking), no MIME sniffing (an uploaded file or JSON body
 * never runs as script), and a Content-Security-Policy that lets the web app
 * run only its own scripts. Routes may set a stricter policy of their own (the
 * library's file content is served with `sandbox`); these are defaults.
 */

/** The single-page app: its own bundle only; antd sets inline styles; covers and avatars come from platforms over https. */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "media-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** JSON and files of the API: nothing in an answer may load or run anything. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The API docs page (Swagger UI): its own scripts and styles. */
export const DOCS_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

export function cspFor(path: string): string {
  if (path === '/api/docs' || path.startsWith('/api/docs/')) return DOCS_CSP;
  if (path.startsWith('/api/') || path.startsWith('/v1/')) return API_CSP;
  return WEB_APP_CSP;
}

/** Sets the headers on a raw response (the /v1 gateway answers outside Fastify). */
export function setSecurityHeaders(res: Pick<ServerResponse, 'setHeader'>, path: string): void {
  res.setHeader('content-security-policy', cspFor(path));
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('referrer-policy', 'same-origin');
}

export function installSecurityHeaders(app: App): void {
  // onRequest, so error answers carry them too and a route's own header (set later) wins.
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    void reply.headers({
      'content-security-policy': cspFor(path),
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'same-origin',
    });
  });
}
