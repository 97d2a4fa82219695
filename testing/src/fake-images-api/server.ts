import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { gradientPng } from '../fake-comfyui/png.ts';

export interface FakeImagesApiOptions {
  apiKey?: string;
  /** Answer the next N requests with 429 and `retry-after: 1`. */
  rateLimitNext?: number;
}

export interface FakeImagesApi {
  /** Base URL including `/v1`. */
  url: string;
  requests: Array<Record<string, unknown>>;
  rateLimitNext(n: number): void;
  close(): Promise<void>;
}

/**
 * An OpenAI-compatible images API: `POST /v1/images/generations` in the
 * OpenAI shape (`size`, `n`, `response_format` → `data[].b64_json|url`) and
 * the SiliconFlow shape (`image_size`, `batch_size` → `images[].url`, `seed`),
 * Bearer auth, 429 with retry-after, and a content-policy refusal for prompts
 * containing `FAIL_POLICY`. Image URLs are served from `/files/…`.
 */
export async function startFakeImagesApi(options: FakeImagesApiOptions = {}): Promise<FakeImagesApi> {
  const apiKey = options.apiKey ?? 'sk-test-images';
  let rateLimit = options.rateLimitNext ?? 0;
  const files = new Map<string, Buffer>();
  const requests: Array<Record<string, unknown>> = [];
  let base = '';

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    const fail = (status: number, message: string, type: string, code: string | null, headers: Record<string, string> = {}) =>
      json(status, { error: { message, type, param: null, code } }, headers);
    if (req.method === 'GET' && url.pathname.startsWith('/files/')) {
      const file = files.get(url.pathname.slice('/files/'.length));
      if (!file) return fail(404, 'File not found', 'invalid_request_error', null);
      res.writeHead(200, { 'content-type': 'image/png' });
      return res.end(file);
    }
    if (req.method !== 'POST' || url.pathname !== '/v1/images/generations') return fail(404, `Unknown route ${req.method} ${url.pathname}`, 'invalid_request_error', null);
    if (req.headers.authorization !== `Bearer ${apiKey}`) return fail(401, 'Incorrect API key provided', 'invalid_request_error', 'invalid_api_key');
    if (rateLimit > 0) {
      rateLimit -= 1;
      return fail(429, 'Rate limit reached for images per minute', 'requests', 'rate_limit_exceeded', { 'retry-after': '1' });
    }
    let text = '';
    for await (const c of req) text += String(c);
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return fail(400, 'We could not parse the JSON body of your request.', 'invalid_request_error', null);
    }
    requests.push(body);
    if (typeof body.prompt !== 'string' || !body.prompt) return fail(400, "Missing required parameter: 'prompt'.", 'invalid_request_error', 'missing_required_parameter');
    if (body.prompt.includes('FAIL_POLICY')) {
      return fail(400, 'Your request was rejected as a result of our safety system.', 'invalid_request_error', 'content_policy_violation');
    }
    const siliconflow = 'image_size' in body;
    const size = String(siliconflow ? body.image_size : (body.size ?? '1024x1024'));
    const match = /^(\d{2,4})x(\d{2,4})$/.exec(size);
    if (!match) return fail(400, `Invalid size '${size}'. Use WIDTHxHEIGHT, e.g. 1024x1024.`, 'invalid_request_error', 'invalid_size');
    const n = Number(siliconflow ? (body.batch_size ?? 1) : (body.n ?? 1));
    if (!Number.isInteger(n) || n < 1 || n > 4) return fail(400, `n must be between 1 and 4, got ${n}`, 'invalid_request_error', 'invalid_value');
    const seed = typeof body.seed === 'number' ? body.seed : 42;
    const pngs = Array.from({ length: n }, (_, i) => gradientPng(Number(match[1]), Number(match[2]), seed + i));
    const urlFor = (png: Buffer) => {
      const id = `${randomUUID()}.png`;
      files.set(id, png);
      return `${base}/files/${id}`;
    };
    if (siliconflow) return json(200, { images: pngs.map((p) => ({ url: urlFor(p) })), timings: { inference: 0.1 }, seed });
    const format = body.response_format ?? 'url';
    return json(200, {
      created: Math.floor(Date.now() / 1000),
      data: pngs.map((p) => (format === 'b64_json' ? { b64_json: p.toString('base64'), revised_prompt: body.prompt } : { url: urlFor(p), revised_prompt: body.prompt })),
    });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: (error as Error).message, type: 'server_error' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${base}/v1`,
    requests,
    rateLimitNext: (n) => {
      rateLimit = n;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
