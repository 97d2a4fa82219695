import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { anthropicError, anthropicMessage, anthropicStreamFrames } from './anthropic-wire.ts';
import { ReplyChooser, countTokens, echoReply, fakeEmbedding, promptOf, toAnswer } from './behaviour.ts';
import { openaiCompletion, openaiError, openaiModels, openaiStreamFrames, type Frame } from './openai-wire.ts';
import type { FakeLlm, FakeLlmOptions, FakeReply, FakeRequest, WireFormat } from './types.ts';

export type * from './types.ts';
export { countTokens } from './behaviour.ts';

const DEFAULT_MODELS = ['gpt-4o-mini', 'gpt-4o', 'claude-sonnet-4-5', 'deepseek-chat', 'text-embedding-3-small'];

/**
 * Starts a fake OpenAI + Anthropic upstream on 127.0.0.1 with a port of its own.
 * See README.md beside this file for the scripting API.
 */
export async function startFakeLlm(options: FakeLlmOptions = {}): Promise<FakeLlm> {
  const chooser = new ReplyChooser(options.rules ?? [], options.fallback ?? echoReply);
  const requests: FakeRequest[] = [];
  const abortWaiters = new Set<() => void>();
  let aborted = 0;
  let seq = 0;

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, openaiError(500, `fake-llm crashed: ${(error as Error).message}`));
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 30_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = (req.url ?? '/').split('?')[0]!;
    const format: WireFormat = path.endsWith('/messages') ? 'anthropic' : 'openai';
    const kind = path.endsWith('/chat/completions') || path.endsWith('/messages') ? 'chat' : path.endsWith('/embeddings') ? 'embeddings' : path.endsWith('/models') ? 'models' : 'other';
    let body: Record<string, unknown> | undefined;
    try {
      body = raw.length > 0 ? (JSON.parse(raw) as Record<string, unknown>) : undefined;
    } catch {
      return send(res, 400, errorBody(format, 400, 'request body is not valid JSON'));
    }
    const record: FakeRequest = {
      seq: ++seq,
      method: req.method ?? 'GET',
      path,
      format,
      kind,
      headers: req.headers,
      body,
      model: typeof body?.model === 'string' ? body.model : undefined,
      stream: body?.stream === true,
      prompt: promptOf(body),
      aborted: false,
      completed: false,
      response: '',
    };
    requests.push(record);
    res.on('close', () => {
      if (res.writableFinished || record.completed) return;
      record.aborted = true;
      aborted++;
      for (const wake of abortWaiters) wake();
    });

    if (options.apiKey) {
      const given = req.headers['x-api-key'] ?? req.headers.authorization?.replace(/^Bearer\s+/i, '');
      if (given !== options.apiKey) return finish(record, res, 401, errorBody(format, 401, echoed(record, 'Incorrect API key provided')));
    }
    if (kind === 'models' && req.method === 'GET') {
      const models = options.models ?? [...new Set([...DEFAULT_MODELS, ...chooser.knownModels()])];
      return finish(record, res, 200, openaiModels(models, 1_700_000_000));
    }
    if (req.method !== 'POST' || kind === 'models' || kind === 'other') {
      return finish(record, res, 404, errorBody(format, 404, echoed(record, `fake-llm has no route ${req.method} ${path}`)));
    }
    if (!record.model) return finish(record, res, 400, errorBody(format, 400, 'model is required'));
    if (kind === 'embeddings') return embeddings(record, res);
    return chat(record, chooser.choose(record), res);
  }

  function embeddings(record: FakeRequest, res: ServerResponse): void {
    const input = record.body.input as string | string[];
    const texts = Array.isArray(input) ? input : [input];
    const dims = options.embeddingDimensions ?? 8;
    const tokens = texts.reduce((sum, t) => sum + countTokens(String(t)), 0);
    finish(record, res, 200, {
      object: 'list',
      model: record.model,
      data: texts.map((t, index) => {
        const vector = fakeEmbedding(String(t), dims);
        // The openai SDK asks for base64 (little-endian float32) by default.
        const embedding = record.body.encoding_format === 'base64' ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector;
        return { object: 'embedding', index, embedding };
      }),
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    });
  }

  /** With `echoKey`, errors quote the credential the request carried, as some real upstreams do (redaction tests). */
  function echoed(record: FakeRequest, message: string): string {
    if (!options.echoKey) return message;
    const given = record.headers['x-api-key'] ?? record.headers.authorization;
    return `${message} (you sent: ${String(given ?? 'no key')}; key=${String(given ?? '').replace(/^Bearer\s+/i, '')})`;
  }

  async function chat(record: FakeRequest, reply: FakeReply, res: ServerResponse): Promise<void> {
    if (reply.delayMs) await sleep(reply.delayMs, res);
    if (reply.hang) return void (await sleep(24 * 3600_000, res));
    if (res.destroyed) return;
    if (reply.error) {
      const headers: Record<string, string> = reply.error.retryAfterSeconds !== undefined ? { 'retry-after': String(reply.error.retryAfterSeconds) } : {};
      const message = reply.error.message ?? `fake upstream error ${reply.error.status}`;
      return finish(record, res, reply.error.status, errorBody(record.format, reply.error.status, echoed(record, message), reply.error.type), headers);
    }
    const answer = toAnswer(reply, record);
    const model = record.model!;
    const id = record.format === 'anthropic' ? `msg_fake_${record.seq}` : `chatcmpl-fake-${record.seq}`;
    if (!record.stream) {
      if (reply.dropAfterChunks !== undefined) return void res.socket?.destroy();
      const payload = record.format === 'anthropic' ? anthropicMessage(answer, model, id) : openaiCompletion(answer, model, id, 1_700_000_000);
      return finish(record, res, 200, payload);
    }
    const includeUsage = (record.body.stream_options as { include_usage?: boolean } | undefined)?.include_usage === true;
    const frames: Frame[] =
      record.format === 'anthropic' ? anthropicStreamFrames(answer, model, id) : openaiStreamFrames(answer, model, id, 1_700_000_000, includeUsage);
    if (reply.dropAfterChunks === 0) return void res.socket?.destroy();
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    let sent = 0;
    for (const frame of frames) {
      if (res.destroyed) return;
      if (frame.content) {
        if (reply.dropAfterChunks !== undefined && sent >= reply.dropAfterChunks) return void res.socket?.destroy();
        if (sent > 0 && reply.chunkDelayMs) await sleep(reply.chunkDelayMs, res);
        sent++;
      }
      record.response += frame.text;
      // Before a planned drop, make sure what was written really left, so the client sees exactly `sent` chunks.
      if (reply.dropAfterChunks !== undefined) await new Promise<void>((resolve) => res.write(frame.text, () => resolve()));
      else res.write(frame.text);
    }
    record.completed = true;
    res.end();
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get abortedCount() {
      return aborted;
    },
    script: (model, replies) => chooser.script(model, replies),
    setRules: (rules) => chooser.setRules(rules),
    reset() {
      requests.length = 0;
      chooser.clearScripts();
      aborted = 0;
    },
    waitForAborted(count, timeoutMs = 5000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (aborted < count) return;
          clearTimeout(timer);
          abortWaiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          abortWaiters.delete(check);
          reject(new Error(`fake-llm: expected ${count} aborted requests within ${timeoutMs} ms, saw ${aborted}`));
        }, timeoutMs);
        abortWaiters.add(check);
        check();
      });
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function errorBody(format: WireFormat, status: number, message: string, type?: string): Record<string, unknown> {
  return format === 'anthropic' ? anthropicError(status, message, type) : openaiError(status, message, type);
}

function finish(record: FakeRequest, res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  record.completed = true;
  record.response = JSON.stringify(body);
  send(res, status, body, headers);
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

/** Sleeps, waking early when the client goes away. */
function sleep(ms: number, res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      res.off('close', done);
      resolve();
    }
    res.on('close', done);
  });
}
