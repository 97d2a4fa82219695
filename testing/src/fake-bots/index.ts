import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Local fakes of the 飞书, 钉钉 and 企业微信 group-bot webhooks and a generic
 * webhook, on 127.0.0.1. Each checks what the real bot checks — the signature
 * when a secret is set, the message shape, the size limit — and answers in that
 * bot's format: 飞书 {code, msg} (19021 bad signature), 钉钉 and 企业微信 {errcode, errmsg}
 * (钉钉 310000 bad signature, 企业微信 40058 bad content). Paths:
 *   /feishu/<hook>   /dingtalk/robot/send?access_token=…   /wecom/webhook/send?key=…   /webhook
 */
export interface FakeBotMessage {
  kind: 'feishu' | 'dingtalk' | 'wecom' | 'webhook';
  body: Record<string, unknown>;
  /** The message text as the group would show it. */
  text: string;
}

export interface FakeBots {
  url: string;
  /** Messages the bots accepted, in order. */
  accepted: FakeBotMessage[];
  /** Requests the bots refused, with their answer. */
  refused: Array<{ kind: string; answer: unknown }>;
  /** The next `n` requests are refused for a passing reason: the bot's rate limit (钉钉 130101, 企业微信 45009, 飞书 11232) or HTTP 502. */
  failNext(n: number, how: 'rate_limit' | 'http_502'): void;
  close(): Promise<void>;
}

const LIMITS = { feishu: 30_000, dingtalk: 20_000, wecom: 4_096 } as const;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeBots(options: { feishuSecret?: string; dingtalkSecret?: string; now?: () => number } = {}): Promise<FakeBots> {
  const accepted: FakeBotMessage[] = [];
  const refused: FakeBots['refused'] = [];
  const now = options.now ?? Date.now;
  let failing: { n: number; how: 'rate_limit' | 'http_502' } = { n: 0, how: 'rate_limit' };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://bots');
      const raw = await readBody(req);
      const answer = (kind: string, status: number, body: unknown, ok: boolean, message?: FakeBotMessage) => {
        if (ok && message) accepted.push(message);
        else refused.push({ kind, answer: body });
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(body));
      };
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        return answer('any', 400, { code: 9499, msg: 'Bad Request' }, false);
      }
      if (failing.n > 0) {
        failing.n -= 1;
        const kind = url.pathname.split('/')[1] ?? 'any';
        if (failing.how === 'http_502') return answer(kind, 502, { msg: 'bad gateway' }, false);
        if (kind === 'feishu') return answer(kind, 200, { code: 11232, msg: 'frequency limited' }, false);
        return answer(kind, 200, kind === 'dingtalk' ? { errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' } : { errcode: 45009, errmsg: 'api freq out of limit' }, false);
      }
      if (url.pathname.startsWith('/feishu/')) {
        if (options.feishuSecret) {
          const ts = Number(body.timestamp);
          const expected = createHmac('sha256', `${ts}\n${options.feishuSecret}`).update('').digest('base64');
          if (!ts || Math.abs(now() / 1000 - ts) > 3600 || body.sign !== expected) return answer('feishu', 200, { code: 19021, msg: 'sign match fail or timestamp is not within one hour from current time' }, false);
        }
        const text = (body.content as { text?: unknown } | undefined)?.text;
        if (body.msg_type !== 'text' || typeof text !== 'string') return answer('feishu', 200, { code: 19002, msg: 'params error, msg_type need' }, false);
        if (Buffer.byteLength(raw) > LIMITS.feishu) return answer('feishu', 200, { code: 9499, msg: 'request body too large' }, false);
        return answer('feishu', 200, { code: 0, msg: 'success', data: {} }, true, { kind: 'feishu', body, text });
      }
      if (url.pathname === '/dingtalk/robot/send') {
        if (options.dingtalkSecret) {
          const ts = Number(url.searchParams.get('timestamp'));
          const expected = createHmac('sha256', options.dingtalkSecret).update(`${ts}\n${options.dingtalkSecret}`).digest('base64');
          if (!ts || Math.abs(now() - ts) > 3_600_000 || url.searchParams.get('sign') !== expected) return answer('dingtalk', 200, { errcode: 310000, errmsg: 'sign not match' }, false);
        }
        const md = body.markdown as { title?: unknown; text?: unknown } | undefined;
        if (body.msgtype !== 'markdown' || typeof md?.text !== 'string' || typeof md.title !== 'string') return answer('dingtalk', 200, { errcode: 40035, errmsg: '缺少参数 json' }, false);
        if (Buffer.byteLength(md.text) > LIMITS.dingtalk) return answer('dingtalk', 200, { errcode: 460101, errmsg: 'message too long' }, false);
        return answer('dingtalk', 200, { errcode: 0, errmsg: 'ok' }, true, { kind: 'dingtalk', body, text: md.text });
      }
      if (url.pathname === '/wecom/webhook/send') {
        if (!url.searchParams.get('key')) return answer('wecom', 200, { errcode: 93000, errmsg: 'invalid webhook url' }, false);
        const content = (body.markdown as { content?: unknown } | undefined)?.content;
        if (body.msgtype !== 'markdown' || typeof content !== 'string') return answer('wecom', 200, { errcode: 40008, errmsg: 'invalid message type' }, false);
        if (Buffer.byteLength(content) > LIMITS.wecom) return answer('wecom', 200, { errcode: 40058, errmsg: 'markdown.content exceed max length 4096' }, false);
        return answer('wecom', 200, { errcode: 0, errmsg: 'ok' }, true, { kind: 'wecom', body, text: content });
      }
      if (url.pathname === '/webhook') return answer('webhook', 200, { ok: true }, true, { kind: 'webhook', body, text: String(body.text ?? '') });
      answer('any', 404, { code: 404, msg: 'not found' }, false);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    accepted,
    refused,
    failNext: (n, how) => void (failing = { n, how }),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
