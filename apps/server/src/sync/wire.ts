import { z } from 'zod';
import { SYNC_KINDS, type CloudRecord, type Payload, type PullPage, type PushChange, type PushOutcome } from '@creatorflow/sync';

/** snake_case payloads of `/api/sync/*` and their mappers both ways. Record payloads are the tables' own column names. */
export const payloadSchema = z.record(z.string(), z.unknown()).nullable();
export const kindSchema = z.enum(SYNC_KINDS);

export const wireRecord = z.object({ kind: kindSchema, id: z.string(), rev: z.number().int(), seq: z.number().int(), payload: payloadSchema, hash: z.string().nullable() });
export const wireChange = z.object({ kind: kindSchema, id: z.string().min(1).max(300), base_rev: z.number().int().min(0), payload: payloadSchema });
export const wireOutcome = z.discriminatedUnion('status', [
  z.object({ kind: kindSchema, id: z.string(), status: z.literal('accepted'), rev: z.number().int(), seq: z.number().int() }),
  z.object({ kind: kindSchema, id: z.string(), status: z.literal('conflict'), current: wireRecord }),
]);
export const wirePullPage = z.object({ records: z.array(wireRecord), cursor: z.number().int(), has_more: z.boolean() });

export type WireRecord = z.infer<typeof wireRecord>;
export type WireChange = z.infer<typeof wireChange>;
export type WireOutcome = z.infer<typeof wireOutcome>;
export type WirePullPage = z.infer<typeof wirePullPage>;

const record = (r: CloudRecord): WireRecord => ({ kind: r.kind, id: r.id, rev: r.rev, seq: r.seq, payload: r.payload, hash: r.hash });
const recordFrom = (r: WireRecord): CloudRecord => ({ kind: r.kind, id: r.id, rev: r.rev, seq: r.seq, payload: r.payload as Payload, hash: r.hash });

export const toWire = {
  record,
  change: (c: PushChange): WireChange => ({ kind: c.kind, id: c.id, base_rev: c.baseRev, payload: c.payload }),
  outcome: (o: PushOutcome): WireOutcome =>
    o.status === 'accepted' ? { kind: o.kind, id: o.id, status: 'accepted', rev: o.rev, seq: o.seq } : { kind: o.kind, id: o.id, status: 'conflict', current: record(o.current) },
  page: (p: PullPage): WirePullPage => ({ records: p.records.map(record), cursor: p.cursor, has_more: p.hasMore }),
};

export const fromWire = {
  change: (c: WireChange): PushChange => ({ kind: c.kind, id: c.id, baseRev: c.base_rev, payload: c.payload as Payload }),
  outcome: (o: WireOutcome): PushOutcome =>
    o.status === 'accepted' ? { kind: o.kind, id: o.id, status: 'accepted', rev: o.rev, seq: o.seq } : { kind: o.kind, id: o.id, status: 'conflict', current: recordFrom(o.current) },
  page: (p: WirePullPage): PullPage => ({ records: p.records.map(recordFrom), cursor: p.cursor, hasMore: p.has_more }),
};
