export { EgressGuard, EgressBlockedError, egressGuardFor, isEgressBlocked, unwrapBlocked } from './guard.ts';
export type { EgressPolicy, GuardedRequestInit, ResolvedAddress, Resolver } from './guard.ts';
export { addressKey, internalReason, parseIPv4, parseIPv6 } from './ip.ts';
