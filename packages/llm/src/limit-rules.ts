import type { WorkspaceLlmConfig } from './store/config-store.ts';
import type { LimitRule } from './limits/types.ts';
import { toUsd, type Currency } from './money.ts';

/** Who a request is charged to. */
export interface Principal {
  workspaceId: string;
  userId: string | undefined;
  /** `budgetCents`: minor units of `budgetCurrency` (US cents when absent). */
  key?: { id: string; name: string; budgetCents: number | null; budgetCurrency?: Currency };
}

/** The limit rules that apply to one request: its key, user, workspace and requested model. */
export function limitRulesFor(config: WorkspaceLlmConfig, principal: Principal, alias: string): LimitRule[] {
  const ws = principal.workspaceId;
  const rules: LimitRule[] = [];
  const subjects: Array<{ scope: 'key' | 'user' | 'workspace' | 'model'; subject: string | undefined; label: string }> = [
    { scope: 'key', subject: principal.key?.id, label: `gateway key "${principal.key?.name ?? ''}"` },
    { scope: 'user', subject: principal.userId, label: 'your user' },
    { scope: 'workspace', subject: ws, label: 'this workspace' },
    { scope: 'model', subject: alias, label: `model "${alias}"` },
  ];
  for (const { scope, subject, label } of subjects) {
    if (!subject) continue;
    const row = config.limits.find((l) => l.scope === scope && l.subject === subject);
    if (row) rules.push({ name: `ws:${ws}:${scope}:${subject}`, label, rpm: row.rpm, tpm: row.tpm, concurrency: row.concurrency, budgetCents: row.budgetCents, budgetPeriod: 'month', scope, subject });
  }
  if (principal.key && principal.key.budgetCents !== null) {
    rules.push({ name: `ws:${ws}:keybudget:${principal.key.id}`, label: `gateway key "${principal.key.name}"`, budgetCents: toUsd(principal.key.budgetCents, principal.key.budgetCurrency ?? 'USD', config.cnyPerUsd), budgetPeriod: 'total', scope: 'key', subject: principal.key.id });
  }
  return rules;
}
