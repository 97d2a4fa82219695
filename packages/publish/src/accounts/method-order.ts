import { ValidationError } from '@creatorflow/core';
import type { PlatformDescriptor, PublishMethod } from '../adapter.ts';

/**
 * The order a job of this account tries publish methods: the account's own
 * (`settings.methods`, set in 发布中心 → 账号 → 发布方式) or the platform's
 * (official API → browser → assist). Methods the platform lacks are dropped,
 * and assist always stays last so a job never ends without a way out.
 */
export function methodOrder(account: { settings: Record<string, unknown> }, descriptor: Pick<PlatformDescriptor, 'methods'>): PublishMethod[] {
  const own = account.settings.methods;
  if (!Array.isArray(own)) return [...descriptor.methods];
  const chosen = own.filter((m): m is PublishMethod => typeof m === 'string' && descriptor.methods.includes(m as PublishMethod) && m !== 'assist');
  const unique = [...new Set(chosen)];
  return descriptor.methods.includes('assist') ? [...unique, 'assist'] : unique.length ? unique : [...descriptor.methods];
}

/** Checks an order a user sets: known methods of this platform, no repeats. */
export function checkMethodOrder(methods: string[], descriptor: Pick<PlatformDescriptor, 'methods' | 'name'>): PublishMethod[] {
  const bad = methods.filter((m) => !descriptor.methods.includes(m as PublishMethod));
  if (bad.length) throw new ValidationError(`${descriptor.name} has no publish method ${bad.join(', ')} (it has ${descriptor.methods.join(', ')}).`, [{ path: 'methods', message: 'unsupported' }]);
  if (new Set(methods).size !== methods.length) throw new ValidationError('Each publish method may appear once.', [{ path: 'methods', message: 'duplicate' }]);
  return methods as PublishMethod[];
}
