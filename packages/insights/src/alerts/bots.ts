import { createHmac } from 'node:crypto';
import { CreatorFlowError } from '@creatorflow/core';
import type { FetchPort } from '../trends/types.ts';

/**
 * Group-bot webhooks for niche alerts: 飞书, 钉钉 and 企业微信 custom bots and a
 * generic JSON webhook. Formats, signing and size limits from the bots' public
 * documentation as used by sansan0/TrendRadar and other public senders (checked 2026-12-02):
 * - 飞书: POST {timestamp, sign, msg_type: 'text', content: {text}}; timestamp in
 *   seconds; sign = base64(HMAC-SHA256 keyed by "timestamp\nsecret" over an empty
 *   message); answers {code: 0} (19021 on a bad signature). ~30 KB a message.
 * - 钉钉: POST {msgtype: 'markdown', markdown: {title, text}} to the webhook with
 *   &timestamp=<ms>&sign=<urlencoded base64(HMAC-SHA256 keyed by secret over "timestamp\nsecret")>;
 *   answers {errcode: 0} (310000 on a bad signature). 20 000 bytes a message.
 * - 企业微信: POST {msgtype: 'markdown', markdown: {content}}, no signing (the key is in
 *   the URL); answers {errcode: 0}. 4 096 bytes a message.
 * A message over the limit is split at line breaks into several, in order.
 * The URL is the user's: callers pass the SSRF-guarded fetch (ctx.egress) in cloud mode.
 */
export type BotKind = 'feishu' | 'dingtalk' | 'wecom' | 'webhook' | 'email';

export interface BotTarget {
  kind: BotKind;
  url: string;
  /** 飞书 / 钉钉 signing secret ("加签"), when the bot has one. */
  secret?: string;
}

export interface AlertMessage {
  title: string;
  /** Markdown-ish lines; 飞书 gets them as plain text. */
  lines: string[];
  /** Machine-readable payload for the generic webhook. */
  data?: unknown;
}

export const BOT_LIMIT_BYTES: Record<BotKind, number> = { feishu: 29_000, dingtalk: 20_000, wecom: 4_000, webhook: 256_000, email: 1_000_000 };

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/** The body split into pieces under `limit` bytes, at line breaks (a single overlong line is cut). */
export function splitByBytes(header: string, lines: string[], limit: number): string[] {
  const pieces: string[] = [];
  let current = header;
  for (const raw of lines) {
    let line = raw;
    while (bytes(`${header}\n${line}`) > limit) line = line.slice(0, Math.max(1, Math.floor(line.length * 0.9)));
    if (bytes(`${current}\n${line}`) > limit) {
      pieces.push(current);
      current = header;
    }
    current = `${current}\n${line}`;
  }
  pieces.push(current);
  return pieces;
}

export function feishuSign(timestampSeconds: number, secret: string): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}

export function dingtalkSign(timestampMs: number, secret: string): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}

export interface BotRequest {
  url: string;
  body: unknown;
}

/** The HTTP requests that deliver one message to one bot (several when it is over the bot's size limit). */
export function botRequests(target: BotTarget, message: AlertMessage, now: Date): BotRequest[] {
  const header = target.kind === 'feishu' ? message.title : `### ${message.title}`;
  if (target.kind === 'webhook') return [{ url: target.url, body: { title: message.title, text: [message.title, ...message.lines].join('\n'), data: message.data ?? null, sent_at: now.toISOString() } }];
  const pieces = splitByBytes(header, message.lines, BOT_LIMIT_BYTES[target.kind] - 512);
  return pieces.map((text) => {
    if (target.kind === 'feishu') {
      const timestamp = Math.floor(now.getTime() / 1000);
      const signed = target.secret ? { timestamp: String(timestamp), sign: feishuSign(timestamp, target.secret) } : {};
      return { url: target.url, body: { ...signed, msg_type: 'text', content: { text } } };
    }
    if (target.kind === 'dingtalk') {
      const timestamp = now.getTime();
      const url = target.secret ? `${target.url}${target.url.includes('?') ? '&' : '?'}timestamp=${timestamp}&sign=${encodeURIComponent(dingtalkSign(timestamp, target.secret))}` : target.url;
      return { url, body: { msgtype: 'markdown', markdown: { title: message.title, text } } };
    }
    return { url: target.url, body: { msgtype: 'markdown', markdown: { content: text } } };
  });
}

/**
 * Answers that mean "too many messages, try again shortly" (a bot accepts about 20 a minute):
 * 钉钉 errcode 130101 (send too fast), 企业微信 errcode 45009 (api freq out of limit),
 * 飞书 code 11232 (frequency limited). Anything else the bot refuses is final.
 */
const RATE_LIMITED: Partial<Record<BotKind, number[]>> = { dingtalk: [130101], wecom: [45009], feishu: [11232] };

/** Whether a bot's answer means it took the message: 飞书 {code: 0} (or the older StatusCode), 钉钉 and 企业微信 {errcode: 0}. */
function accepted(kind: BotKind, status: number, body: unknown): { ok: boolean; detail: string; retryable: boolean } {
  if (status < 200 || status >= 300) return { ok: false, detail: `HTTP ${status}`, retryable: status >= 500 || status === 429 };
  if (kind === 'webhook') return { ok: true, detail: '', retryable: false };
  const b = (body ?? {}) as { code?: number; msg?: string; StatusCode?: number; errcode?: number; errmsg?: string };
  const code = kind === 'feishu' ? (b.code ?? b.StatusCode) : b.errcode;
  if (code === 0) return { ok: true, detail: '', retryable: false };
  const said = kind === 'feishu' ? `code ${code}: ${b.msg ?? ''}` : `errcode ${code}: ${b.errmsg ?? ''}`;
  return { ok: false, detail: said, retryable: typeof code === 'number' && (RATE_LIMITED[kind] ?? []).includes(code) };
}

export interface RetryPolicy {
  /** Tries per request, the first included (default 3). */
  attempts?: number;
  /** Wait before the second try; each further wait is 4× longer (default 1 s, then 4 s). */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Sends one message to one bot; a request that fails for a passing reason (unreachable, HTTP 5xx
 * or 429, the bot's rate limit) is tried again with backoff, each piece of a split message on its
 * own so a piece that went through is never sent twice. Throws ALERT_DELIVERY_FAILED with the
 * bot's own answer and the number of tries when it still refuses.
 */
export async function sendToBot(http: FetchPort, target: BotTarget, message: AlertMessage, now = new Date(), retry: RetryPolicy = {}): Promise<{ requests: number; attempts: number }> {
  const requests = botRequests(target, message, now);
  const max = Math.max(1, retry.attempts ?? 3);
  const sleep = retry.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let attempts = 0;
  for (const request of requests) {
    for (let attempt = 1; ; attempt++) {
      attempts += 1;
      try {
        await post(http, target, request);
        break;
      } catch (error) {
        const retryable = CreatorFlowError.isInstance(error) && error.retryable && error.code === 'ALERT_DELIVERY_FAILED';
        if (!retryable || attempt >= max) {
          if (CreatorFlowError.isInstance(error) && error.code === 'ALERT_DELIVERY_FAILED') {
            throw new CreatorFlowError('ALERT_DELIVERY_FAILED', `${error.message} (${attempt} ${attempt === 1 ? 'try' : 'tries'})`, { status: 502, retryable: error.retryable, details: { attempts }, cause: error });
          }
          throw error;
        }
        await sleep((retry.backoffMs ?? 1000) * 4 ** (attempt - 1));
      }
    }
  }
  return { requests: requests.length, attempts };
}

async function post(http: FetchPort, target: BotTarget, request: BotRequest): Promise<void> {
  let response: Response;
  try {
    response = await http.fetch(request.url, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(request.body), signal: AbortSignal.timeout(10_000) });
  } catch (cause) {
    // The egress guard's refusal (FETCH_BLOCKED_HOST: an internal address in cloud mode) is said as such.
    if (cause instanceof CreatorFlowError) throw cause;
    throw new CreatorFlowError('ALERT_DELIVERY_FAILED', `${target.kind} webhook unreachable: ${(cause as Error).message}`, { status: 502, retryable: true, cause });
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const verdict = accepted(target.kind, response.status, body);
  if (!verdict.ok) throw new CreatorFlowError('ALERT_DELIVERY_FAILED', `${target.kind} webhook refused the alert: ${verdict.detail}`, { status: 502, retryable: verdict.retryable });
}
