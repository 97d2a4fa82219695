import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import secureJson from 'secure-json-parse';
import { CreatorFlowError, NotFoundError, ValidationError, isAcceptableTraceId, newTraceId } from '@creatorflow/core';
import { errorInFormat, type WireFormat } from '@creatorflow/llm';
import type { AppContext } from '../context.ts';
import { assertLoopbackRequest } from '../auth/local-guard.ts';
import { PROBLEM_CONTENT_TYPE, logProblem, retryAfterHeader, toProblem } from '../http/problem.ts';
import { assertModelAllowed, authenticateGateway, type GatewayPrincipal } from './gateway-auth.ts';
import { listGatewayModels } from './gateway-models.ts';
import { RawSink } from './raw-sink.ts';

/** Same ceiling as the rest of the API (Fastify's bodyLimit in app.ts). */
export const GATEWAY_BODY_LIMIT = 10 * 1024 * 1024;

type Body = Record<string, unknown>;
export type GatewayHttpHandler = (req: IncomingMessage, res: ServerResponse) => void;

interface GatewayRequest {
  req: IncomingMessage;
  res: ServerResponse;
  /** The URL path without the query. */
  path: string;
  traceId: string;
  format: WireFormat;
  /** Sent with every answer: the trace id, and CORS headers for browser callers. */
  answerHeaders: Record<string, string>;
}

type Endpoint = (ctx: AppContext, request: GatewayRequest) => Promise<void>;

const ROUTES: Record<string, { method: 'GET' | 'POST'; run: Endpoint }> = {
  '/v1/chat/completions': { method: 'POST', run: (ctx, request) => chat(ctx, request, 'chat/completions') },
  '/v1/messages': { method: 'POST', run: (ctx, request) => chat(ctx, request, 'messages') },
  '/v1/embeddings': { method: 'POST', run: embeddings },
  '/v1/models': { method: 'GET', run: models },
};

export function isGatewayPath(url: string | undefined): boolean {
  return url !== undefined && (url === '/v1' || url.startsWith('/v1/') || url.startsWith('/v1?'));
}

/**
 * The OpenAI- and Anthropic-compatible gateway under /v1, for teams' own tools,
 * served on Node's request/response directly instead of through Fastify.
 * Every request here is a model call that may stream for minutes, and teams
 * point busy tools at it: Fastify's per-request pipeline (routing, hooks,
 * a child logger, body parsing) was a measurable share of the gateway's CPU
 * (see docs/benchmarks.md). What the pipeline gave the gateway is kept here:
 * the local-mode loopback guard, trace ids, JSON bodies with the same size
 * limit and prototype-poisoning check, and problem+json errors that the
 * OpenAI and Anthropic SDKs also understand.
 */
export function createGatewayHandler(ctx: AppContext): GatewayHttpHandler {
  return (req, res) => {
    const given = req.headers['x-trace-id'];
    const traceId = typeof given === 'string' && isAcceptableTraceId(given) ? given : newTraceId();
    const path = (req.url ?? '/').split('?')[0]!;
    const request: GatewayRequest = { req, res, path, traceId, format: path === '/v1/messages' ? 'anthropic' : 'openai', answerHeaders: { 'x-trace-id': traceId } };
    void serve(ctx, request).catch((error: unknown) => sendProblem(ctx.logger, request, error));
  };
}

async function serve(ctx: AppContext, request: GatewayRequest): Promise<void> {
  const { path } = request;
  if (ctx.mode === 'local') assertLoopbackRequest(request.req);
  Object.assign(request.answerHeaders, corsHeaders(request.req));
  const route = ROUTES[path] ?? (path.startsWith('/v1/models/') ? { method: 'GET' as const, run: model } : undefined);
  const method = request.req.method ?? 'GET';
  if (!route) throw new NotFoundError('Route', `${method} ${path}`);
  if (method === 'OPTIONS') return preflight(request, route.method);
  if (method !== route.method) {
    request.res.setHeader('allow', route.method);
    throw new CreatorFlowError('METHOD_NOT_ALLOWED', `${path} answers ${route.method} only, not ${method}.`, { status: 405 });
  }
  await route.run(ctx, request);
}

async function chat(ctx: AppContext, request: GatewayRequest, endpoint: 'chat/completions' | 'messages'): Promise<void> {
  const { format, res } = request;
  const principal = await authenticateGateway(ctx.llm, request.req.headers, ctx.clock, ctx.logger);
  const body = checkBody(await readJsonBody(request.req), format, true);
  assertModelAllowed(principal, body.model as string);
  const forwarded: Record<string, string> = {};
  for (const name of ['anthropic-version', 'anthropic-beta']) {
    const value = request.req.headers[name];
    if (typeof value === 'string') forwarded[name] = value;
  }
  const controller = abortOnDisconnect(res);
  const sink = new RawSink(res, request.answerHeaders);
  try {
    await ctx.llm.runChat(gatewayCall(principal, request, endpoint), format, body, controller.signal, sink, forwarded);
  } catch (error) {
    // Nothing was written yet when runChat throws before the upstream answered (limits, unknown model).
    if (res.headersSent) {
      ctx.logger.error({ err: error, trace_id: request.traceId }, 'gateway stream failed after it started');
      sink.end();
      return;
    }
    throw error;
  }
}

async function embeddings(ctx: AppContext, request: GatewayRequest): Promise<void> {
  const principal = await authenticateGateway(ctx.llm, request.req.headers, ctx.clock, ctx.logger);
  const body = checkBody(await readJsonBody(request.req), 'openai', false);
  assertModelAllowed(principal, body.model as string);
  const controller = abortOnDisconnect(request.res);
  const result = await ctx.llm.runEmbeddings(gatewayCall(principal, request, 'embeddings'), body, controller.signal);
  new RawSink(request.res, request.answerHeaders).send(result.status, { ...result.headers, 'content-type': 'application/json' }, result.body);
}

async function models(ctx: AppContext, request: GatewayRequest): Promise<void> {
  const principal = await authenticateGateway(ctx.llm, request.req.headers, ctx.clock, ctx.logger);
  const list = await listGatewayModels(ctx.llm, principal);
  new RawSink(request.res, request.answerHeaders).send(200, { 'content-type': 'application/json; charset=utf-8' }, JSON.stringify(list));
}

/** GET /v1/models/{id}: one of the names the key may use, as the OpenAI SDK's `models.retrieve` expects. */
async function model(ctx: AppContext, request: GatewayRequest): Promise<void> {
  const principal = await authenticateGateway(ctx.llm, request.req.headers, ctx.clock, ctx.logger);
  const id = decodeURIComponent(request.path.slice('/v1/models/'.length));
  const list = (await listGatewayModels(ctx.llm, principal)) as { data: Array<{ id: string }> };
  const found = list.data.find((m) => m.id === id);
  if (!found) {
    const known = list.data.map((m) => m.id);
    throw new CreatorFlowError('LLM_MODEL_UNKNOWN', `Model '${id}' is not available to this key; it may use: ${known.length > 0 ? known.join(', ') : 'none yet'}.`, { status: 404, details: { model: id } });
  }
  new RawSink(request.res, request.answerHeaders).send(200, { 'content-type': 'application/json; charset=utf-8' }, JSON.stringify(found));
}

/**
 * Browser-based chat tools call OpenAI-compatible gateways straight from the page.
 * Gateway calls authenticate with a key in a header, never a cookie, so any origin may
 * read the answers; in local mode the loopback guard still refuses foreign origins first.
 */
function corsHeaders(req: IncomingMessage): Record<string, string> {
  if (req.headers.origin === undefined) return {};
  return { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'x-trace-id, retry-after' };
}

function preflight(request: GatewayRequest, method: string): void {
  const asked = request.req.headers['access-control-request-headers'];
  request.res.writeHead(204, {
    ...request.answerHeaders,
    'access-control-allow-methods': `${method}, OPTIONS`,
    'access-control-allow-headers': typeof asked === 'string' && asked ? asked : 'authorization, content-type, x-api-key, anthropic-version, anthropic-beta, x-trace-id',
    'access-control-max-age': '86400',
  });
  request.res.end();
}

function gatewayCall(principal: GatewayPrincipal, request: GatewayRequest, endpoint: string) {
  return { principal, source: 'gateway' as const, endpoint, traceId: request.traceId };
}

/** Cancels the upstream request when the client goes away before the answer is complete. */
function abortOnDisconnect(res: ServerResponse): AbortController {
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller;
}

/** The request body as JSON: `Content-Type: application/json`, at most GATEWAY_BODY_LIMIT bytes, no `__proto__` keys. */
export async function readJsonBody(req: IncomingMessage, limit = GATEWAY_BODY_LIMIT): Promise<unknown> {
  const type = req.headers['content-type'];
  if (!type || !/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
    req.resume();
    throw new CreatorFlowError('UNSUPPORTED_MEDIA_TYPE', `Send the request body as JSON with \`Content-Type: application/json\` (got '${type ?? 'none'}').`, { status: 415 });
  }
  const tooLarge = () => new CreatorFlowError('PAYLOAD_TOO_LARGE', `The request body is larger than ${limit / 1024 / 1024} MiB; send less context or split the request.`, { status: 413 });
  if (Number(req.headers['content-length'] ?? 0) > limit) {
    req.resume();
    throw tooLarge();
  }
  const buffer = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      // Keep the connection to answer 413; the rest of the body is read and dropped.
      req.off('data', onData).off('end', onEnd).resume();
      reject(tooLarge());
    };
    const onEnd = () => resolve(Buffer.concat(chunks, size));
    req.on('data', onData).on('end', onEnd).once('error', reject);
  });
  const text = buffer.toString('utf8');
  if (text.trim() === '') throw new ValidationError('The request body is empty: send a JSON object.', [{ path: 'body', message: 'empty' }]);
  try {
    return secureJson.parse(text, null, { protoAction: 'error', constructorAction: 'error' });
  } catch (error) {
    throw new ValidationError(`The request body is not valid JSON: ${(error as Error).message}`, [{ path: 'body', message: 'not JSON' }]);
  }
}

function checkBody(raw: unknown, format: WireFormat, chat: boolean): Body {
  const issues: Array<{ path: string; message: string }> = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ValidationError('The request body must be a JSON object', [{ path: 'body', message: 'not an object' }]);
  }
  const body = raw as Body;
  if (typeof body.model !== 'string' || body.model === '') issues.push({ path: 'body.model', message: 'required: a group alias (e.g. default) or provider:model' });
  if (chat && !Array.isArray(body.messages)) issues.push({ path: 'body.messages', message: 'required: an array of messages' });
  if (chat && format === 'anthropic' && typeof body.max_tokens !== 'number') issues.push({ path: 'body.max_tokens', message: 'required by the Anthropic Messages API: a positive integer' });
  if (!chat && body.input === undefined) issues.push({ path: 'body.input', message: 'required: a string or an array of strings' });
  if (issues.length > 0) throw new ValidationError(`The request body is invalid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
  return body;
}

/** problem+json that the OpenAI and Anthropic SDKs also understand (they read `error.message`). */
function sendProblem(logger: Logger, request: GatewayRequest, error: unknown): void {
  const { res, traceId, format } = request;
  const problem = toProblem(error, traceId);
  logProblem(logger, problem, error);
  if (res.headersSent) {
    res.end();
    return;
  }
  const headers: Record<string, string> = { 'content-type': PROBLEM_CONTENT_TYPE };
  const retryAfter = retryAfterHeader(error);
  if (retryAfter) headers['retry-after'] = retryAfter;
  // A body we stopped reading (too large, wrong type) must not be taken for the next request on this connection.
  if (!request.req.complete) headers.connection = 'close';
  const { error: wire } = errorInFormat(format, problem.status, problem.detail, problem.code) as { error: unknown };
  new RawSink(res, request.answerHeaders).send(problem.status, headers, JSON.stringify({ ...problem, error: wire }));
}
