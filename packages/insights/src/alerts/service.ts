import { ConflictError, CreatorFlowError, NotFoundError, SecretBox, ValidationError, newUuid, resealStale, systemClock, type Clock } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';
import type { TrendItemView, TrendService } from '../trends/service.ts';
import type { FetchPort } from '../trends/types.ts';
import { sendToBot, type AlertMessage, type BotKind, type RetryPolicy } from './bots.ts';
import { emailRecipients, emailTarget, sendEmail, smtpServer } from './email.ts';
import { digestMessage, evaluateRule, inPushWindow, type AlertRule } from './rules.ts';

/**
 * Alerts end to end: channels (group bots, webhooks), stored rules, evaluation
 * after trend refreshes, and in-app notifications.
 *
 * - A hit is one rule + one item, stored once (primary key): an item never alerts
 *   a rule twice, whichever server copy evaluates first.
 * - Hits found outside the rule's push window are held; inside it they go out.
 * - A rule with a window sends one digest per window (the alert_digests row for
 *   rule + window is claimed with ON CONFLICT DO NOTHING, so two copies never
 *   both send); hits after that digest wait for the next window. A rule without
 *   a window sends one digest per evaluation with everything pending.
 * - Every digest is also an in-app notification, whatever its channels did.
 */
export type ChannelKind = BotKind;

export interface AlertChannel {
  id: string;
  name: string;
  kind: ChannelKind;
  /** The address with its key masked (https://open.feishu.cn/…/abc…wxyz). */
  targetHint: string;
  hasSecret: boolean;
  enabled: boolean;
  createdAt: Date;
}

export interface StoredRule {
  id: string;
  name: string;
  niche: string;
  topN: number | null;
  minVelocity: number | null;
  window: { start: string; end: string; utcOffsetMinutes: number } | null;
  channelIds: string[];
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface RuleInput {
  name: string;
  niche: string;
  topN?: number | null;
  minVelocity?: number | null;
  window?: { start: string; end: string; utcOffsetMinutes?: number } | null;
  channelIds?: string[];
  enabled?: boolean;
}

export interface Delivery {
  channelId: string;
  channelName: string;
  kind: ChannelKind;
  ok: boolean;
  errorCode: string | null;
  detail: string | null;
  /** Requests made, retries included (a failure is shown with how often it was tried). */
  attempts: number;
}

export interface Notification {
  id: string;
  kind: 'alert' | 'weekly_report' | 'bettafish';
  title: string;
  lines: string[];
  link: string | null;
  data: unknown;
  readAt: Date | null;
  createdAt: Date;
}

export interface DigestOutcome {
  ruleId: string | null;
  digestId: string;
  hits: number;
  deliveries: Delivery[];
  notificationId: string;
}

export interface AlertServiceDeps {
  database: Database;
  clock?: Clock;
  /** The server's secret: webhook URLs (they carry the bot key) and signing secrets are sealed with it. */
  secretKey: string;
  /** Fetch for the users' webhook URLs: the egress (SSRF) guard in cloud mode. */
  http: FetchPort;
  trends: () => TrendService;
  /** Retries of a delivery that failed for a passing reason (default 3 tries, 1 s then 4 s apart). */
  retry?: RetryPolicy;
  /** The address to open an SMTP connection to (the egress guard in cloud mode); default the host itself. */
  smtpConnect?: (host: string, port: number) => Promise<string>;
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const date = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));

function maskUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.protocol === 'mailto:') return `mailto:${emailRecipients(raw).map((a) => `${a.slice(0, 2)}…@${a.split('@')[1]}`).join(', ')}`;
    const tail = `${url.pathname}${url.search}`;
    const masked = tail.length <= 12 ? '…' : `${tail.slice(0, 6)}…${tail.slice(-4)}`;
    return `${url.protocol}//${url.host}${masked}`;
  } catch {
    return '…';
  }
}

/** The push window a moment belongs to, named by the local date it opened (a window past midnight belongs to the day before). */
export function windowKey(window: { start: string; end: string; utcOffsetMinutes?: number }, now: Date): string {
  const offset = window.utcOffsetMinutes ?? 480;
  const local = new Date(now.getTime() + offset * 60_000);
  const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
  const [sh = 0, sm = 0] = window.start.split(':').map(Number);
  const [eh = 0, em = 0] = window.end.split(':').map(Number);
  const wraps = sh * 60 + sm > eh * 60 + em;
  if (wraps && minutes < eh * 60 + em) local.setUTCDate(local.getUTCDate() - 1);
  return `w-${local.toISOString().slice(0, 10)}`;
}

interface ChannelRow {
  id: string;
  workspace_id: string;
  name: string;
  kind: ChannelKind;
  target_sealed: string;
  secret_sealed: string | null;
  target_hint: string;
  enabled: boolean;
  created_at: Date;
}

interface RuleRow {
  id: string;
  workspace_id: string;
  name: string;
  niche: string;
  top_n: number | null;
  min_velocity: number | null;
  window_start: string | null;
  window_end: string | null;
  utc_offset_minutes: number;
  channel_ids: string[];
  enabled: boolean;
  created_at: Date;
  updated_at: Date;
}

const toChannel = (r: ChannelRow): AlertChannel => ({ id: r.id, name: r.name, kind: r.kind, targetHint: r.target_hint, hasSecret: r.secret_sealed !== null, enabled: r.enabled, createdAt: date(r.created_at) });
const toRule = (r: RuleRow): StoredRule => ({
  id: r.id, name: r.name, niche: r.niche, topN: r.top_n, minVelocity: r.min_velocity === null ? null : Number(r.min_velocity),
  window: r.window_start && r.window_end ? { start: r.window_start, end: r.window_end, utcOffsetMinutes: r.utc_offset_minutes } : null,
  channelIds: r.channel_ids ?? [], enabled: r.enabled, createdAt: date(r.created_at), updatedAt: date(r.updated_at),
});

/** Seals channel targets and secrets written in the old format again (start-up, runtime reseal-secrets.ts). */
export async function resealAlertChannels(database: Database, secretKey: string): Promise<{ resealed: number; unreadable: number }> {
  const box = SecretBox.forPurpose(secretKey, 'alert-channel');
  let resealed = 0;
  let unreadable = 0;
  for (const column of ['target_sealed', 'secret_sealed'] as const) {
    const rows = await database.query<{ id: string; sealed: string }>(`SELECT id, ${column} AS sealed FROM alert_channels WHERE ${column} IS NOT NULL AND ${column} NOT LIKE 'v2.%'`);
    const found = resealStale(box, rows);
    for (const u of found.updates) await database.query(`UPDATE alert_channels SET ${column} = $1 WHERE id = $2 AND ${column} = $3`, [u.to, u.id, u.from]);
    resealed += found.updates.length;
    unreadable += found.unreadable.length;
  }
  return { resealed, unreadable };
}

export class AlertService {
  readonly #clock: Clock;
  /** Webhook URLs (they carry the bot's key) and signing secrets: the one secret box under the server secret. */
  readonly #box: SecretBox;
  constructor(private readonly deps: AlertServiceDeps) {
    this.#clock = deps.clock ?? systemClock;
    this.#box = SecretBox.forPurpose(deps.secretKey, 'alert-channel');
  }

  // ---- channels ----

  async channels(workspaceId: string): Promise<AlertChannel[]> {
    const rows = await this.deps.database.query<ChannelRow>(`SELECT * FROM alert_channels WHERE workspace_id = $1 ORDER BY created_at`, [workspaceId]);
    return rows.map(toChannel);
  }

  async addChannel(workspaceId: string, input: { name: string; kind: ChannelKind; url: string; secret?: string | null }): Promise<AlertChannel> {
    let url: URL | undefined;
    try {
      url = new URL(input.url);
    } catch {
      url = undefined;
    }
    if (input.kind === 'email') {
      emailRecipients(input.url);
      // The SMTP server is checked now (its URL shape); it is reached only when something is sent.
      smtpServer(input.secret || process.env.CREATORFLOW_SMTP_URL);
    } else if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) throw new ValidationError('not a webhook address', [{ path: 'url', message: 'must be the bot\'s http(s) webhook address' }]);
    const rows = await this.deps.database.query<ChannelRow>(
      `INSERT INTO alert_channels (id, workspace_id, name, kind, target_sealed, secret_sealed, target_hint, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (workspace_id, name) DO NOTHING RETURNING *`,
      [newUuid(), workspaceId, input.name, input.kind, this.#box.seal(url!.toString()), input.secret ? this.#box.seal(input.secret) : null, maskUrl(url!.toString()), this.#clock.now()],
    );
    if (!rows[0]) throw new ConflictError('ALERT_CHANNEL_EXISTS', `a channel named ${input.name} already exists`);
    return toChannel(rows[0]);
  }

  async removeChannel(workspaceId: string, id: string): Promise<void> {
    const rows = await this.deps.database.query(`DELETE FROM alert_channels WHERE id = $1 AND workspace_id = $2 RETURNING id`, [id, workspaceId]);
    if (!rows[0]) throw new NotFoundError('alert channel', id);
    await this.deps.database.query(`UPDATE alert_rules SET channel_ids = array_remove(channel_ids, $1::uuid) WHERE workspace_id = $2`, [id, workspaceId]);
  }

  /** Sends a test message through one channel, so the user sees at once whether the bot takes it. */
  async testChannel(workspaceId: string, id: string): Promise<Delivery> {
    const row = await this.#channelRow(workspaceId, id);
    return this.#deliver(row, { title: '创流提醒测试', lines: ['这是一条测试消息：收到它，说明热点提醒会发到这个群。'], data: { test: true } });
  }

  async #channelRow(workspaceId: string, id: string): Promise<ChannelRow> {
    const rows = /^[0-9a-f-]{36}$/i.test(id) ? await this.deps.database.query<ChannelRow>(`SELECT * FROM alert_channels WHERE id = $1 AND workspace_id = $2`, [id, workspaceId]) : [];
    if (!rows[0]) throw new NotFoundError('alert channel', id);
    return rows[0];
  }

  async #deliver(row: ChannelRow, message: AlertMessage): Promise<Delivery> {
    const base = { channelId: row.id, channelName: row.name, kind: row.kind };
    let attempts = 0;
    try {
      const url = this.#box.open(row.target_sealed);
      const secret = row.secret_sealed ? this.#box.open(row.secret_sealed) : undefined;
      if (row.kind === 'email') {
        attempts = await this.#withRetry(() => sendEmail(emailTarget(url, secret), message, this.deps.smtpConnect));
      } else {
        attempts = (await sendToBot(this.deps.http, { kind: row.kind, url, secret }, message, this.#clock.now(), this.deps.retry)).attempts;
      }
      return { ...base, ok: true, errorCode: null, detail: null, attempts };
    } catch (error) {
      const code = error instanceof CreatorFlowError ? error.code : 'ALERT_DELIVERY_FAILED';
      const tried = error instanceof CreatorFlowError && typeof error.details?.attempts === 'number' ? error.details.attempts : Math.max(1, attempts);
      return { ...base, ok: false, errorCode: code, detail: (error as Error).message.slice(0, 500), attempts: tried };
    }
  }

  /** The e-mail channel's tries: the same policy as the bots' (passing failures only). */
  async #withRetry(send: () => Promise<void>): Promise<number> {
    const max = Math.max(1, this.deps.retry?.attempts ?? 3);
    const sleep = this.deps.retry?.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    for (let attempt = 1; ; attempt++) {
      try {
        await send();
        return attempt;
      } catch (error) {
        if (!(error instanceof CreatorFlowError) || !error.retryable || attempt >= max) {
          if (error instanceof CreatorFlowError && error.code === 'ALERT_DELIVERY_FAILED') {
            throw new CreatorFlowError(error.code, `${error.message} (${attempt} ${attempt === 1 ? 'try' : 'tries'})`, { status: 502, details: { attempts: attempt }, cause: error });
          }
          throw error;
        }
        await sleep((this.deps.retry?.backoffMs ?? 1000) * 4 ** (attempt - 1));
      }
    }
  }

  // ---- rules ----

  #check(input: RuleInput, channelIds: string[], known: Set<string>): void {
    const issues = [];
    if ((input.topN ?? null) === null && (input.minVelocity ?? null) === null) issues.push({ path: 'top_n', message: 'set a top N, a velocity, or both' });
    if (input.window && (!HHMM.test(input.window.start) || !HHMM.test(input.window.end))) issues.push({ path: 'window', message: 'times are HH:MM (00:00–23:59)' });
    if (input.window && input.window.start === input.window.end) issues.push({ path: 'window', message: 'the window starts and ends at the same time' });
    for (const id of channelIds) if (!known.has(id)) issues.push({ path: 'channel_ids', message: `no channel ${id}` });
    if (issues.length) throw new ValidationError('invalid alert rule', issues);
  }

  async rules(workspaceId: string): Promise<StoredRule[]> {
    const rows = await this.deps.database.query<RuleRow>(`SELECT * FROM alert_rules WHERE workspace_id = $1 ORDER BY created_at`, [workspaceId]);
    return rows.map(toRule);
  }

  async saveRule(workspaceId: string, input: RuleInput, id?: string): Promise<StoredRule> {
    const channelIds = [...new Set(input.channelIds ?? [])];
    this.#check(input, channelIds, new Set((await this.channels(workspaceId)).map((c) => c.id)));
    // The niche must parse (a broken regex is the user's to fix now, not a silent non-alert later).
    await this.deps.trends().rulesFor(workspaceId, input.niche);
    const now = this.#clock.now();
    const values = [input.name, input.niche, input.topN ?? null, input.minVelocity ?? null, input.window?.start ?? null, input.window?.end ?? null, input.window?.utcOffsetMinutes ?? 480, channelIds, input.enabled ?? true, now];
    let rows: RuleRow[];
    if (id) {
      rows = /^[0-9a-f-]{36}$/i.test(id)
        ? await this.deps.database.query<RuleRow>(
            `UPDATE alert_rules SET name = $3, niche = $4, top_n = $5, min_velocity = $6, window_start = $7, window_end = $8, utc_offset_minutes = $9, channel_ids = $10, enabled = $11, updated_at = $12
              WHERE id = $1 AND workspace_id = $2 RETURNING *`,
            [id, workspaceId, ...values],
          ).catch((error: unknown) => this.#duplicate(error, input.name))
        : [];
      if (!rows[0]) throw new NotFoundError('alert rule', id);
    } else {
      rows = await this.deps.database.query<RuleRow>(
        `INSERT INTO alert_rules (id, workspace_id, name, niche, top_n, min_velocity, window_start, window_end, utc_offset_minutes, channel_ids, enabled, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) ON CONFLICT (workspace_id, name) DO NOTHING RETURNING *`,
        [newUuid(), workspaceId, ...values],
      );
      if (!rows[0]) throw new ConflictError('ALERT_RULE_EXISTS', `a rule named ${input.name} already exists`);
    }
    return toRule(rows[0]);
  }

  #duplicate(error: unknown, name: string): never {
    if (/unique|duplicate/i.test(String((error as Error).message))) throw new ConflictError('ALERT_RULE_EXISTS', `a rule named ${name} already exists`);
    throw error;
  }

  async removeRule(workspaceId: string, id: string): Promise<void> {
    const rows = /^[0-9a-f-]{36}$/i.test(id) ? await this.deps.database.query(`DELETE FROM alert_rules WHERE id = $1 AND workspace_id = $2 RETURNING id`, [id, workspaceId]) : [];
    if (!rows[0]) throw new NotFoundError('alert rule', id);
  }

  // ---- evaluation ----

  /** Evaluates every enabled rule of every workspace (after a refresh); one workspace when given. */
  async evaluate(workspaceId?: string): Promise<DigestOutcome[]> {
    const rows = await this.deps.database.query<RuleRow>(
      `SELECT * FROM alert_rules WHERE enabled AND ($1::uuid IS NULL OR workspace_id = $1) ORDER BY workspace_id, created_at`,
      [workspaceId ?? null],
    );
    const byWorkspace = new Map<string, RuleRow[]>();
    for (const row of rows) byWorkspace.set(row.workspace_id, [...(byWorkspace.get(row.workspace_id) ?? []), row]);
    const outcomes: DigestOutcome[] = [];
    const trends = this.deps.trends();
    for (const [ws, rules] of byWorkspace) {
      const items = await trends.items(ws);
      for (const row of rules) {
        const rule = toRule(row);
        const niche = await trends.rulesFor(ws, rule.niche).catch(() => undefined);
        if (!niche) continue;
        const now = this.#clock.now();
        const sent = new Set((await this.deps.database.query<{ item_id: string }>(`SELECT item_id FROM alert_hits WHERE rule_id = $1`, [rule.id])).map((r) => `${rule.id}:${r.item_id}`));
        // Hits are recorded whatever the hour (held outside the window), and sent inside it.
        const hits = evaluateRule({ ...this.#asRule(rule, niche), window: undefined }, items, sent, now);
        for (const hit of hits) {
          const payload = { item_id: hit.item.id, title: hit.item.title, url: hit.item.url, source_id: hit.item.source_id, source_name: hit.item.source_name, rank: hit.item.rank, velocity: hit.item.velocity, heat: hit.item.heat, reason: hit.reason };
          await this.deps.database.query(
            `INSERT INTO alert_hits (rule_id, item_id, workspace_id, reason, payload, found_at) VALUES ($1, $2, $3, $4, $5::jsonb, $6) ON CONFLICT DO NOTHING`,
            [rule.id, hit.item.id, ws, hit.reason, JSON.stringify(payload), now],
          );
        }
        const outcome = await this.#flush(ws, rule, niche, now);
        if (outcome) outcomes.push(outcome);
      }
    }
    return outcomes;
  }

  #asRule(rule: StoredRule, niche: AlertRule['niche']): AlertRule {
    return { id: rule.id, name: rule.name, niche, topN: rule.topN ?? undefined, minVelocity: rule.minVelocity ?? undefined, window: rule.window ?? undefined };
  }

  /** Sends the rule's pending hits as one digest when its window is open and this window has no digest yet. */
  async #flush(workspaceId: string, rule: StoredRule, niche: AlertRule['niche'], now: Date): Promise<DigestOutcome | undefined> {
    if (!inPushWindow(rule.window ?? undefined, now)) return undefined;
    const pending = await this.deps.database.query<{ item_id: string }>(`SELECT item_id FROM alert_hits WHERE rule_id = $1 AND digest_id IS NULL LIMIT 1`, [rule.id]);
    if (!pending[0]) return undefined;
    const key = rule.window ? windowKey(rule.window, now) : `t-${now.toISOString()}`;
    const digestId = newUuid();
    const claimed = await this.deps.database.query<{ id: string }>(
      `INSERT INTO alert_digests (id, workspace_id, rule_id, kind, scope, window_key, title, lines, created_at) VALUES ($1, $2, $3, 'alert', $4, $5, '', '[]'::jsonb, $6)
       ON CONFLICT (workspace_id, scope, window_key) DO NOTHING RETURNING id`,
      [digestId, workspaceId, rule.id, rule.id, key, now],
    );
    if (!claimed[0]) return undefined;
    const taken = await this.deps.database.query<{ payload: Record<string, unknown> }>(
      `UPDATE alert_hits SET digest_id = $2 WHERE rule_id = $1 AND digest_id IS NULL RETURNING payload`,
      [rule.id, digestId],
    );
    if (taken.length === 0) {
      await this.deps.database.query(`DELETE FROM alert_digests WHERE id = $1`, [digestId]);
      return undefined;
    }
    const views = taken
      .map((t) => t.payload as { item_id: string; title: string; url: string; source_id: string; source_name: string; rank: number; velocity: number; heat: number; reason: 'top' | 'velocity' })
      .sort((a, b) => a.rank - b.rank || b.velocity - a.velocity);
    const message = digestMessage(this.#asRule(rule, niche), // The digest needs only what the hit stored of the item, as it was when it tripped the rule.
      views.map((v) => ({ key: `${rule.id}:${v.item_id}`, reason: v.reason, item: { id: v.item_id, title: v.title, url: v.url, source_id: v.source_id, source_name: v.source_name, rank: v.rank, velocity: v.velocity } as unknown as TrendItemView })));
    return this.#send(workspaceId, digestId, rule.channelIds, message, 'alert', '/trends?tab=niche', views.length, rule.id);
  }

  /** Sends a message to channels, records the deliveries on the digest and adds the in-app notification. */
  async #send(workspaceId: string, digestId: string, channelIds: string[], message: AlertMessage, kind: 'alert' | 'weekly_report', link: string, hits: number, ruleId: string | null): Promise<DigestOutcome> {
    const channels = channelIds.length
      ? await this.deps.database.query<ChannelRow>(`SELECT * FROM alert_channels WHERE workspace_id = $1 AND enabled AND id = ANY($2::uuid[]) ORDER BY created_at`, [workspaceId, channelIds])
      : [];
    const deliveries: Delivery[] = [];
    for (const channel of channels) deliveries.push(await this.#deliver(channel, message));
    const json = deliveries.map((d) => ({ channel_id: d.channelId, channel_name: d.channelName, kind: d.kind, ok: d.ok, error_code: d.errorCode, detail: d.detail, attempts: d.attempts }));
    await this.deps.database.query(`UPDATE alert_digests SET title = $2, lines = $3::jsonb, deliveries = $4::jsonb WHERE id = $1`, [digestId, message.title, JSON.stringify(message.lines), JSON.stringify(json)]);
    const notificationId = await this.notify(workspaceId, { kind, title: message.title, lines: message.lines, link, data: { digest_id: digestId, deliveries: json } });
    return { ruleId, digestId, hits, deliveries, notificationId };
  }

  /**
   * Sends a message that is not a rule's (the weekly report) once per window key
   * to the given channels (all enabled channels when omitted) and the notification list.
   */
  async broadcast(workspaceId: string, input: { kind: 'weekly_report'; scope: string; windowKey: string; message: AlertMessage; link: string; channelIds?: string[] }): Promise<DigestOutcome | undefined> {
    const digestId = newUuid();
    const claimed = await this.deps.database.query<{ id: string }>(
      `INSERT INTO alert_digests (id, workspace_id, rule_id, kind, scope, window_key, title, lines, created_at) VALUES ($1, $2, NULL, $3, $4, $5, '', '[]'::jsonb, $6)
       ON CONFLICT (workspace_id, scope, window_key) DO NOTHING RETURNING id`,
      [digestId, workspaceId, input.kind, input.scope, input.windowKey, this.#clock.now()],
    );
    if (!claimed[0]) return undefined;
    const channelIds = input.channelIds ?? (await this.channels(workspaceId)).filter((c) => c.enabled).map((c) => c.id);
    return this.#send(workspaceId, digestId, channelIds, input.message, input.kind, input.link, 0, null);
  }

  // ---- notifications ----

  async notify(workspaceId: string, n: { kind: Notification['kind']; title: string; lines: string[]; link?: string | null; data?: unknown }): Promise<string> {
    const id = newUuid();
    await this.deps.database.query(
      `INSERT INTO notifications (id, workspace_id, kind, title, lines, link, data, created_at) VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7::jsonb, $8)`,
      [id, workspaceId, n.kind, n.title, JSON.stringify(n.lines), n.link ?? null, n.data === undefined ? null : JSON.stringify(n.data), this.#clock.now()],
    );
    return id;
  }

  async notifications(workspaceId: string, options: { limit?: number; unreadOnly?: boolean } = {}): Promise<{ items: Notification[]; unread: number }> {
    const rows = await this.deps.database.query<{ id: string; kind: Notification['kind']; title: string; lines: string[]; link: string | null; data: unknown; read_at: Date | null; created_at: Date }>(
      `SELECT id, kind, title, lines, link, data, read_at, created_at FROM notifications WHERE workspace_id = $1 AND ($2::boolean IS FALSE OR read_at IS NULL) ORDER BY created_at DESC, id DESC LIMIT $3`,
      [workspaceId, options.unreadOnly ?? false, options.limit ?? 50],
    );
    const [count] = await this.deps.database.query<{ n: string }>(`SELECT count(*) AS n FROM notifications WHERE workspace_id = $1 AND read_at IS NULL`, [workspaceId]);
    return {
      items: rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, lines: r.lines ?? [], link: r.link, data: r.data, readAt: r.read_at ? date(r.read_at) : null, createdAt: date(r.created_at) })),
      unread: Number(count?.n ?? 0),
    };
  }

  /** Marks notifications read: the given ids, or all of the workspace's. */
  async markRead(workspaceId: string, ids?: string[]): Promise<number> {
    const rows = await this.deps.database.query(
      `UPDATE notifications SET read_at = $3 WHERE workspace_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[])) RETURNING id`,
      [workspaceId, ids ?? null, this.#clock.now()],
    );
    return rows.length;
  }

  /** The digests sent for a rule, newest first (what went where). */
  async digests(workspaceId: string, limit = 30): Promise<Array<{ id: string; ruleId: string | null; kind: string; windowKey: string; title: string; lines: string[]; deliveries: unknown[]; createdAt: Date }>> {
    const rows = await this.deps.database.query<{ id: string; rule_id: string | null; kind: string; window_key: string; title: string; lines: string[]; deliveries: unknown[]; created_at: Date }>(
      `SELECT id, rule_id, kind, window_key, title, lines, deliveries, created_at FROM alert_digests WHERE workspace_id = $1 AND title <> '' ORDER BY created_at DESC LIMIT $2`,
      [workspaceId, limit],
    );
    return rows.map((r) => ({ id: r.id, ruleId: r.rule_id, kind: r.kind, windowKey: r.window_key, title: r.title, lines: r.lines, deliveries: r.deliveries, createdAt: date(r.created_at) }));
  }
}
