import { v7 as uuidv7 } from 'uuid';

/** Prefixed, time-ordered ids: `tr-…` trace, `run-…` run, `sp-…` span. */
export type IdPrefix = 'tr' | 'run' | 'sp' | string;

export function newId(prefix: IdPrefix): string {
  return `${prefix}-${uuidv7()}`;
}

export const newTraceId = (): string => newId('tr');
export const newRunId = (): string => newId('run');
export const newSpanId = (): string => newId('sp');

/** A plain UUIDv7, for primary keys. */
export function newUuid(): string {
  return uuidv7();
}

const TRACE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Client-supplied trace ids are honoured only when they are short and plain. */
export function isAcceptableTraceId(value: string): boolean {
  return TRACE_ID.test(value);
}
