import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SyncClient, type SyncTransport } from './client.ts';
import { SyncFeed } from './cloud.ts';
import { canonicalJson, payloadHash } from './hash.ts';
import { MemoryFeedStore, MemoryLocalStore, MemoryTables } from './testing/memory.ts';
import type { Payload, RecordKey } from './types.ts';

const IDS = ['a', 'b', 'c', 'd'];
type Actor = 0 | 1 | 'cloud';
type Op =
  | { op: 'edit'; actor: Actor; id: number }
  | { op: 'delete'; actor: Actor; id: number }
  | { op: 'sync'; client: 0 | 1; fault: 'none' | 'request-lost' | 'answer-lost'; faultAt: number; raceAt: number; raceId: number }
  | { op: 'resolve'; client: 0 | 1; choice: 'mine' | 'cloud' };

const actor = fc.constantFrom<Actor>(0, 1, 'cloud');
const idx = fc.integer({ min: 0, max: IDS.length - 1 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('edit' as const), actor, id: idx }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), actor, id: idx }) },
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('sync' as const), client: fc.constantFrom<0 | 1>(0, 1), fault: fc.constantFrom('none' as const, 'request-lost' as const, 'answer-lost' as const), faultAt: fc.integer({ min: 0, max: 4 }), raceAt: fc.integer({ min: -1, max: 4 }), raceId: idx }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('resolve' as const), client: fc.constantFrom<0 | 1>(0, 1), choice: fc.constantFrom('mine' as const, 'cloud' as const) }) },
);

interface Fault {
  kind: string;
  at: number;
  raceAt?: number;
  race?: () => void;
}

/** The cloud: its own tables (edited by its web app), and the feed that applies pushes to them. */
function makeCloud() {
  const tables = new MemoryTables();
  const feedStore = new MemoryFeedStore();
  const feed = new SyncFeed(feedStore, async (key, payload) => tables.write(key, payload));
  return { tables, feedStore, feed };
}

/** A transport like HTTP: the cloud absorbs its own edits first; a request or its answer may be lost. */
function transport(cloud: ReturnType<typeof makeCloud>, fault: Fault, authors?: Map<number, number>, who = 0): SyncTransport {
  let calls = 0;
  const call = async <T,>(run: () => Promise<T>): Promise<T> => {
    const n = calls++;
    // Someone edits in the cloud web app while this round is between its requests.
    if (fault.raceAt === n && fault.race) fault.race();
    if (fault.kind === 'request-lost' && n === fault.at) throw new Error('offline');
    await cloud.feed.absorb(cloud.tables.snapshot());
    const answer = await run();
    if (fault.kind === 'answer-lost' && n === fault.at) throw new Error('connection reset');
    return answer;
  };
  return {
    push: (changes) =>
      call(async () => {
        const before = cloud.feedStore.history.length;
        const outcomes = await cloud.feed.push(changes);
        for (const r of cloud.feedStore.history.slice(before)) authors?.set(r.seq, who);
        return outcomes;
      }),
    pull: (cursor, limit) => call(() => cloud.feed.pull(cursor, limit)),
  };
}

const view = (tables: MemoryTables) => canonicalJson(Object.fromEntries([...tables.rows].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, v.payload])));

describe('two clients and a cloud, editing offline and syncing', () => {
  it('lose no edit and converge once conflicts are resolved', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 40 }), fc.array(fc.constantFrom<'mine' | 'cloud'>('mine', 'cloud'), { minLength: 8, maxLength: 8 }), async (ops, finalChoices) => {
        const cloud = makeCloud();
        const locals = [new MemoryLocalStore(), new MemoryLocalStore()] as const;
        const authors = new Map<number, number>();
        const client = (i: 0 | 1, fault: Fault = { kind: 'none', at: 0 }) => new SyncClient(locals[i], transport(cloud, fault, authors, i), { pageSize: 2, batchSize: 2 });
        /** What each client has had in front of it: its own tables over time, and both sides of its conflicts. */
        const seen = [new Set<string>(), new Set<string>()] as const;
        const look = () => {
          for (const i of [0, 1] as const) {
            for (const [k, v] of locals[i].tables.rows) seen[i].add(`${k}:${payloadHash(v.payload)}`);
            for (const c of locals[i].conflictLog) seen[i].add(`${c.kind}:${c.id}:${payloadHash(c.cloud)}`);
          }
        };
        /** Each client's unsynced content at the start of each sync: none of it may vanish. */
        const intents: Array<{ client: 0 | 1; key: RecordKey; payload: Payload; superseded?: boolean }> = [];
        /** The same client changing the record again replaces its own earlier version on purpose. */
        const supersede = (a: Actor, id: string) => {
          for (const it of intents) if (it.client === a && it.key.id === id) it.superseded = true;
        };
        let n = 0;

        const tablesOf = (a: Actor) => (a === 'cloud' ? cloud.tables : locals[a].tables);
        const syncOnce = async (i: 0 | 1, fault: Fault = { kind: 'none', at: 0 }) => {
          const c = client(i, fault);
          for (const change of await c.pending()) intents.push({ client: i, key: change, payload: change.payload });
          try {
            await c.sync();
          } catch {
            // An interrupted round: the next one resumes.
          }
          look();
        };

        for (const op of ops) {
          look();
          if ((op.op === 'edit' || op.op === 'delete') && op.actor !== 'cloud') supersede(op.actor, IDS[op.id]!);
          if (op.op === 'edit') tablesOf(op.actor).write({ kind: 'idea', id: IDS[op.id]! }, { text: `${String(op.actor)}-${n++}` });
          else if (op.op === 'delete') tablesOf(op.actor).write({ kind: 'idea', id: IDS[op.id]! }, null);
          else if (op.op === 'sync')
            await syncOnce(op.client, { kind: op.fault, at: op.faultAt, raceAt: op.raceAt, race: () => cloud.tables.write({ kind: 'idea', id: IDS[op.raceId]! }, { text: `cloud-${n++}` }) });
          else for (const c of await locals[op.client].conflicts()) await client(op.client).resolve(c, op.choice);
        }

        // Everyone reconnects for good and settles every conflict.
        let choice = 0;
        for (let round = 0; round < 12; round++) {
          for (const i of [0, 1] as const) {
            await syncOnce(i);
            for (const c of await locals[i].conflicts()) await client(i).resolve(c, finalChoices[choice++ % finalChoices.length]!);
          }
        }
        for (const i of [0, 1, 0, 1] as const) await syncOnce(i);

        for (const local of locals) {
          expect(await local.conflicts()).toEqual([]);
          expect(await client(0).pending()).toEqual([]);
        }
        expect(view(locals[0].tables)).toBe(view(cloud.tables));
        expect(view(locals[1].tables)).toBe(view(cloud.tables));

        // Nothing lost: every unsynced local version reached the cloud, or was kept as "mine" in a conflict the user saw.
        const inHistory = new Set(cloud.feedStore.history.map((r) => `${r.kind}:${r.id}:${r.hash}`));
        for (const intent of intents) {
          const hash = payloadHash(intent.payload);
          const reached = inHistory.has(`${intent.key.kind}:${intent.key.id}:${hash}`) || (intent.payload === null && !cloud.feedStore.records.has(`${intent.key.kind}:${intent.key.id}`));
          const keptInConflict = locals[intent.client].conflictLog.some((c) => c.kind === intent.key.kind && c.id === intent.key.id && payloadHash(c.mine) === hash);
          expect(reached || keptInConflict || intent.superseded === true, `${intent.client} ${intent.key.id} ${canonicalJson(intent.payload)}`).toBe(true);
        }
        // And no cloud version was replaced by a client that had not seen it (here or in a conflict).
        for (const [i, record] of cloud.feedStore.history.entries()) {
          const next = cloud.feedStore.history.slice(i + 1).find((r) => r.kind === record.kind && r.id === record.id);
          const author = next && authors.get(next.seq);
          if (!next || author === undefined || record.payload === null) continue;
          expect(seen[author as 0 | 1].has(`${record.kind}:${record.id}:${record.hash}`), `client ${author} replaced ${canonicalJson(record.payload)} unseen`).toBe(true);
          expect(next.rev).toBe(record.rev + 1);
        }
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});

describe('sync client', () => {
  it('resumes an interrupted pull from the saved cursor, page by page', async () => {
    const cloud = makeCloud();
    for (let i = 0; i < 7; i++) cloud.tables.write({ kind: 'idea', id: `i${i}` }, { text: `t${i}` });
    const local = new MemoryLocalStore();
    const pulls: number[] = [];
    const t = transport(cloud, { kind: 'request-lost', at: 1 });
    const spy: SyncTransport = { push: t.push, pull: (c, l) => (pulls.push(c), t.pull(c, l)) };
    await expect(new SyncClient(local, spy, { pageSize: 3 }).sync()).rejects.toThrow('offline');
    const spy2 = (): SyncTransport => {
      const t2 = transport(cloud, { kind: 'none', at: 0 });
      return { push: t2.push, pull: (c, l) => (pulls.push(c), t2.pull(c, l)) };
    };
    expect(await local.cursor()).toBe(3);
    expect(local.tables.rows.size).toBe(3);
    await new SyncClient(local, spy2(), { pageSize: 3 }).sync();
    expect(pulls).toEqual([0, 3, 3, 6]);
    expect(view(local.tables)).toBe(view(cloud.tables));
  });

  it('keeps both versions of a record edited on both sides, and a delete against an edit', async () => {
    const cloud = makeCloud();
    const a = new MemoryLocalStore();
    const b = new MemoryLocalStore();
    const sync = (s: MemoryLocalStore) => new SyncClient(s, transport(cloud, { kind: 'none', at: 0 })).sync();
    a.tables.write({ kind: 'work', id: 'w' }, { title: '初稿' });
    await sync(a);
    await sync(b);
    a.tables.write({ kind: 'work', id: 'w' }, { title: 'A 改' });
    b.tables.write({ kind: 'work', id: 'w' }, null);
    await sync(b);
    const summary = await sync(a);
    expect(summary.newConflicts).toBe(1);
    expect(await a.conflicts()).toMatchObject([{ kind: 'work', id: 'w', mine: { title: 'A 改' }, cloud: null, cloudRev: 2 }]);
    expect(a.tables.read({ kind: 'work', id: 'w' })).toEqual({ title: 'A 改' });
    await new SyncClient(a, transport(cloud, { kind: 'none', at: 0 })).resolve({ kind: 'work', id: 'w' }, 'mine');
    await sync(a);
    await sync(b);
    expect(b.tables.read({ kind: 'work', id: 'w' })).toEqual({ title: 'A 改' });
    expect(cloud.feedStore.records.get('work:w')).toMatchObject({ rev: 3 });
  });

  it('keeps both: the cloud’s version under the id, this one as a new record that reaches the cloud; counts per kind', async () => {
    const cloud = makeCloud();
    const a = new MemoryLocalStore();
    const sync = () => new SyncClient(a, transport(cloud, { kind: 'none', at: 0 })).sync();
    a.tables.write({ kind: 'idea', id: 'i' }, { text: '初稿' });
    a.tables.write({ kind: 'work', id: 'w' }, { title: '标题' });
    expect((await sync()).byKind).toEqual({ idea: { down: 0, up: 1, conflicts: 0 }, work: { down: 0, up: 1, conflicts: 0 } });
    a.tables.write({ kind: 'idea', id: 'i' }, { text: '桌面改' });
    cloud.tables.write({ kind: 'idea', id: 'i' }, { text: '手机改' });
    cloud.tables.write({ kind: 'work', id: 'w' }, { title: '手机标题' });
    expect((await sync()).byKind).toEqual({ idea: { down: 0, up: 0, conflicts: 1 }, work: { down: 1, up: 0, conflicts: 0 } });
    const copy = await new SyncClient(a, transport(cloud, { kind: 'none', at: 0 })).resolve({ kind: 'idea', id: 'i' }, 'both');
    expect(copy).toEqual({ kind: 'idea', id: 'i~1' });
    expect(a.tables.read({ kind: 'idea', id: 'i' })).toEqual({ text: '手机改' });
    expect(a.tables.read({ kind: 'idea', id: 'i~1' })).toEqual({ text: '桌面改' });
    expect((await sync()).byKind).toEqual({ idea: { down: 0, up: 1, conflicts: 0 } });
    expect(cloud.tables.read({ kind: 'idea', id: 'i' })).toEqual({ text: '手机改' });
    expect(cloud.tables.read({ kind: 'idea', id: 'i~1' })).toEqual({ text: '桌面改' });
    expect(await a.conflicts()).toEqual([]);
  });

  it('refuses to keep both when one side deleted the record', async () => {
    const cloud = makeCloud();
    const a = new MemoryLocalStore();
    const sync = () => new SyncClient(a, transport(cloud, { kind: 'none', at: 0 })).sync();
    a.tables.write({ kind: 'idea', id: 'i' }, { text: '初稿' });
    await sync();
    a.tables.write({ kind: 'idea', id: 'i' }, { text: '桌面改' });
    cloud.tables.write({ kind: 'idea', id: 'i' }, null);
    await sync();
    await expect(new SyncClient(a, transport(cloud, { kind: 'none', at: 0 })).resolve({ kind: 'idea', id: 'i' }, 'both')).rejects.toThrow('cannot keep both');
    expect(await a.conflicts()).toHaveLength(1);
  });
});
