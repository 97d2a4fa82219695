import { createHash } from 'node:crypto';
import type { Json, Payload } from './types.ts';

/** JSON with object keys sorted, so equal content always hashes the same on both sides. */
export function canonicalJson(value: Json): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k]!)}`).join(',')}}`;
}

export function payloadHash(payload: Payload): string | null {
  return payload === null ? null : createHash('sha256').update(canonicalJson(payload)).digest('hex');
}
