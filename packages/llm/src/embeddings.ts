import type { ChatOutcome, ExecDeps } from './chat-exec.ts';
import type { Target } from './member.ts';
import { errorInFormat, openaiUsage, upstreamErrorMessage } from './translate/response.ts';
import type { Json } from './translate/types.ts';
import { callUpstream, toUpstreamError } from './upstream.ts';
import { UpstreamError } from './upstream-error.ts';

/** POST /embeddings through the OpenAI-format members of a target, with the same failover as chat. */
export async function embedWithFailover(deps: ExecDeps, target: Target, body: Json, signal: AbortSignal): Promise<{ outcome: ChatOutcome; body: string; headers: Record<string, string> }> {
  const members = target.members.filter((m) => m.wire === 'openai');
  const outcome: ChatOutcome = { status: 'ok', httpStatus: 200, member: undefined, attempts: 0, usage: undefined, ttftMs: undefined, errorClass: undefined };
  if (members.length === 0) {
    return {
      outcome: { ...outcome, status: 'error', httpStatus: 400, errorClass: 'client_error' },
      body: JSON.stringify(errorInFormat('openai', 400, `'${target.alias}' has no member that offers embeddings (OpenAI-format providers only)`, 'LLM_NO_EMBEDDINGS')),
      headers: {},
    };
  }
  try {
    const { value, member, attempts } = await deps.health.run(
      members,
      async (m) => {
        const response = await callUpstream(deps.dispatcher, m, '/embeddings', JSON.stringify({ ...body, model: m.model }), signal, deps.timeouts);
        try {
          return await response.body.text();
        } catch (error) {
          throw toUpstreamError(error, m, signal);
        }
      },
      signal,
    );
    const parsed = JSON.parse(value) as Json;
    const usage = openaiUsage(parsed.usage);
    return { outcome: { ...outcome, member, attempts, usage: usage ? { ...usage, outputTokens: 0 } : undefined }, body: value, headers: {} };
  } catch (error) {
    if (!(error instanceof UpstreamError)) throw error;
    const status = error.errorClass === 'client_error' ? (error.status ?? 400) : error.errorClass === 'rate_limited' ? 429 : error.errorClass === 'cancelled' ? 499 : 502;
    const message = error.body ? `${error.message}: ${upstreamErrorMessage(error.body)}` : error.message;
    const headers: Record<string, string> = status === 429 ? { 'retry-after': String(Math.max(1, Math.ceil((error.retryAfterMs ?? 1000) / 1000))) } : {};
    return {
      outcome: { ...outcome, status: error.errorClass === 'cancelled' ? 'cancelled' : 'error', httpStatus: status, attempts: error.attempts, errorClass: error.errorClass, errorMessage: message },
      body: JSON.stringify(errorInFormat('openai', status, message, 'LLM_UPSTREAM_FAILED')),
      headers,
    };
  }
}
