import type { IncomingHttpHeaders } from 'node:http';
import type { Logger } from 'pino';
import { ForbiddenError, UnauthorizedError, type Clock } from '@creatorflow/core';
import { hashGatewayKey, looksLikeGatewayKey, type LlmService, type Principal } from '@creatorflow/llm';
import { schema } from '@creatorflow/db';
import { eq } from 'drizzle-orm';

export interface GatewayPrincipal extends Principal {
  key: { id: string; name: string; budgetCents: number | null; budgetCurrency: 'USD' | 'CNY' };
  allowedModels: string[];
}

const lastTouched = new Map<string, number>();

/** The gateway key of a request: `Authorization: Bearer sk-cf-…` (OpenAI SDK) or `x-api-key` (Anthropic SDK). */
export function presentedKey(headers: IncomingHttpHeaders): string | undefined {
  const header = headers['x-api-key'];
  if (typeof header === 'string' && header) return header.trim();
  const auth = headers.authorization;
  if (auth && /^bearer\s+/i.test(auth)) return auth.replace(/^bearer\s+/i, '').trim();
  return undefined;
}

/** Checks a gateway key: known, not revoked, not expired. */
export async function authenticateGateway(llm: LlmService, headers: IncomingHttpHeaders, clock: Clock, logger: Logger): Promise<GatewayPrincipal> {
  const key = presentedKey(headers);
  if (!key) throw new UnauthorizedError('LLM_KEY_MISSING', 'Send a gateway key as `Authorization: Bearer sk-cf-…` or `x-api-key: sk-cf-…`. Create one with `creatorflow keys create`.');
  if (!looksLikeGatewayKey(key)) throw new UnauthorizedError('LLM_KEY_INVALID', 'That is not a CreatorFlow gateway key (they look like sk-cf-… with 40 letters and digits).');
  const row = await llm.store.keyByHash(hashGatewayKey(key));
  if (!row) throw new UnauthorizedError('LLM_KEY_INVALID', 'Unknown gateway key. Check it was copied whole, or create a new one with `creatorflow keys create`.');
  if (row.revokedAt) throw new UnauthorizedError('LLM_KEY_REVOKED', `Gateway key ${row.keyPrefix} was revoked on ${row.revokedAt.toISOString()}.`);
  if (row.expiresAt && row.expiresAt.getTime() <= clock.nowMs()) {
    throw new UnauthorizedError('LLM_KEY_EXPIRED', `Gateway key ${row.keyPrefix} expired on ${row.expiresAt.toISOString()}; create a new one.`);
  }
  touch(llm, row.id, clock.nowMs(), logger);
  return {
    workspaceId: row.workspaceId,
    userId: row.userId,
    key: { id: row.id, name: row.name, budgetCents: row.budgetCents, budgetCurrency: row.budgetCurrency },
    allowedModels: row.allowedModels,
  };
}

export function assertModelAllowed(principal: GatewayPrincipal, model: string): void {
  if (principal.allowedModels.length === 0 || principal.allowedModels.includes(model)) return;
  throw new ForbiddenError('LLM_MODEL_NOT_ALLOWED', `Gateway key "${principal.key.name}" may not use '${model}'; it may use: ${principal.allowedModels.join(', ')}.`);
}

/** `last_used_at` is informative: written at most once a minute per key, off the request path. */
function touch(llm: LlmService, keyId: string, nowMs: number, logger: Logger): void {
  if (nowMs - (lastTouched.get(keyId) ?? 0) < 60_000) return;
  lastTouched.set(keyId, nowMs);
  llm.database.db
    .update(schema.llmGatewayKeys)
    .set({ lastUsedAt: new Date(nowMs) })
    .where(eq(schema.llmGatewayKeys.id, keyId))
    .catch((error: unknown) => logger.warn({ err: error }, 'updating gateway key last_used_at failed'));
}
