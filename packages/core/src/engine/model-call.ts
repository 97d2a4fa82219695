import { CreatorFlowError } from '../errors.ts';
import { newUuid } from '../ids.ts';
import type { ChatRequest, ChatResult, CostEstimate } from '../llm-port.ts';
import type { RunContext } from './run-context.ts';
import { runError } from './types.ts';

/**
 * One model call under the run's budget: estimate first (and switch to the
 * degrade model or stop when the estimate would break the budget), call,
 * then reconcile with the real usage, write the cost ledger and emit
 * cost_update / budget_warning.
 */
export async function callModel(rc: RunContext, node: string, spanId: string, request: ChatRequest): Promise<ChatResult> {
  const llm = rc.deps.llm;
  if (!llm) throw new CreatorFlowError('LLM_NOT_CONFIGURED', 'no language model is configured for the runtime; add a provider in 模型管理 or with `creatorflow providers add`', { status: 503 });
  const budget = rc.budget;
  const usage = rc.checkpoint.usage;
  if (rc.checkpoint.degraded && budget.degrade_model) request = { ...request, model: budget.degrade_model };

  let estimate: CostEstimate = await llm.estimate(request);
  const over = (e: CostEstimate) =>
    (budget.max_cost_cents !== undefined && usage.costCents + e.costCents > budget.max_cost_cents) ||
    (budget.max_tokens !== undefined && usage.tokens + e.inputTokens + e.maxOutputTokens > budget.max_tokens);
  if (over(estimate) && budget.on_exceed === 'degrade' && budget.degrade_model && request.model !== budget.degrade_model) {
    request = { ...request, model: budget.degrade_model };
    rc.checkpoint.degraded = true;
    estimate = await llm.estimate(request);
    rc.emit('budget_warning', node, { kind: 'degraded', model: budget.degrade_model, used_cents: usage.costCents, limit_cents: budget.max_cost_cents }, spanId);
  }
  if (over(estimate)) {
    throw runError(
      'BUDGET_EXCEEDED',
      `the next model call (up to ${round(estimate.costCents)}¢, ${estimate.inputTokens + estimate.maxOutputTokens} tokens) would exceed the run budget ` +
        `(used ${round(usage.costCents)}¢ of ${budget.max_cost_cents ?? '∞'}¢, ${usage.tokens} of ${budget.max_tokens ?? '∞'} tokens)`,
      { details: { used_cents: usage.costCents, estimate_cents: estimate.costCents, max_cost_cents: budget.max_cost_cents, max_tokens: budget.max_tokens } },
    );
  }

  const entry = {
    id: newUuid(),
    runId: rc.spec.id,
    workspaceId: rc.spec.workspaceId,
    userId: rc.spec.userId,
    graph: rc.spec.graph.name,
    node,
    model: request.model,
    estimatedCents: estimate.costCents,
    inputTokens: 0,
    outputTokens: 0,
    actualCents: 0,
    startedAt: rc.deps.clock.now(),
  };
  // Written before the call: if the process dies during it, the row stays `started` and says so.
  await rc.deps.store.recordCost({ ...entry, status: 'started' });
  let result: ChatResult;
  try {
    result = await llm.chat({
      ...request,
      // A node attempt's own signal (timeouts, tool loops) when given; it follows the run's signal.
      signal: request.signal ?? rc.signal,
      attribution: { ...request.attribution, workspaceId: rc.spec.workspaceId, userId: rc.spec.userId, runId: rc.spec.id, traceId: rc.spec.traceId, spanId, graph: rc.spec.graph.name, node },
    });
  } catch (error) {
    // The run's own signal means the run was cancelled (or its worker is stopping); a node timeout is a failure.
    await rc.deps.store.recordCost({ ...entry, status: rc.signal.aborted ? 'cancelled' : 'failed', completedAt: rc.deps.clock.now() });
    throw error;
  }
  usage.costCents += result.costCents;
  usage.tokens += result.usage.inputTokens + result.usage.outputTokens;
  usage.llmCalls += 1;
  await rc.deps.store.recordCost({
    ...entry,
    model: result.model || request.model,
    provider: result.provider,
    inputTokens: result.usage.inputTokens,
    outputTokens: result.usage.outputTokens,
    actualCents: result.costCents,
    status: 'success',
    completedAt: rc.deps.clock.now(),
  });
  rc.emit(
    'cost_update',
    node,
    {
      model: result.model,
      provider: result.provider,
      input_tokens: result.usage.inputTokens,
      output_tokens: result.usage.outputTokens,
      cost_cents: result.costCents,
      estimated_cents: estimate.costCents,
      total_cost_cents: usage.costCents,
      total_tokens: usage.tokens,
    },
    spanId,
  );
  if (budget.max_cost_cents !== undefined) rc.warnIfNear('cost', usage.costCents, budget.max_cost_cents);
  if (budget.max_tokens !== undefined) rc.warnIfNear('tokens', usage.tokens, budget.max_tokens);
  return result;
}

const round = (n: number) => Math.round(n * 100) / 100;
