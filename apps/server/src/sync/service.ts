import type { Logger } from 'pino';
import { CreatorFlowError, type Clock } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';
import { SyncClient, SyncFeed, type KindCounts, type PullPage, type PushChange, type PushOutcome, type Resolution, type SyncConflict, type SyncKind, type SyncProgress, type SyncSummary, type SyncTransport } from '@creatorflow/sync';
import type { CloudLinkService } from '../cloud-link/link-service.ts';
import type { WorkspaceRecords } from './records.ts';
import { feedLockKey, SqlFeedStore, SqlLocalStore } from './stores.ts';
import { fromWire, toWire, type WireOutcome, type WirePullPage } from './wire.ts';

const REQUEST_TIMEOUT_MS = 60_000;

/** Cloud side: one workspace's feed, with the cloud's own edits absorbed before every push or pull. */
export async function withFeed<T>(database: Database, records: WorkspaceRecords, workspaceId: string, fn: (feed: SyncFeed) => Promise<T>): Promise<T> {
  return database.withAdvisoryLock(feedLockKey(workspaceId), async () => {
    const feed = new SyncFeed(new SqlFeedStore(database, workspaceId), (key, payload) => records.write(workspaceId, key, payload));
    await feed.absorb(await records.snapshot(workspaceId));
    return fn(feed);
  });
}

/** The linked cloud's `/api/sync/*` over HTTP with the device token. */
export class HttpSyncTransport implements SyncTransport {
  constructor(
    private readonly cloudUrl: string,
    private readonly token: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async push(changes: PushChange[]): Promise<PushOutcome[]> {
    const body = await this.#call<{ outcomes: WireOutcome[] }>('POST', '/api/sync/push', { changes: changes.map(toWire.change) });
    return body.outcomes.map(fromWire.outcome);
  }
  async pull(cursor: number, limit: number): Promise<PullPage> {
    return fromWire.page(await this.#call<WirePullPage>('GET', `/api/sync/pull?cursor=${cursor}&limit=${limit}`));
  }

  async #call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.cloudUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${this.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new CreatorFlowError('CLOUD_UNREACHABLE', `Could not reach ${this.cloudUrl}: ${(error as Error).message}`, { status: 502, cause: error });
    }
    const data = (await response.json().catch(() => undefined)) as (T & { code?: string; detail?: string }) | undefined;
    if (response.ok && data) return data;
    if (response.status === 401) throw new CreatorFlowError('SYNC_LINK_REVOKED', 'The cloud no longer accepts this device: link it again in 设置 → 连接云端.', { status: 409 });
    throw new CreatorFlowError(data?.code ?? 'SYNC_CLOUD_FAILED', data?.detail ?? `The cloud answered HTTP ${response.status} to ${path}`, { status: 502 });
  }
}

/** What started a round: the user (立即同步, the CLI), the timer, a local change, or resolving a conflict. */
export type SyncTrigger = 'manual' | 'interval' | 'change' | 'resolve';

export interface SyncStatus {
  running: boolean;
  /** What started the round running now, else the last one. */
  trigger: SyncTrigger | undefined;
  lastCounts: KindCounts;
  autoSync: boolean;
  progress: SyncProgress | undefined;
  lastSyncAt: Date | undefined;
  lastError: { code: string; message: string } | undefined;
  lastPulled: number;
  lastPushed: number;
  conflicts: number;
  pending: number;
}

/**
 * Local side: rounds of sync with the linked cloud — one at a time per
 * workspace, progress kept in memory for the UI and CLI, the outcome in
 * `sync_state` so the last sync time survives a restart.
 */
export class LocalSyncService {
  readonly #running = new Map<string, { progress: SyncProgress | undefined; trigger: SyncTrigger; done: Promise<SyncSummary> }>();

  constructor(
    private readonly database: Database,
    private readonly records: WorkspaceRecords,
    private readonly links: CloudLinkService,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  #store(workspaceId: string) {
    return new SqlLocalStore(this.database, this.records, workspaceId);
  }

  async #client(workspaceId: string, onProgress?: (p: SyncProgress) => void): Promise<SyncClient> {
    const credentials = await this.links.credentials(workspaceId);
    if (!credentials) throw new CreatorFlowError('SYNC_NOT_LINKED', 'This workspace is not linked to a cloud: link it in 设置 → 连接云端 or with creatorflow cloud login.', { status: 409 });
    const transport = new HttpSyncTransport(credentials.link.cloudUrl, credentials.token, this.fetchImpl);
    return new SyncClient(this.#store(workspaceId), transport, { now: () => this.clock.now(), ...(onProgress ? { onProgress } : {}) });
  }

  /** Starts a round (or joins the one running) and returns when it ends. */
  async run(workspaceId: string, trigger: SyncTrigger = 'manual'): Promise<SyncSummary> {
    const running = this.#running.get(workspaceId);
    if (running) return running.done;
    const entry: { progress: SyncProgress | undefined; trigger: SyncTrigger; done: Promise<SyncSummary> } = { progress: undefined, trigger, done: Promise.resolve(undefined as never) };
    entry.done = (async () => {
      try {
        const client = await this.#client(workspaceId, (p) => (entry.progress = p));
        const summary = await client.sync();
        await this.#record(workspaceId, trigger, { summary });
        return summary;
      } catch (error) {
        const e = error as CreatorFlowError;
        await this.#record(workspaceId, trigger, { error: { code: e.code ?? 'SYNC_FAILED', message: e.message } });
        this.logger.warn({ err: error }, 'sync round failed');
        throw error;
      } finally {
        this.#running.delete(workspaceId);
      }
    })();
    this.#running.set(workspaceId, entry);
    return entry.done;
  }

  /** Starts a round in the background (the web's 立即同步); its progress is in `status`. */
  start(workspaceId: string, trigger: SyncTrigger = 'manual'): void {
    void this.run(workspaceId, trigger).catch(() => undefined);
  }

  isRunning(workspaceId: string): boolean {
    return this.#running.has(workspaceId);
  }

  /** Whether this workspace syncs by itself (on by default once linked). */
  async autoSync(workspaceId: string): Promise<boolean> {
    const [row] = await this.database.query<{ auto_sync: boolean }>('SELECT auto_sync FROM sync_state WHERE workspace_id = $1', [workspaceId]);
    return row?.auto_sync ?? true;
  }

  async setAutoSync(workspaceId: string, enabled: boolean): Promise<void> {
    await this.database.query('INSERT INTO sync_state (workspace_id, auto_sync) VALUES ($1, $2) ON CONFLICT (workspace_id) DO UPDATE SET auto_sync = EXCLUDED.auto_sync', [workspaceId, enabled]);
  }

  async status(workspaceId: string): Promise<SyncStatus> {
    const [state] = await this.database.query<{
      last_sync_at: string | Date | null;
      last_error_code: string | null;
      last_error_message: string | null;
      last_pulled: number;
      last_pushed: number;
      last_counts: KindCounts | null;
      last_trigger: SyncTrigger | null;
      auto_sync: boolean;
    }>(
      'SELECT * FROM sync_state WHERE workspace_id = $1',
      [workspaceId],
    );
    const [{ n }] = (await this.database.query<{ n: string | number }>('SELECT count(*) AS n FROM sync_conflicts WHERE workspace_id = $1', [workspaceId])) as [{ n: string | number }];
    const linked = await this.links.credentials(workspaceId);
    const pending = linked ? (await new SyncClient(this.#store(workspaceId), { push: async () => [], pull: async (c) => ({ records: [], cursor: c, hasMore: false }) }).pending()).length : 0;
    const running = this.#running.get(workspaceId);
    return {
      running: Boolean(running),
      trigger: running?.trigger ?? state?.last_trigger ?? undefined,
      lastCounts: state?.last_counts ?? {},
      autoSync: state?.auto_sync ?? true,
      progress: running?.progress,
      lastSyncAt: state?.last_sync_at ? new Date(state.last_sync_at) : undefined,
      lastError: state?.last_error_code ? { code: state.last_error_code, message: state.last_error_message ?? '' } : undefined,
      lastPulled: Number(state?.last_pulled ?? 0),
      lastPushed: Number(state?.last_pushed ?? 0),
      conflicts: Number(n),
      pending,
    };
  }

  conflicts(workspaceId: string): Promise<SyncConflict[]> {
    return this.#store(workspaceId).conflicts();
  }

  /**
   * The user's pick; then a round so the cloud gets "mine" (or the copy) at
   * once when it is reachable. Returns the copy's key for "both".
   */
  async resolve(workspaceId: string, key: { kind: SyncKind; id: string }, choice: Resolution): Promise<{ kind: SyncKind; id: string } | undefined> {
    const open = (await this.conflicts(workspaceId)).find((c) => c.kind === key.kind && c.id === key.id);
    if (!open) throw new CreatorFlowError('SYNC_CONFLICT_NOT_FOUND', 'This conflict is already resolved or does not exist.', { status: 404 });
    if (choice === 'both' && (open.mine === null || open.cloud === null || !this.records.canFork(key.kind))) {
      throw new CreatorFlowError('SYNC_KEEP_BOTH_UNSUPPORTED', 'Both versions can be kept only for ideas and works that exist on both sides; pick one version instead.', { status: 409 });
    }
    // A round in flight would pull or push this record under the user's hands: wait for it.
    await this.#running.get(workspaceId)?.done.catch(() => undefined);
    const client = await this.#client(workspaceId);
    const copy = await client.resolve(key, choice);
    this.start(workspaceId, 'resolve');
    return copy;
  }

  async #record(workspaceId: string, trigger: SyncTrigger, outcome: { summary: SyncSummary } | { error: { code: string; message: string } }): Promise<void> {
    if ('summary' in outcome) {
      await this.database.query(
        `INSERT INTO sync_state (workspace_id, last_sync_at, last_error_code, last_error_message, last_pulled, last_pushed, last_counts, last_trigger) VALUES ($1, $2, NULL, NULL, $3, $4, $5::jsonb, $6)
         ON CONFLICT (workspace_id) DO UPDATE SET last_sync_at = EXCLUDED.last_sync_at, last_error_code = NULL, last_error_message = NULL, last_pulled = EXCLUDED.last_pulled,
           last_pushed = EXCLUDED.last_pushed, last_counts = EXCLUDED.last_counts, last_trigger = EXCLUDED.last_trigger`,
        [workspaceId, this.clock.now(), outcome.summary.pulled, outcome.summary.pushed, JSON.stringify(outcome.summary.byKind), trigger],
      );
    } else {
      await this.database.query(
        `INSERT INTO sync_state (workspace_id, last_error_code, last_error_message, last_trigger) VALUES ($1, $2, $3, $4)
         ON CONFLICT (workspace_id) DO UPDATE SET last_error_code = EXCLUDED.last_error_code, last_error_message = EXCLUDED.last_error_message, last_trigger = EXCLUDED.last_trigger`,
        [workspaceId, outcome.error.code, outcome.error.message, trigger],
      );
    }
  }
}
