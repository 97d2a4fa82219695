/** What the fake upstream answers to one request. Fields combine (text + tool calls, delays + errors). */
export interface FakeReply {
  /** Assistant text. Streamed in `chunks` pieces (default: split into words). */
  text?: string;
  /** Explicit stream pieces; overrides how `text` is split. */
  chunks?: string[];
  /** Tool calls the assistant makes; arguments as JSON text or an object. */
  toolCalls?: Array<{ id?: string; name: string; arguments: string | Record<string, unknown> }>;
  /** Shorthand for JSON mode: `text = JSON.stringify(json)`. */
  json?: unknown;
  /** Answer with this HTTP error instead (in the wire format of the endpoint). */
  error?: { status: number; message?: string; type?: string; retryAfterSeconds?: number };
  /** Wait this long before sending anything (slow first byte). */
  delayMs?: number;
  /** Wait this long between stream chunks. */
  chunkDelayMs?: number;
  /** Never answer; the request only ends when the client gives up (timeout tests). */
  hang?: boolean;
  /** Streams: destroy the connection after this many content chunks (0: before any byte). Non-stream: destroy before answering. */
  dropAfterChunks?: number;
  /** Override token counts (defaults: about 4 characters per token, at least 1). */
  usage?: { inputTokens?: number; outputTokens?: number; cachedInputTokens?: number };
  finishReason?: 'stop' | 'length' | 'tool_calls' | 'content_filter';
}

/** A rule of "rules mode": the first rule whose `match` occurs in the prompt answers. */
export interface FakeRule {
  /** Substring (case-sensitive) or pattern tested against the prompt text (`system` + every message, joined by newlines). */
  match: string | RegExp;
  /** Only for this model (default: any model). */
  model?: string;
  /** Reply, or a function of the request building one. */
  reply: FakeReply | ((request: FakeRequest) => FakeReply);
  /** Use the rule at most this many times (default: unlimited). */
  times?: number;
}

export type WireFormat = 'openai' | 'anthropic';

/** One request the fake received, recorded in arrival order. */
export interface FakeRequest {
  seq: number;
  method: string;
  path: string;
  format: WireFormat;
  kind: 'chat' | 'embeddings' | 'models' | 'other';
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body (undefined for GET); loosely typed so tests can reach into it. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test helper: assertions read arbitrary wire fields
  body: any;
  model: string | undefined;
  stream: boolean;
  /** The prompt text rules are matched against. */
  prompt: string;
  /** True once the client disconnected before the fake finished answering. */
  aborted: boolean;
  /** True once the fake finished its answer (or error). */
  completed: boolean;
  /** Exactly what the fake wrote as the response body (stream frames included), for byte-exact comparisons. */
  response: string;
}

export interface FakeLlmOptions {
  /** Rules mode: replies chosen by prompt substrings (scripts still win when queued). */
  rules?: FakeRule[];
  /** Reply when no script or rule applies. Default: `echo: <last user text>`. */
  fallback?: (request: FakeRequest) => FakeReply;
  /** When set, requests must carry this key (`Authorization: Bearer` or `x-api-key`), else 401. */
  apiKey?: string;
  /** Error answers quote the credential the request carried (`Authorization` / `x-api-key`), like upstreams that echo the key. */
  echoKey?: boolean;
  /** Model ids listed by GET /v1/models (default: every model seen in scripts plus a few). */
  models?: string[];
  /** Dimensions of fake embeddings (default 8). */
  embeddingDimensions?: number;
}

export interface FakeLlm {
  /** Base URL without `/v1`, e.g. `http://127.0.0.1:54321`. */
  readonly url: string;
  /** Every request received, in order. */
  readonly requests: FakeRequest[];
  /** How many requests the client abandoned before the fake finished answering. */
  readonly abortedCount: number;
  /** Queue replies for a model (`*` = any model); each request takes the next one; then rules/fallback apply. */
  script(model: string, replies: FakeReply[]): void;
  /** Replace the rules of rules mode. */
  setRules(rules: FakeRule[]): void;
  /** Forget requests and scripts (rules stay). */
  reset(): void;
  /** Resolves once `count` requests were aborted by their clients (or rejects after `timeoutMs`). */
  waitForAborted(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}
