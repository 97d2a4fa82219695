import type { FastifyReply, FastifyRequest } from 'fastify';
import { CreatorFlowError, ValidationError } from '@creatorflow/core';
import { errorInFormat, type WireFormat } from '@creatorflow/llm';
import type { AppContext } from '../context.ts';
import { assertModelAllowed, authenticateGateway, type GatewayPrincipal } from '../llm/gateway-auth.ts';
import { listGatewayModels } from '../llm/gateway-models.ts';
import { RawSink } from '../llm/raw-sink.ts';
import { PROBLEM_CONTENT_TYPE, toProblem } from '../problem.ts';
import type { RoutePlugin } from './types.ts';

type Body = Record<string, unknown>;

/**
 * The OpenAI- and Anthropic-compatible gateway under /v1, for teams' own tools.
 * Routes check gateway keys themselves (`auth: 'gateway'`) and write the answer
 * straight to the socket so streams pass through chunk by chunk.
 */
export const gatewayRoutes: RoutePlugin = async (app, ctx) => {
  const gateway = { config: { auth: 'gateway' as const }, schema: { hide: true } };

  app.post('/v1/chat/completions', gateway, (request, reply) => chat(ctx, request, reply, 'openai'));
  app.post('/v1/messages', gateway, (request, reply) => chat(ctx, request, reply, 'anthropic'));

  app.post('/v1/embeddings', gateway, async (request, reply) => {
    try {
      const principal = await authenticateGateway(ctx.llm, request, ctx.clock, request.log);
      const body = checkBody(request.body, 'openai', false);
      assertModelAllowed(principal, body.model as string);
      const controller = abortOnDisconnect(reply);
      const result = await ctx.llm.runEmbeddings(gatewayCall(principal, request, 'embeddings'), body, controller.signal);
      return reply.code(result.status).headers(result.headers).type('application/json').send(result.body);
    } catch (error) {
      return sendGatewayError(request, reply, error, 'openai');
    }
  });

  app.get('/v1/models', gateway, async (request, reply) => {
    try {
      const principal = await authenticateGateway(ctx.llm, request, ctx.clock, request.log);
      return reply.send(await listGatewayModels(ctx.llm, principal));
    } catch (error) {
      return sendGatewayError(request, reply, error, 'openai');
    }
  });
};

async function chat(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, format: WireFormat): Promise<void> {
  let principal: GatewayPrincipal;
  let body: Body;
  try {
    principal = await authenticateGateway(ctx.llm, request, ctx.clock, request.log);
    body = checkBody(request.body, format, true);
    assertModelAllowed(principal, body.model as string);
  } catch (error) {
    return void sendGatewayError(request, reply, error, format);
  }
  const forwarded: Record<string, string> = {};
  for (const name of ['anthropic-version', 'anthropic-beta']) {
    const value = request.headers[name];
    if (typeof value === 'string') forwarded[name] = value;
  }
  const controller = abortOnDisconnect(reply);
  reply.hijack();
  const sink = new RawSink(reply.raw, { 'x-trace-id': request.traceId });
  try {
    await ctx.llm.runChat(gatewayCall(principal, request, format === 'openai' ? 'chat/completions' : 'messages'), format, body, controller.signal, sink, forwarded);
  } catch (error) {
    // Nothing was written yet when runChat throws (limits, unknown model): answer with a problem document.
    if (!reply.raw.headersSent) {
      const { status, headers, payload } = gatewayProblem(request, error, format);
      sink.send(status, headers, payload);
    } else {
      request.log.error({ err: error }, 'gateway stream failed after it started');
      sink.end();
    }
  }
}

function gatewayCall(principal: GatewayPrincipal, request: FastifyRequest, endpoint: string) {
  return { principal, source: 'gateway' as const, endpoint, traceId: request.traceId };
}

/** Cancels the upstream request when the client goes away before the answer is complete. */
function abortOnDisconnect(reply: FastifyReply): AbortController {
  const controller = new AbortController();
  reply.raw.on('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller;
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
function gatewayProblem(request: FastifyRequest, error: unknown, format: WireFormat): { status: number; headers: Record<string, string>; payload: string } {
  const problem = toProblem(error, request.traceId);
  if (problem.status >= 500) request.log.error({ err: error }, 'gateway request failed');
  const headers: Record<string, string> = { 'content-type': PROBLEM_CONTENT_TYPE };
  if (problem.status === 429 && CreatorFlowError.isInstance(error)) {
    headers['retry-after'] = String(Math.max(1, Math.ceil(Number(error.details?.retry_after ?? 1))));
  }
  const { error: wire } = errorInFormat(format, problem.status, problem.detail, problem.code) as { error: unknown };
  return { status: problem.status, headers, payload: JSON.stringify({ ...problem, error: wire }) };
}

function sendGatewayError(request: FastifyRequest, reply: FastifyReply, error: unknown, format: WireFormat): FastifyReply {
  const { status, headers, payload } = gatewayProblem(request, error, format);
  return reply.code(status).headers(headers).send(payload);
}
