import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What every fake open-platform API here shares: an OAuth 2.0 token store with
 * its own clock (tests move it to expire tokens), single-use authorization
 * codes and refresh tokens, a consent page that answers at once with a code
 * (as if the user clicked 同意授权), one-shot failures and a call log.
 * Each platform's file speaks that platform's own fields, envelope and codes.
 */
export interface FakeCall {
  method: string;
  path: string;
  /** The platform's error code answered, 0 for success. */
  code: number;
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  openId: string;
}

export class FakeOAuthState {
  readonly calls: FakeCall[] = [];
  offsetMs = 0;
  readonly #codes = new Map<string, { clientId: string; redirectUri: string; openId: string; expiresAt: number }>();
  readonly #access = new Map<string, { openId: string; expiresAt: number }>();
  readonly #refresh = new Map<string, { openId: string; expiresAt: number }>();
  readonly #failures = new Map<string, number[]>();
  /** Whether the user denies on the consent page. */
  deny = false;
  revoked = 0;

  constructor(
    readonly prefix: string,
    readonly accessTtlS: number,
    readonly refreshTtlS: number,
    readonly client: { id: string; secret: string },
  ) {}

  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Moves this fake's clock: tokens issued before expire on their own schedule. */
  advance(ms: number): void {
    this.offsetMs += ms;
  }

  code(clientId: string, redirectUri: string, openId = `${this.prefix}_user_1`): string {
    const code = `${this.prefix}C_${randomBytes(8).toString('hex')}`;
    this.#codes.set(code, { clientId, redirectUri, openId, expiresAt: this.now() + 120_000 });
    return code;
  }

  /** 'ok' | 'bad_code' | 'redirect_mismatch'; a code works once. */
  redeem(code: string, redirectUri?: string): { openId: string } | 'bad_code' | 'redirect_mismatch' {
    const entry = this.#codes.get(code);
    this.#codes.delete(code);
    if (!entry || entry.expiresAt < this.now()) return 'bad_code';
    if (redirectUri !== undefined && redirectUri !== entry.redirectUri) return 'redirect_mismatch';
    return { openId: entry.openId };
  }

  issue(openId: string, keepRefreshExpiry?: number): IssuedTokens & { refreshExpiresAt: number } {
    const accessToken = `${this.prefix}AT_${randomBytes(10).toString('hex')}`;
    const refreshToken = `${this.prefix}RT_${randomBytes(10).toString('hex')}`;
    const refreshExpiresAt = keepRefreshExpiry ?? this.now() + this.refreshTtlS * 1000;
    this.#access.set(accessToken, { openId, expiresAt: this.now() + this.accessTtlS * 1000 });
    this.#refresh.set(refreshToken, { openId, expiresAt: refreshExpiresAt });
    return { accessToken, refreshToken, openId, refreshExpiresAt };
  }

  /** A refresh token works once: the old one is void after use (rotation). */
  useRefresh(token: string): { openId: string; expiresAt: number } | 'invalid' | 'expired' {
    const entry = this.#refresh.get(token);
    if (!entry) return 'invalid';
    this.#refresh.delete(token);
    if (entry.expiresAt < this.now()) return 'expired';
    return entry;
  }

  checkAccess(token: string | undefined | null): { openId: string } | 'invalid' | 'expired' {
    const entry = token ? this.#access.get(token) : undefined;
    if (!entry) return 'invalid';
    if (entry.expiresAt < this.now()) return 'expired';
    return entry;
  }

  revoke(token: string): boolean {
    const entry = this.#access.get(token);
    if (!entry) return false;
    this.#access.delete(token);
    for (const [k, v] of this.#refresh) if (v.openId === entry.openId) this.#refresh.delete(k);
    this.revoked += 1;
    return true;
  }

  /** Every token stops working (the user revoked the app on the platform). */
  revokeAll(): void {
    this.#access.clear();
    this.#refresh.clear();
  }

  /** The next `times` calls of `path` answer the platform's error `code`. */
  failNext(path: string, code: number, times = 1): void {
    this.#failures.set(path, [...(this.#failures.get(path) ?? []), ...Array<number>(times).fill(code)]);
  }

  takeFailure(path: string): number | undefined {
    const queue = this.#failures.get(path);
    return queue?.shift();
  }
}

export interface ParsedRequest {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  raw: Buffer;
  /** Query + urlencoded/JSON body fields. */
  fields: Record<string, string>;
  json?: Record<string, unknown>;
  form?: FormData;
}

export type Handler = (req: ParsedRequest, res: Responder) => Promise<void> | void;

export interface Responder {
  json(status: number, body: unknown): void;
  redirect(location: string): void;
  raw: ServerResponse;
}

export async function startFakeServer(handler: Handler): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const raw = Buffer.concat(chunks);
        const url = new URL(req.url ?? '/', 'http://fake');
        const fields: Record<string, string> = Object.fromEntries(url.searchParams);
        const type = String(req.headers['content-type'] ?? '');
        let json: Record<string, unknown> | undefined;
        let form: FormData | undefined;
        if (type.includes('application/json') && raw.length) {
          json = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
          for (const [k, v] of Object.entries(json)) if (typeof v !== 'object') fields[k] = String(v);
        } else if (type.includes('application/x-www-form-urlencoded')) {
          for (const [k, v] of new URLSearchParams(raw.toString('utf8'))) fields[k] = v;
        } else if (type.includes('multipart/form-data')) {
          form = await new Response(raw, { headers: { 'content-type': type } }).formData();
          for (const [k, v] of form) if (typeof v === 'string') fields[k] = v;
        }
        const responder: Responder = {
          raw: res,
          json(status, body) {
            res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
            res.end(JSON.stringify(body));
          },
          redirect(location) {
            res.writeHead(302, { location });
            res.end();
          },
        };
        await handler({ method: req.method ?? 'GET', url, headers: req.headers, raw, fields, json, form }, responder);
      })().catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The consent page: answers at once as if the user agreed (or denied, with `deny`). */
export function consent(state: FakeOAuthState, res: Responder, o: { clientId?: string; redirectUri?: string; state?: string; deniedQuery?: Record<string, string> }): void {
  if (!o.redirectUri || o.clientId !== state.client.id) {
    res.json(400, { error: 'invalid_client' });
    return;
  }
  const target = new URL(o.redirectUri);
  if (state.deny) for (const [k, v] of Object.entries(o.deniedQuery ?? { error: 'access_denied' })) target.searchParams.set(k, v);
  else target.searchParams.set('code', state.code(o.clientId, o.redirectUri));
  if (o.state) target.searchParams.set('state', o.state);
  res.redirect(target.toString());
}
