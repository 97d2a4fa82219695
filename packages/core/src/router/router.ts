/**
 * Decides where a run executes (ARCHITECTURE §4). A pure function of its
 * inputs: the decision and the reasons are stored on the run.
 */
export type RunTarget = 'local' | 'cloud';

export interface RouteInput {
  client: 'desktop' | 'web' | 'mobile' | 'cli' | 'sidecar';
  /** `critical`: the run handles credentials or publishes; keep it on the user's machine when possible. */
  risk: 'normal' | 'critical';
  localAvailable: boolean;
  cloudAvailable: boolean;
  /** Tools the graph needs that the local runtime lacks. */
  toolsMissingLocally: string[];
  /** Tools the graph needs that the cloud runtime lacks. */
  toolsMissingInCloud: string[];
  cloudQueueWaitSeconds?: number;
  estimatedCostCents?: number;
  budgetCents?: number;
}

export interface RouteDecision {
  target: RunTarget;
  reasons: string[];
  warnings: string[];
  /** The user must confirm before the run starts (critical work going to the cloud). */
  needsConfirmation: boolean;
}

export const CLOUD_WAIT_LIMIT_SECONDS = 60;

export function routeRun(input: RouteInput): RouteDecision {
  const warnings: string[] = [];
  if (input.estimatedCostCents !== undefined && input.budgetCents !== undefined && input.estimatedCostCents > input.budgetCents) {
    warnings.push(`estimated cost ${input.estimatedCostCents}¢ is over the budget of ${input.budgetCents}¢`);
  }
  const decide = (target: RunTarget, reasons: string[], needsConfirmation = false): RouteDecision => ({ target, reasons, warnings, needsConfirmation });
  const localCan = input.localAvailable && input.toolsMissingLocally.length === 0;
  const cloudCan = input.cloudAvailable && input.toolsMissingInCloud.length === 0;

  if (input.client === 'mobile') {
    if (input.cloudAvailable) return decide('cloud', ['mobile clients run in the cloud']);
    return decide('local', ['mobile client, but no cloud runtime is available']);
  }
  if (input.risk === 'critical') {
    if (input.localAvailable) return decide('local', ['critical work stays on the local runtime']);
    return decide('cloud', ['critical work, but no local runtime is available: confirm to run in the cloud'], true);
  }
  if (input.toolsMissingLocally.length > 0 && input.cloudAvailable) {
    return decide('cloud', [`tools missing locally: ${input.toolsMissingLocally.join(', ')}`]);
  }
  if ((input.cloudQueueWaitSeconds ?? 0) > CLOUD_WAIT_LIMIT_SECONDS && localCan) {
    return decide('local', [`cloud queue wait ${input.cloudQueueWaitSeconds} s is over ${CLOUD_WAIT_LIMIT_SECONDS} s`]);
  }
  if (input.localAvailable) return decide('local', ['default: local runtime']);
  if (input.cloudAvailable) return decide('cloud', [cloudCan ? 'no local runtime: cloud' : 'no local runtime: cloud (some tools are missing there too)']);
  return decide('local', ['no runtime reported available; trying local']);
}
