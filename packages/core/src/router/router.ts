/**
 * Decides where a run executes (ARCHITECTURE §4). A pure function of its
 * inputs: the decision, the reasons and the inputs it saw are stored on the run.
 */
export type RunTarget = 'local' | 'cloud';
export type RouteClient = 'desktop' | 'web' | 'mobile' | 'cli' | 'sidecar';

export interface RouteInput {
  client: RouteClient;
  /** `critical`: the run handles credentials, publishes or drives a browser; keep it on the user's machine when possible. */
  risk: 'normal' | 'critical';
  /** The tools that made the run critical (shown with the decision). */
  criticalTools?: string[];
  localAvailable: boolean;
  cloudAvailable: boolean;
  /** Tools the graph needs that the local runtime lacks. */
  toolsMissingLocally: string[];
  /** Tools the graph needs that the cloud runtime lacks. */
  toolsMissingInCloud: string[];
  cloudQueueLength?: number;
  cloudQueueWaitSeconds?: number;
  estimatedCostCents?: number;
  budgetCents?: number;
  /** Runs of this user queued or running now, and how many may run at once. */
  userActiveRuns?: number;
  userConcurrency?: number;
}

/**
 * Why, in a form the UI can translate: `code` names the rule
 * (`mobile_cloud`, `critical_local`, …), `params` fill its text. `reasons`
 * keep the same in English for the CLI and logs.
 */
export interface RouteFactor {
  code: string;
  params?: Record<string, string | number>;
}

export interface RouteDecision {
  target: RunTarget;
  reasons: string[];
  warnings: string[];
  /** The user must confirm before the run starts (critical work going to the cloud, or an estimate over budget). */
  needsConfirmation: boolean;
  factors?: RouteFactor[];
  warningFactors?: RouteFactor[];
  /** What the router saw (recorded so the run page can show it). */
  inputs?: Omit<RouteInput, 'toolsMissingLocally' | 'toolsMissingInCloud'> & { toolsMissingLocally: string[]; toolsMissingInCloud: string[] };
  /** Set when the user confirmed a run that needed it. */
  confirmedAt?: string;
  confirmedBy?: string;
}

export const CLOUD_WAIT_LIMIT_SECONDS = 60;

export function routeRun(input: RouteInput): RouteDecision {
  const warnings: string[] = [];
  const warningFactors: RouteFactor[] = [];
  const overBudget = input.estimatedCostCents !== undefined && input.budgetCents !== undefined && input.estimatedCostCents > input.budgetCents;
  if (overBudget) {
    warnings.push(`estimated cost ${round(input.estimatedCostCents!)}¢ is over the budget of ${input.budgetCents}¢: confirm to run`);
    warningFactors.push({ code: 'over_budget', params: { estimate: round(input.estimatedCostCents!), budget: input.budgetCents! } });
  }
  if (input.userActiveRuns !== undefined && input.userConcurrency !== undefined && input.userActiveRuns >= input.userConcurrency) {
    warnings.push(`you already have ${input.userActiveRuns} runs queued or running (at most ${input.userConcurrency} at once): this one waits its turn`);
    warningFactors.push({ code: 'quota_full', params: { active: input.userActiveRuns, quota: input.userConcurrency } });
  }
  const decide = (target: RunTarget, reason: string, factor: RouteFactor, needsConfirmation = false): RouteDecision => ({
    target,
    reasons: [reason],
    warnings,
    needsConfirmation: needsConfirmation || overBudget,
    factors: [factor],
    warningFactors,
    inputs: { ...input, toolsMissingLocally: [...input.toolsMissingLocally], toolsMissingInCloud: [...input.toolsMissingInCloud] },
  });
  const localCan = input.localAvailable && input.toolsMissingLocally.length === 0;
  const cloudCan = input.cloudAvailable && input.toolsMissingInCloud.length === 0;

  if (input.client === 'mobile') {
    if (input.cloudAvailable) return decide('cloud', 'mobile clients run in the cloud', { code: 'mobile_cloud' });
    return decide('local', 'mobile client, but no cloud runtime is available', { code: 'mobile_no_cloud' });
  }
  if (input.risk === 'critical') {
    const tools = (input.criticalTools ?? []).join(', ');
    if (input.localAvailable) return decide('local', 'critical work stays on the local runtime', { code: 'critical_local', params: { tools } });
    return decide('cloud', 'critical work, but no local runtime is available: confirm to run in the cloud', { code: 'critical_cloud_confirm', params: { tools } }, true);
  }
  if (input.toolsMissingLocally.length > 0 && input.cloudAvailable) {
    return decide('cloud', `tools missing locally: ${input.toolsMissingLocally.join(', ')}`, { code: 'tools_missing_locally', params: { tools: input.toolsMissingLocally.join(', ') } });
  }
  if ((input.cloudQueueWaitSeconds ?? 0) > CLOUD_WAIT_LIMIT_SECONDS && localCan) {
    return decide('local', `cloud queue wait ${input.cloudQueueWaitSeconds} s is over ${CLOUD_WAIT_LIMIT_SECONDS} s`, { code: 'cloud_queue_slow', params: { wait: input.cloudQueueWaitSeconds!, limit: CLOUD_WAIT_LIMIT_SECONDS } });
  }
  if (input.localAvailable) return decide('local', 'default: local runtime', { code: 'default_local' });
  if (input.cloudAvailable) {
    return cloudCan
      ? decide('cloud', 'no local runtime: cloud', { code: 'no_local_cloud' })
      : decide('cloud', 'no local runtime: cloud (some tools are missing there too)', { code: 'no_local_cloud_missing', params: { tools: input.toolsMissingInCloud.join(', ') } });
  }
  return decide('local', 'no runtime reported available; trying local', { code: 'nothing_available' });
}

const round = (cents: number) => Math.round(cents * 10_000) / 10_000;
