import { describe, expect, it } from 'vitest';
import { routeRun, type RouteInput } from './router.ts';

const base: RouteInput = { client: 'desktop', risk: 'normal', localAvailable: true, cloudAvailable: true, toolsMissingLocally: [], toolsMissingInCloud: [] };

describe('routeRun', () => {
  it('sends mobile clients to the cloud', () => expect(routeRun({ ...base, client: 'mobile' })).toMatchObject({ target: 'cloud', reasons: ['mobile clients run in the cloud'] }));
  it('keeps mobile local when no cloud exists', () => expect(routeRun({ ...base, client: 'mobile', cloudAvailable: false }).target).toBe('local'));
  it('keeps critical work local when a local runtime exists', () => expect(routeRun({ ...base, risk: 'critical', toolsMissingLocally: ['x'] })).toMatchObject({ target: 'local', needsConfirmation: false }));
  it('sends critical work to the cloud only with confirmation', () => expect(routeRun({ ...base, risk: 'critical', localAvailable: false })).toMatchObject({ target: 'cloud', needsConfirmation: true }));
  it('goes to the cloud when tools are missing locally', () => expect(routeRun({ ...base, toolsMissingLocally: ['browser_publish'] })).toMatchObject({ target: 'cloud', reasons: ['tools missing locally: browser_publish'] }));
  it('stays local when the cloud queue is slow', () => expect(routeRun({ ...base, localAvailable: true, cloudQueueWaitSeconds: 90 }).reasons[0]).toContain('90 s'));
  it('does not flee a slow queue to a local runtime that cannot run the graph', () =>
    expect(routeRun({ ...base, cloudQueueWaitSeconds: 90, toolsMissingLocally: ['x'] }).target).toBe('cloud'));
  it('defaults to local', () => expect(routeRun(base)).toMatchObject({ target: 'local', reasons: ['default: local runtime'], warnings: [] }));
  it('uses the cloud when there is no local runtime', () => expect(routeRun({ ...base, localAvailable: false }).target).toBe('cloud'));
  it('notes when the cloud lacks tools too', () => expect(routeRun({ ...base, localAvailable: false, toolsMissingInCloud: ['x'] }).reasons[0]).toContain('missing there too'));
  it('falls back to local when nothing is available', () => expect(routeRun({ ...base, localAvailable: false, cloudAvailable: false }).target).toBe('local'));
  it('asks for confirmation when the estimate is over budget, without changing the target', () =>
    expect(routeRun({ ...base, estimatedCostCents: 50, budgetCents: 20 })).toMatchObject({ target: 'local', needsConfirmation: true, warnings: ['estimated cost 50¢ is over the budget of 20¢: confirm to run'], warningFactors: [{ code: 'over_budget', params: { estimate: 50, budget: 20 } }] }));
  it('runs an estimate within budget without confirmation', () => expect(routeRun({ ...base, estimatedCostCents: 5, budgetCents: 20 }).needsConfirmation).toBe(false));
  it('warns when the user is at the concurrency quota', () =>
    expect(routeRun({ ...base, userActiveRuns: 3, userConcurrency: 3 }).warningFactors).toEqual([{ code: 'quota_full', params: { active: 3, quota: 3 } }]));
  it('records the inputs it decided on', () => expect(routeRun({ ...base, cloudQueueLength: 4 }).inputs).toMatchObject({ client: 'desktop', cloudQueueLength: 4 }));
});
