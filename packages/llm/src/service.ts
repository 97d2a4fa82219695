import { and, eq, gte, sql } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import type { Dispatcher } from 'undici';
import type { Logger } from 'pino';
import {
  CreatorFlowError,
  RateLimitedError,
  newUuid,
  systemClock,
  type ChatRequest,
  type ChatResult,
  type Clock,
  type CostEstimate,
  type EmbeddingRequest,
  type LlmPort,
  type TokenUsage,
} from '@creatorflow/core';
import { schema, type Database } from '@creatorflow/db';
import { executeChat, type ChatOutcome, type WireFormat } from './chat-exec.ts';
import { CollectSink } from './collect-sink.ts';
import { embedWithFailover } from './embeddings.ts';
import { MemberHealth, defaultFailoverOptions, type FailoverOptions } from './failover.ts';
import { toOpenaiBody } from './in-process.ts';
import { limitRulesFor, type Principal } from './limit-rules.ts';
import { MemoryLimiter } from './limits/memory-limiter.ts';
import { RedisLimiter } from './limits/redis-limiter.ts';
import { describeRefusal, type Admission, type Limiter, type LimitRule } from './limits/types.ts';
import type { Target } from './member.ts';
import { costCents, estimateBodyTokens } from './pricing.ts';
import { seedWorkspaceFromEnv, type SeedSettings } from './seed.ts';
import type { ReplySink } from './sink.ts';
import { ConfigStore, resolveTarget, type WorkspaceLlmConfig } from './store/config-store.ts';
import type { Json } from './translate/types.ts';
import { createDispatcher, type UpstreamTimeouts } from './upstream.ts';
import { UsageWriter, type UsageRecord, type UsageWriterOptions } from './usage-writer.ts';

export interface LlmServiceOptions {
  database: Database;
  /** Cloud mode: limits are shared through Redis. */
  redis?: Redis;
  logger: Logger;
  clock?: Clock;
  secretKey: string;
  seed?: SeedSettings;
  timeouts?: Partial<UpstreamTimeouts>;
  failover?: Partial<FailoverOptions>;
  /** How long routing config and key lookups are cached (ms). */
  configTtlMs?: number;
  usage?: Partial<UsageWriterOptions>;
  /** Redis key prefix for limit counters (tests use one per test). */
  limitPrefix?: string;
  /** Connection pool for upstream calls; the server passes its egress guard's (cloud mode: internal addresses refused). */
  dispatcher?: Dispatcher;
}

/** Context of one call on its way through limits, failover and metering. */
interface CallContext {
  principal: Principal;
  source: 'gateway' | 'internal';
  endpoint: string;
  runId?: string;
  traceId?: string;
}

/**
 * The LLM layer of one process: implements `LlmPort` for in-process callers and
 * serves the /v1 gateway, both through the same groups, limits, failover and usage.
 */
export class LlmService implements LlmPort {
  readonly store: ConfigStore;
  readonly usage: UsageWriter;
  readonly health: MemberHealth;
  readonly limiter: Limiter;
  readonly database: Database;
  readonly secretKey: string;
  readonly #dispatcher: Dispatcher;
  readonly #ownsDispatcher: boolean;
  readonly #timeouts: UpstreamTimeouts;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #seededSpend = new Set<string>();

  constructor(options: LlmServiceOptions) {
    this.database = options.database;
    this.secretKey = options.secretKey;
    this.#clock = options.clock ?? systemClock;
    this.#logger = options.logger;
    this.#dispatcher = options.dispatcher ?? createDispatcher();
    this.#ownsDispatcher = !options.dispatcher;
    this.#timeouts = { firstByteMs: 60_000, idleMs: 120_000, ...options.timeouts };
    const seed = options.seed;
    this.store = new ConfigStore(
      options.database,
      options.secretKey,
      { ttlMs: options.configTtlMs ?? 5000 },
      seed ? (ws) => this.#seedOnce(ws, seed) : undefined,
    );
    this.usage = new UsageWriter(options.database, options.logger, { batchSize: 500, intervalMs: 1000, maxBuffered: 100_000, ...options.usage });
    this.health = new MemberHealth({ ...defaultFailoverOptions, ...options.failover });
    this.limiter = options.redis
      ? new RedisLimiter(options.redis, { prefix: options.limitPrefix ?? 'cf:llm:limit:', leaseMs: 15 * 60_000 })
      : new MemoryLimiter();
  }

  readonly #seeded = new Set<string>();

  /** Env seeding is decided by a marker row; this process asks the database once per workspace. */
  async #seedOnce(workspaceId: string, seed: SeedSettings): Promise<void> {
    if (this.#seeded.has(workspaceId)) return;
    await seedWorkspaceFromEnv(this.database, this.secretKey, workspaceId, seed, this.#logger);
    this.#seeded.add(workspaceId);
  }

  // ---- LlmPort -------------------------------------------------------------------------------

  async chat(request: ChatRequest): Promise<ChatResult> {
    const started = performance.now();
    const body = toOpenaiBody(request);
    const sink = new CollectSink(request.onDelta);
    const { attribution } = request;
    const outcome = await this.runChat(
      { principal: { workspaceId: attribution.workspaceId, userId: attribution.userId }, source: 'internal', endpoint: 'chat', runId: attribution.runId, traceId: attribution.traceId },
      'openai',
      body,
      request.signal ?? new AbortController().signal,
      sink,
    );
    if (outcome.status !== 'ok' || sink.status !== 200 || sink.streamError) {
      throw chatError(outcome, sink);
    }
    let text = sink.text;
    let toolCalls = sink.toolCalls;
    let finish = sink.finishReason;
    if (!body.stream) {
      const parsed = JSON.parse(sink.body) as { choices: Array<{ message: { content: string | null; tool_calls?: Array<{ id: string; function: { name: string; arguments: string } }> }; finish_reason: string }> };
      const choice = parsed.choices[0];
      text = choice?.message.content ?? '';
      toolCalls = (choice?.message.tool_calls ?? []).map((c) => ({ id: c.id, name: c.function.name, arguments: c.function.arguments }));
      finish = choice?.finish_reason;
    }
    const usage = outcome.usage ?? { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 };
    return {
      text,
      toolCalls,
      finishReason: (['stop', 'length', 'tool_calls', 'content_filter'].includes(finish ?? '') ? finish : 'other') as ChatResult['finishReason'],
      usage,
      costCents: outcome.member ? costCents(usage, outcome.member.prices) : 0,
      provider: outcome.member?.provider ?? '',
      model: outcome.member?.model ?? '',
      latencyMs: Math.round(performance.now() - started),
    };
  }

  async estimate(request: ChatRequest): Promise<CostEstimate> {
    const config = await this.store.get(request.attribution.workspaceId);
    const target = resolveTarget(config, request.model);
    const body = toOpenaiBody(request);
    const inputTokens = estimateBodyTokens(body);
    const first = target.members.filter((m) => m.tier === Math.min(...target.members.map((x) => x.tier)));
    const maxOutputTokens = request.maxOutputTokens ?? Math.max(...first.map((m) => m.maxOutput));
    const costCentsMax = Math.max(...first.map((m) => costCents({ inputTokens, outputTokens: maxOutputTokens, cachedInputTokens: 0 }, m.prices)));
    return { inputTokens, maxOutputTokens, costCents: costCentsMax };
  }

  async embed(request: EmbeddingRequest): Promise<{ vectors: number[][]; usage: TokenUsage; costCents: number }> {
    const { attribution } = request;
    const ctx: CallContext = { principal: { workspaceId: attribution.workspaceId, userId: attribution.userId }, source: 'internal', endpoint: 'embeddings', runId: attribution.runId, traceId: attribution.traceId };
    const result = await this.runEmbeddings(ctx, { model: request.model, input: request.input }, request.signal ?? new AbortController().signal);
    if (result.status !== 200) {
      const error = (JSON.parse(result.body) as { error?: { message?: string } }).error;
      throw new CreatorFlowError('LLM_EMBEDDING_FAILED', error?.message ?? 'embedding failed', { status: result.status, retryable: result.status === 429 || result.status >= 500 });
    }
    const parsed = JSON.parse(result.body) as { data: Array<{ embedding: number[]; index: number }> };
    return { vectors: parsed.data.sort((a, b) => a.index - b.index).map((d) => d.embedding), usage: result.usage, costCents: result.costCents };
  }

  // ---- shared path ---------------------------------------------------------------------------

  /** Resolves the model, applies limits, runs failover and records usage. Throws only before anything was sent. */
  async runChat(ctx: CallContext, format: WireFormat, body: Json, signal: AbortSignal, sink: ReplySink, forwarded?: Record<string, string>): Promise<ChatOutcome> {
    const startedAt = this.#clock.nowMs();
    const started = performance.now();
    const config = await this.store.get(ctx.principal.workspaceId);
    const alias = typeof body.model === 'string' ? body.model : '';
    const target = resolveTarget(config, alias);
    const rules = limitRulesFor(config, ctx.principal, alias);
    const estimated = rules.some((r) => r.tpm != null) ? estimateBodyTokens(body) : 0;
    const admission = await this.#admit(ctx, rules, estimated, startedAt);
    let outcome: ChatOutcome | undefined;
    try {
      outcome = await executeChat({ dispatcher: this.#dispatcher, health: this.health, timeouts: this.#timeouts }, target, { format, body, signal, forwarded }, sink);
      return outcome;
    } finally {
      const usage = outcome?.usage;
      const cost = usage && outcome?.member ? costCents(usage, outcome.member.prices) : 0;
      if (admission) await this.#release(admission, usage ? usage.inputTokens + usage.outputTokens : estimated, cost);
      this.#record(ctx, target, body.stream === true, startedAt, started, outcome, cost);
    }
  }

  async runEmbeddings(ctx: CallContext, body: Json, signal: AbortSignal): Promise<{ status: number; body: string; usage: TokenUsage; costCents: number; headers: Record<string, string> }> {
    const startedAt = this.#clock.nowMs();
    const started = performance.now();
    const config = await this.store.get(ctx.principal.workspaceId);
    const alias = typeof body.model === 'string' ? body.model : '';
    const target = resolveTarget(config, alias);
    const rules = limitRulesFor(config, ctx.principal, alias);
    const admission = await this.#admit(ctx, rules, 0, startedAt);
    let outcome: ChatOutcome | undefined;
    let result: Awaited<ReturnType<typeof embedWithFailover>> | undefined;
    try {
      result = await embedWithFailover({ dispatcher: this.#dispatcher, health: this.health, timeouts: this.#timeouts }, target, body, signal);
      outcome = result.outcome;
      const cost = outcome.usage && outcome.member ? costCents(outcome.usage, outcome.member.prices) : 0;
      return { status: outcome.httpStatus, body: result.body, usage: outcome.usage ?? { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 }, costCents: cost, headers: result.headers };
    } finally {
      const usage = outcome?.usage;
      const cost = usage && outcome?.member ? costCents(usage, outcome.member.prices) : 0;
      if (admission) await this.#release(admission, usage?.inputTokens ?? 0, cost);
      this.#record(ctx, target, false, startedAt, started, outcome, cost);
    }
  }

  async #admit(ctx: CallContext, rules: LimitRule[], estimated: number, nowMs: number): Promise<Admission | undefined> {
    if (rules.length === 0) return undefined;
    for (const rule of rules) if (rule.budgetCents != null) await this.#seedSpend(ctx.principal.workspaceId, rule, nowMs);
    const result = await this.limiter.admit(rules, estimated, nowMs);
    if (result.ok) return result.admission;
    const { refusal } = result;
    throw new RateLimitedError('LLM_LIMIT_REACHED', describeRefusal(refusal), refusal.retryAfterSeconds, {
      limit: refusal.kind,
      limit_scope: refusal.rule.scope,
      limit_subject: refusal.rule.label,
    });
  }

  async #release(admission: Admission, tokens: number, cost: number): Promise<void> {
    try {
      await this.limiter.release(admission, tokens, cost);
    } catch (error) {
      this.#logger.error({ err: error }, 'releasing llm limit counters failed');
    }
  }

  /** Budget counters start from what the usage table already holds. */
  async #seedSpend(workspaceId: string, rule: LimitRule, nowMs: number): Promise<void> {
    const period = rule.budgetPeriod === 'total' ? 'total' : new Date(nowMs).toISOString().slice(0, 7);
    const key = `${rule.name}:${period}`;
    if (this.#seededSpend.has(key) || !rule.scope || !rule.subject) return;
    await this.usage.flush().catch(() => undefined);
    const u = schema.llmUsage;
    const column = rule.scope === 'key' ? u.keyId : rule.scope === 'user' ? u.userId : rule.scope === 'model' ? u.groupAlias : u.workspaceId;
    const now = new Date(nowMs);
    const since = rule.budgetPeriod === 'total' ? new Date(0) : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const rows = await this.database.db
      .select({ total: sql<number>`coalesce(sum(${u.costCents}), 0)` })
      .from(u)
      .where(and(eq(u.workspaceId, workspaceId), eq(column, rule.subject), gte(u.createdAt, since)));
    await this.limiter.seedSpend(rule, nowMs, Number(rows[0]?.total ?? 0));
    this.#seededSpend.add(key);
  }

  #record(ctx: CallContext, target: Target, stream: boolean, startedAt: number, started: number, outcome: ChatOutcome | undefined, cost: number): void {
    const usage = outcome?.usage;
    const record: UsageRecord = {
      id: newUuid(),
      workspaceId: ctx.principal.workspaceId,
      keyId: ctx.principal.key?.id ?? null,
      userId: ctx.principal.userId ?? null,
      runId: ctx.runId ?? null,
      traceId: ctx.traceId ?? null,
      source: ctx.source,
      endpoint: ctx.endpoint,
      groupAlias: target.alias,
      provider: outcome?.member?.provider ?? null,
      model: outcome?.member?.model ?? null,
      inputTokens: usage?.inputTokens ?? 0,
      outputTokens: usage?.outputTokens ?? 0,
      cachedInputTokens: usage?.cachedInputTokens ?? 0,
      costCents: cost,
      latencyMs: Math.round(performance.now() - started),
      ttftMs: outcome?.ttftMs ?? null,
      attempts: outcome?.attempts ?? 0,
      stream,
      status: outcome?.status ?? 'error',
      httpStatus: outcome?.httpStatus ?? 500,
      errorClass: outcome?.errorClass ?? (outcome ? null : 'internal'),
      createdAt: new Date(startedAt),
    };
    this.usage.add(record);
  }

  async workspaceConfig(workspaceId: string): Promise<WorkspaceLlmConfig> {
    return this.store.get(workspaceId);
  }

  async close(): Promise<void> {
    await this.usage.close();
    await this.limiter.close();
    if (this.#ownsDispatcher) await this.#dispatcher.close();
  }

  /** The upstream connection pool (what "test connection" must use too, so it is guarded the same way). */
  get dispatcher(): Dispatcher {
    return this.#dispatcher;
  }
}

function chatError(outcome: ChatOutcome, sink: CollectSink): CreatorFlowError {
  let message = outcome.errorMessage ?? sink.streamError ?? 'the model call failed';
  if (sink.body) {
    try {
      const parsed = JSON.parse(sink.body) as { error?: { message?: string } };
      message = parsed.error?.message ?? message;
    } catch {
      // not JSON: keep the outcome's message
    }
  }
  const status = outcome.httpStatus >= 400 ? outcome.httpStatus : 502;
  const code = outcome.status === 'cancelled' ? 'LLM_CANCELLED' : status === 429 ? 'LLM_RATE_LIMITED' : outcome.errorClass === 'client_error' ? 'LLM_REQUEST_REJECTED' : 'LLM_UNAVAILABLE';
  return new CreatorFlowError(code, message, {
    status: outcome.status === 'cancelled' ? 499 : status,
    retryable: code === 'LLM_RATE_LIMITED' || code === 'LLM_UNAVAILABLE',
    details: { error_class: outcome.errorClass, attempts: outcome.attempts, ...(outcome.retryAfterMs ? { retry_after: Math.ceil(outcome.retryAfterMs / 1000) } : {}) },
  });
}
