import type { Clock } from '@creatorflow/core';
import type { EgressGuard } from '@creatorflow/net';
import { publishPlatforms } from '@creatorflow/platforms';
import { browserAdapter } from './platforms/browser/adapter.ts';
import { BROWSER_PLATFORMS, loadFlow, type PlatformFlow } from './platforms/browser/flow-schema.ts';
import type { BrowserPool } from './platforms/browser/pool.ts';
import { OFFICIAL_APIS } from './platforms/official-apis.ts';
import { wechatMpAdapter } from './platforms/wechat-mp/adapter.ts';
import { PlatformRegistry } from './registry.ts';

/**
 * Every publish adapter, registered against the platform catalogue. A
 * catalogue platform with publish methods but no adapter (or the reverse) is a
 * start-up error, not a job that fails later.
 */
export function platformAdapters(o: { clock: Clock; pool: BrowserPool; wechatPollIntervalMs?: number; egress?: EgressGuard }): { registry: PlatformRegistry; flows: Map<string, PlatformFlow> } {
  const registry = new PlatformRegistry().register(wechatMpAdapter({ clock: o.clock, pollIntervalMs: o.wechatPollIntervalMs, guard: o.egress }));
  const flows = new Map<string, PlatformFlow>();
  for (const platform of BROWSER_PLATFORMS) {
    const flow = loadFlow(platform);
    flows.set(platform, flow);
    // An operator (or a test against replicas) may cap the flows' waits; a real upload may be given minutes.
    const cap = Number(process.env.CREATORFLOW_FLOW_MAX_WAIT_MS);
    registry.register(browserAdapter(flow, o.pool, Number.isFinite(cap) && cap > 0 ? { maxWaitMs: cap } : {}));
  }
  // Official APIs with OAuth join the platform's browser flow: one adapter, methods tried in the account's order.
  for (const api of OFFICIAL_APIS) {
    const existing = registry.has(api.platform) ? registry.get(api.platform) : undefined;
    if (!existing) throw new Error(`The official API of ${api.platform} has no platform adapter to join`);
    if (!existing.descriptor.methods.includes('official_api')) throw new Error(`The catalogue entry of ${api.platform} does not list official_api`);
    registry.register({ descriptor: existing.descriptor, methods: { ...existing.methods, official_api: api.method({ clock: o.clock, guard: o.egress }) } });
  }
  const missing = publishPlatforms().filter((p) => !registry.has(p.id)).map((p) => p.id);
  if (missing.length > 0) throw new Error(`The platform catalogue lists publish methods for ${missing.join(', ')} but no adapter is registered`);
  return { registry, flows };
}
