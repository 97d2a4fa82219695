import type { TokenUsage } from '@creatorflow/core';
import type { Dispatcher } from 'undici';
import type { MemberHealth } from './failover.ts';
import type { Member, Target } from './member.ts';
import { JSON_HEADERS, SSE_HEADERS, type ReplySink } from './sink.ts';
import { SseParser, sseData } from './sse.ts';
import { anthropicToOpenaiRequest, openaiToAnthropicRequest } from './translate/request.ts';
import { anthropicToOpenaiResponse, anthropicUsage, errorInFormat, openaiToAnthropicResponse, openaiUsage, upstreamErrorMessage } from './translate/response.ts';
import { AnthropicToOpenaiStream, OpenaiToAnthropicStream, type StreamTranslator } from './translate/stream.ts';
import type { Json } from './translate/types.ts';
import { callUpstream, toUpstreamError, type UpstreamTimeouts } from './upstream.ts';
import { UpstreamError, type ErrorClass } from './upstream-error.ts';

export type WireFormat = 'openai' | 'anthropic';

export interface ChatCall {
  /** The client's wire format. */
  format: WireFormat;
  /** The client's body, as received. */
  body: Json;
  signal: AbortSignal;
  /** Headers to pass on to same-format upstreams (anthropic-version, anthropic-beta). */
  forwarded?: Record<string, string>;
}

export interface ChatOutcome {
  status: 'ok' | 'error' | 'cancelled';
  httpStatus: number;
  member: Member | undefined;
  attempts: number;
  usage: TokenUsage | undefined;
  ttftMs: number | undefined;
  errorClass: ErrorClass | undefined;
  errorMessage?: string;
  /** Upstream Retry-After when the request failed with 429. */
  retryAfterMs?: number;
}

export interface ExecDeps {
  dispatcher: Dispatcher;
  health: MemberHealth;
  timeouts: UpstreamTimeouts;
}

interface Opened {
  response: Dispatcher.ResponseData;
  iterator: AsyncIterator<Buffer>;
  first: Buffer;
}

const PATH = { openai: '/chat/completions', anthropic: '/messages' } as const;

/** The body to send to one member: the client's own body with the member's model, or a translation. */
function upstreamBody(call: ChatCall, member: Member, stream: boolean): { body: Json; injectedUsage: boolean } {
  if (member.wire === call.format) {
    const body: Json = { ...call.body, model: member.model };
    let injectedUsage = false;
    if (stream && member.wire === 'openai' && (body.stream_options as Json | undefined)?.include_usage !== true) {
      // Usage is needed for metering; it is stripped again before the client sees it.
      body.stream_options = { ...(body.stream_options as Json | undefined), include_usage: true };
      injectedUsage = true;
    }
    return { body, injectedUsage };
  }
  return member.wire === 'anthropic'
    ? { body: openaiToAnthropicRequest(call.body, member.model, Math.min(member.maxOutput || 4096, 8192)), injectedUsage: false }
    : { body: anthropicToOpenaiRequest(call.body, member.model), injectedUsage: false };
}

/**
 * Runs one chat request (either wire format, streamed or not) through the
 * target's members with failover, writing the answer to `sink`.
 */
export async function executeChat(deps: ExecDeps, target: Target, call: ChatCall, sink: ReplySink): Promise<ChatOutcome> {
  const started = performance.now();
  const stream = call.body.stream === true;
  const forwardedFor = (member: Member) => (member.wire === call.format ? (call.forwarded ?? {}) : {});
  const prepared = new Map<string, { body: Json; injectedUsage: boolean }>();
  const prepare = (member: Member) => {
    let p = prepared.get(member.id);
    if (!p) prepared.set(member.id, (p = upstreamBody(call, member, stream)));
    return p;
  };

  try {
    if (!stream) {
      const { value: text, member, attempts } = await deps.health.run(
        target.members,
        async (member) => {
          const response = await callUpstream(deps.dispatcher, member, PATH[member.wire], JSON.stringify(prepare(member).body), call.signal, deps.timeouts, forwardedFor(member));
          try {
            return await response.body.text();
          } catch (error) {
            throw toUpstreamError(error, member, call.signal);
          }
        },
        call.signal,
      );
      let out = text;
      let usage: TokenUsage | undefined;
      if (member.wire === call.format) {
        const parsed = JSON.parse(text) as Json;
        usage = member.wire === 'openai' ? openaiUsage(parsed.usage) : anthropicUsage(parsed.usage);
      } else {
        const parsed = JSON.parse(text) as Json;
        usage = member.wire === 'openai' ? openaiUsage(parsed.usage) : anthropicUsage(parsed.usage);
        out = JSON.stringify(member.wire === 'anthropic' ? anthropicToOpenaiResponse(parsed, Math.floor(Date.now() / 1000)) : openaiToAnthropicResponse(parsed));
      }
      sink.send(200, JSON_HEADERS, out);
      return { status: 'ok', httpStatus: 200, member, attempts, usage, ttftMs: undefined, errorClass: undefined };
    }

    const { value: opened, member, attempts } = await deps.health.run<Opened>(
      target.members,
      async (member) => {
        const response = await callUpstream(deps.dispatcher, member, PATH[member.wire], JSON.stringify(prepare(member).body), call.signal, deps.timeouts, forwardedFor(member));
        const iterator = response.body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
        try {
          const first = await iterator.next();
          if (first.done) throw new UpstreamError(`${member.provider}/${member.model} sent an empty stream`, 'server_error', 502);
          return { response, iterator, first: first.value };
        } catch (error) {
          response.body.destroy();
          throw toUpstreamError(error, member, call.signal);
        }
      },
      call.signal,
    );
    const ttftMs = Math.round(performance.now() - started);
    const { injectedUsage } = prepare(member);
    const passThrough = member.wire === call.format && !injectedUsage;
    const translator: StreamTranslator | undefined =
      member.wire === call.format
        ? undefined
        : member.wire === 'anthropic'
          ? new AnthropicToOpenaiStream((call.body.stream_options as Json | undefined)?.include_usage === true, Math.floor(Date.now() / 1000))
          : new OpenaiToAnthropicStream();
    const parser = new SseParser();
    const decoder = new TextDecoder();
    let usage: TokenUsage | undefined;
    sink.open(200, SSE_HEADERS);

    const handle = async (chunk: Buffer) => {
      const events = parser.push(decoder.decode(chunk, { stream: true }));
      let out: string | Buffer = passThrough ? chunk : '';
      for (const event of events) {
        if (translator) {
          out += translator.event(event);
          continue;
        }
        usage = readUsage(member.wire, event.data, usage);
        if (!passThrough && !isUsageOnlyChunk(event.data)) out += sseData(event.data);
      }
      if (out.length > 0 && !sink.write(out)) await sink.drained();
    };

    let failure: UpstreamError | undefined;
    try {
      await handle(opened.first);
      for (;;) {
        const next = await opened.iterator.next();
        if (next.done) break;
        await handle(next.value);
      }
      if (translator) {
        const rest = translator.finish();
        if (rest) sink.write(rest);
      }
    } catch (error) {
      failure = toUpstreamError(error, member, call.signal);
      opened.response.body.destroy();
      if (failure.errorClass !== 'cancelled') {
        const body = errorInFormat(call.format, 502, `upstream stream broke: ${failure.message}`, 'LLM_STREAM_INTERRUPTED');
        sink.write(call.format === 'anthropic' ? sseData(body, 'error') : sseData(body));
      }
    }
    sink.end();
    usage = translator?.usage ?? usage;
    if (failure) {
      return { status: failure.errorClass === 'cancelled' ? 'cancelled' : 'error', httpStatus: 200, member, attempts, usage, ttftMs, errorClass: failure.errorClass, errorMessage: failure.message };
    }
    return { status: 'ok', httpStatus: 200, member, attempts, usage, ttftMs, errorClass: undefined };
  } catch (error) {
    if (!(error instanceof UpstreamError)) throw error;
    return sendUpstreamFailure(call.format, target, error, sink);
  }
}

function readUsage(wire: WireFormat, data: string, previous: TokenUsage | undefined): TokenUsage | undefined {
  if (!data.includes('"usage"')) return previous;
  try {
    const event = JSON.parse(data) as Json;
    if (wire === 'openai') return openaiUsage(event.usage) ?? previous;
    if (event.type === 'message_start') return anthropicUsage((event.message as Json | undefined)?.usage) ?? previous;
    if (event.type === 'message_delta') {
      const output = ((event.usage as Json | undefined) ?? {}).output_tokens;
      const base = previous ?? { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 };
      return { ...base, outputTokens: typeof output === 'number' ? output : base.outputTokens };
    }
  } catch {
    return previous;
  }
  return previous;
}

function isUsageOnlyChunk(data: string): boolean {
  return data.includes('"choices":[]') && data.includes('"usage":{');
}

/** No member could answer: pass the upstream's own error on when it speaks the client's format, else wrap it. */
function sendUpstreamFailure(format: WireFormat, target: Target, error: UpstreamError, sink: ReplySink): ChatOutcome {
  const outcome: ChatOutcome = {
    status: error.errorClass === 'cancelled' ? 'cancelled' : 'error',
    httpStatus: 0,
    member: undefined,
    attempts: error.attempts,
    usage: undefined,
    ttftMs: undefined,
    errorClass: error.errorClass,
    errorMessage: error.message,
    retryAfterMs: error.retryAfterMs,
  };
  if (error.errorClass === 'cancelled') {
    outcome.httpStatus = 499;
    sink.end();
    return outcome;
  }
  const status = error.errorClass === 'client_error' ? (error.status ?? 400) : error.errorClass === 'rate_limited' ? 429 : error.errorClass === 'timeout' ? 504 : error.errorClass === 'circuit_open' ? 503 : 502;
  outcome.httpStatus = status;
  const sameFormatBody = error.body && error.errorClass === 'client_error' && target.members.every((m) => m.wire === format) ? error.body : undefined;
  const code = error.errorClass === 'client_error' ? 'LLM_UPSTREAM_REJECTED' : error.errorClass === 'rate_limited' ? 'LLM_UPSTREAM_RATE_LIMITED' : 'LLM_UPSTREAM_UNAVAILABLE';
  const message = error.body ? `${error.message}: ${upstreamErrorMessage(error.body)}` : error.message;
  const headers: Record<string, string> = { ...JSON_HEADERS };
  if (status === 429) headers['retry-after'] = String(Math.max(1, Math.ceil((error.retryAfterMs ?? 1000) / 1000)));
  sink.send(status, headers, sameFormatBody ?? JSON.stringify(errorInFormat(format, status, message, code)));
  return outcome;
}
