/**
 * The one place that knows every secret this process holds, so text from the
 * outside (an upstream error body that echoes the API key, a WeChat errmsg that
 * repeats the access token) can be scrubbed before it is stored in `runs.error`
 * or run events, logged, or returned (issue 17 item 5).
 *
 * Secrets are learnt where they appear: every `SecretBox` open (provider and
 * image-service keys), vault reads, tokens derived from them, and the
 * operator's own secrets at start-up. Shape patterns (`Bearer …`, `sk-…`,
 * `access_token=…`) catch secrets this process never held.
 */

export const REDACTED = '[redacted]';

/** Shorter strings are too likely to be ordinary words or numbers to be replaced everywhere. */
export const MIN_SECRET_LENGTH = 8;
/** Bounded so a long-running worker that opens many workspaces' keys does not grow without end. */
const MAX_SECRETS = 20_000;

// No pattern consumes a backslash or a quote, so redacting a JSON text (a log line) keeps it valid JSON.
const SHAPES: Array<[RegExp, string]> = [
  // Authorization headers echoed back; the scheme stays so the text still reads.
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{12,}/g, `$1 ${REDACTED}`],
  // OpenAI-style, Anthropic, DeepSeek, SiliconFlow keys all start with sk-.
  [/\bsk-[A-Za-z0-9_-]{16,}/g, REDACTED],
  // Tokens in query strings or form bodies (WeChat echoes its request URL).
  [/\b(access_token|refresh_token|api_key|apikey|token|key|secret|password)=[^&\s"'\\]{6,}/gi, `$1=${REDACTED}`],
  // JSON fields that carry a secret value.
  [/("(?:api_key|apiKey|access_token|refresh_token|secret|password|authorization|x-api-key)"\s*:\s*")[^"\\]{6,}(")/gi, `$1${REDACTED}$2`],
];

export class SecretRedactor {
  /** Insertion-ordered, so the oldest is dropped first when full. */
  readonly #secrets = new Map<string, string[]>();

  /** Adds a secret; it is replaced in every text this process redacts from now on. */
  remember(secret: string | undefined | null): void {
    if (typeof secret !== 'string') return;
    const value = secret.trim();
    if (value.length < MIN_SECRET_LENGTH || this.#secrets.has(value)) return;
    const forms = new Set([value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)]);
    this.#secrets.set(value, [...forms].sort((a, b) => b.length - a.length));
    if (this.#secrets.size > MAX_SECRETS) this.#secrets.delete(this.#secrets.keys().next().value!);
  }

  /**
   * Remembers the secret-looking leaves of a structured credential (a vault entry:
   * cookies, tokens); names, domains and flags are left alone.
   */
  rememberDeep(value: unknown, key = ''): void {
    if (typeof value === 'string') {
      if (SECRET_FIELD.test(key)) this.remember(value);
    } else if (Array.isArray(value)) {
      for (const item of value) this.rememberDeep(item, key);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) this.rememberDeep(v, k);
    }
  }

  forget(secret: string): void {
    this.#secrets.delete(secret.trim());
  }

  /** How many secrets are known (tests and diagnostics; never the secrets themselves). */
  get size(): number {
    return this.#secrets.size;
  }

  redact(text: string): string {
    if (!text) return text;
    let out = text;
    for (const forms of this.#secrets.values()) {
      for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
    }
    for (const [pattern, replacement] of SHAPES) out = out.replace(pattern, replacement);
    return out;
  }

  /** A copy of a JSON-like value with every string redacted; the value itself is not changed. */
  redactDeep<T>(value: T, depth = 0): T {
    if (typeof value === 'string') return this.redact(value) as T;
    if (value === null || typeof value !== 'object' || depth > 64) return value;
    if (Array.isArray(value)) return value.map((item) => this.redactDeep(item, depth + 1)) as T;
    if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = this.redactDeep(v, depth + 1);
    return out as T;
  }
}

const SECRET_FIELD = /token|secret|key|password|passwd|cookie|sessdata|ticket|auth|sign|^value$/i;

// One registry per process, even when two copies of this package are loaded (like CreatorFlowError's marker).
const GLOBAL = Symbol.for('creatorflow.secret-redactor');
const holder = globalThis as unknown as Record<symbol, SecretRedactor | undefined>;

/** The process-wide redactor. */
export const secretRedactor: SecretRedactor = (holder[GLOBAL] ??= new SecretRedactor());

export const rememberSecret = (secret: string | undefined | null): void => secretRedactor.remember(secret);
export const redactSecrets = (text: string): string => secretRedactor.redact(text);
export const redactDeep = <T>(value: T): T => secretRedactor.redactDeep(value);
