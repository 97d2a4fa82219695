import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { networkInterfaces } from 'node:os';
import { Agent, buildConnector, fetch as undiciFetch, type Dispatcher } from 'undici';
import { CreatorFlowError, ValidationError } from '@creatorflow/core';
import { addressKey, internalReason } from './ip.ts';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to every address a connection could use (the system resolver by default). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface EgressPolicy {
  /**
   * Refuse targets that resolve to an internal address (cloud mode). When
   * false (local mode: the user's own machine and network) only the scheme is
   * checked.
   */
  blockInternal: boolean;
  /**
   * Targets reachable even though internal, named explicitly: `host` (any
   * port) or `host:port`, `[::1]:port` for IPv6. Matched against the URL's host
   * as written, never against what it resolves to.
   */
  allow?: readonly string[];
  /** Injected in tests (a resolver that answers hostile addresses, or changes its answer). */
  resolve?: Resolver;
  /** This machine's own addresses (default: os.networkInterfaces(), refreshed every 30 s). */
  localAddresses?: () => readonly string[];
  /**
   * Why an address is internal, or undefined for a global one (default:
   * internalReason). Tests use it to let one loopback address stand in for
   * a public host, so pinning can be proven end to end without the internet.
   */
  classify?: (address: string) => string | undefined;
}

/** A request refused by the egress guard; the code the API and UI show. */
export class EgressBlockedError extends CreatorFlowError {
  constructor(host: string, reason: string) {
    super(
      'FETCH_BLOCKED_HOST',
      `Fetching ${host} is not allowed: ${reason}. Only public internet addresses can be reached from this server`,
      {
        status: 400,
        details: { host },
      },
    );
    this.name = 'EgressBlockedError';
  }
}

export interface GuardedRequestInit {
  method?: string;
  headers?: Record<string, string>;
  /** Replayable bodies only (307/308 redirects send it again). */
  body?: string | Uint8Array | FormData | URLSearchParams;
  signal?: AbortSignal;
  /** Redirects followed, each re-checked (default 5); 0 returns the 3xx answer. */
  maxRedirects?: number;
  /** Called with each hop's URL before it is fetched (e.g. a host allowlist); throw to refuse. */
  onHop?: (url: URL) => void;
}

const systemResolver: Resolver = async (hostname) => {
  const answers = await dnsLookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

let interfaceCache: { at: number; addresses: string[] } | undefined;
function machineAddresses(): string[] {
  if (!interfaceCache || Date.now() - interfaceCache.at > 30_000) {
    const addresses = Object.values(networkInterfaces())
      .flatMap((list) => list ?? [])
      .map((entry) => entry.address);
    interfaceCache = { at: Date.now(), addresses };
  }
  return interfaceCache.addresses;
}

// Headers a redirect to another origin must not carry (the fetch standard drops Authorization; keys travel in the others).
const CREDENTIAL_HEADERS = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'x-api-key',
  'api-key',
  'x-goog-api-key',
];

const bareHost = (hostname: string) => hostname.replace(/^\[|\]$/g, '').toLowerCase();
const defaultPort = (protocol: string) => (protocol === 'https:' ? '443' : '80');

/**
 * The egress (SSRF) guard: every URL a user can point the server at goes
 * through one of these. A check resolves the name, refuses it when any
 * address is internal (or one of this machine's own), and the connection is
 * made through a lookup hook that re-resolves and re-checks and then connects
 * to exactly the address it checked — a name that answers differently between
 * check and connect (DNS rebinding) is still refused. Redirects are followed
 * by hand, each hop checked again.
 */
export class EgressGuard {
  readonly policy: EgressPolicy;
  readonly #resolve: Resolver;
  readonly #allow: Array<{ host: string; port: string | undefined }>;
  #agent: Agent | undefined;

  constructor(policy: EgressPolicy) {
    this.policy = policy;
    this.#resolve = policy.resolve ?? systemResolver;
    this.#allow = (policy.allow ?? []).map(parseAllowEntry);
  }

  /** Whether the user or operator named this host (and port) explicitly. */
  isAllowed(hostname: string, port: string, protocol = 'http:'): boolean {
    const host = bareHost(hostname);
    const effective = port || defaultPort(protocol);
    return this.#allow.some(
      (entry) => entry.host === host && (entry.port === undefined || entry.port === effective),
    );
  }

  /**
   * Parses and checks a URL: http(s) only, no credentials in it, and (when
   * blocking) every address its host resolves to is global. Returns the URL.
   */
  async check(raw: string | URL): Promise<URL> {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new ValidationError(`'${String(raw).slice(0, 100)}' is not an absolute http(s) URL`, [
        { path: 'url', message: 'must be an absolute http(s) URL' },
      ]);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new ValidationError(`Only http(s) URLs can be fetched, not ${url.protocol}`, [
        { path: 'url', message: 'http or https only' },
      ]);
    }
    if (!this.policy.blockInternal || this.isAllowed(url.hostname, url.port, url.protocol)) return url;
    await this.addressesFor(url.hostname);
    return url;
  }

  /**
   * For a URL a user is saving (a provider base URL, an image service, a
   * webhook): refuses a bad scheme or an internal target now, with a clear
   * error, but accepts a name that does not resolve yet — every request is
   * checked again when it is made.
   */
  async validate(raw: string | URL): Promise<URL> {
    try {
      return await this.check(raw);
    } catch (error) {
      if (CreatorFlowError.isInstance(error) && error.code === 'FETCH_FAILED') return new URL(raw);
      throw error;
    }
  }

  /** Resolves a host and checks every address; throws EgressBlockedError when any is internal. */
  async addressesFor(hostname: string): Promise<ResolvedAddress[]> {
    const host = bareHost(hostname);
    const literal = isIP(host);
    let addresses: ResolvedAddress[];
    if (literal) {
      addresses = [{ address: host, family: literal === 6 ? 6 : 4 }];
    } else {
      if (host === 'localhost' || host.endsWith('.localhost'))
        throw new EgressBlockedError(host, 'it is this machine (loopback)');
      try {
        addresses = await this.#resolve(host);
      } catch (cause) {
        throw new CreatorFlowError('FETCH_FAILED', `Cannot resolve ${host}: ${(cause as Error).message}`, {
          cause,
          status: 502,
          retryable: true,
        });
      }
      if (addresses.length === 0)
        throw new CreatorFlowError('FETCH_FAILED', `${host} has no address`, {
          status: 502,
          retryable: true,
        });
    }
    const own = new Set((this.policy.localAddresses ?? machineAddresses)().map(addressKey));
    const classify = this.policy.classify ?? internalReason;
    for (const { address } of addresses) {
      const reason = classify(address);
      if (reason)
        throw new EgressBlockedError(
          host,
          literal ? `${address} is a ${reason} address` : `it resolves to ${address} (${reason})`,
        );
      if (own.has(addressKey(address)))
        throw new EgressBlockedError(host, `${address} is one of this server's own addresses`);
    }
    return addresses;
  }

  /** A `net.connect` lookup that answers only checked addresses: the connection uses what was checked. */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    this.addressesFor(hostname).then(
      (addresses) => {
        const wanted =
          options.family === 4 || options.family === 6
            ? addresses.filter((a) => a.family === options.family)
            : addresses;
        if (wanted.length === 0) {
          const error = Object.assign(new Error(`${hostname} has no IPv${options.family} address`), {
            code: 'ENOTFOUND',
          });
          callback(error as NodeJS.ErrnoException, '', 0);
          return;
        }
        if (options.all) (callback as unknown as (e: null, a: ResolvedAddress[]) => void)(null, wanted);
        else callback(null, wanted[0]!.address, wanted[0]!.family);
      },
      (error: Error) => callback(error as NodeJS.ErrnoException, '', 0),
    );
  };

  /**
   * An undici dispatcher whose every new connection is checked and pinned
   * (for clients that take a dispatcher: undici.request, the LLM executor).
   * Redirects are not followed by undici.request; `fetch` below follows them.
   */
  get dispatcher(): Dispatcher {
    this.#agent ??= new Agent({
      connect: this.connector(),
      connections: 512,
      keepAliveTimeout: 30_000,
      keepAliveMaxTimeout: 600_000,
      pipelining: 1,
    });
    return this.#agent;
  }

  /** The connect function of `dispatcher`, for callers that build their own Agent (other pool sizes). */
  connector(): buildConnector.connector {
    const guarded = buildConnector({ lookup: this.lookup });
    const plain = buildConnector({});
    return (options, callback) => {
      if (!this.policy.blockInternal || this.isAllowed(options.hostname, options.port, options.protocol)) {
        plain(options, callback);
        return;
      }
      const host = bareHost(options.hostname);
      // net.connect skips the lookup for a literal address, so literals are checked here.
      if (isIP(host)) {
        this.addressesFor(host).then(
          () => plain(options, callback),
          (error: Error) => callback(error, null),
        );
        return;
      }
      guarded(options, callback);
    };
  }

  /**
   * fetch through the guard: each hop checked, the connection pinned to the
   * checked address, redirects followed by hand (at most `maxRedirects`), and
   * credentials dropped when a redirect leaves the origin.
   */
  async fetch(input: string | URL, init: GuardedRequestInit = {}): Promise<Response> {
    const maxRedirects = init.maxRedirects ?? 5;
    let url = await this.check(input);
    let method = (init.method ?? 'GET').toUpperCase();
    let headers: Record<string, string> = { ...init.headers };
    let body = init.body;
    if (body instanceof FormData) {
      // undici's own fetch does not recognise the FormData of Node's bundled copy: encode it once here (also replayable on 307).
      const encoded = new Response(body);
      headers = { ...headers, 'content-type': encoded.headers.get('content-type')! };
      body = new Uint8Array(await encoded.arrayBuffer());
    }
    for (let hop = 0; ; hop++) {
      init.onHop?.(url);
      let response: Response;
      try {
        response = (await undiciFetch(url, {
          method,
          headers,
          body: body as never,
          signal: init.signal,
          redirect: 'manual',
          dispatcher: this.dispatcher,
        })) as unknown as Response;
      } catch (error) {
        throw unwrapBlocked(error);
      }
      const location = response.headers.get('location');
      if (
        response.status < 300 ||
        response.status >= 400 ||
        response.status === 304 ||
        !location ||
        maxRedirects === 0
      )
        return response;
      await response.body?.cancel().catch(() => undefined);
      if (hop >= maxRedirects) {
        throw new CreatorFlowError(
          'FETCH_TOO_MANY_REDIRECTS',
          `${String(input)} redirected more than ${maxRedirects} times`,
          { status: 502 },
        );
      }
      const next = await this.check(new URL(location, url));
      if (next.origin !== url.origin) {
        headers = Object.fromEntries(
          Object.entries(headers).filter(([name]) => !CREDENTIAL_HEADERS.includes(name.toLowerCase())),
        );
      }
      if (
        response.status === 303 ||
        ((response.status === 301 || response.status === 302) && method === 'POST')
      ) {
        method = method === 'HEAD' ? 'HEAD' : 'GET';
        body = undefined;
        headers = Object.fromEntries(Object.entries(headers).filter(([name]) => !/^content-/i.test(name)));
      }
      url = next;
    }
  }

  /**
   * The guard as a standard `fetch` function, for ports and SDKs that take one
   * (the MCP HTTP transport, trend custom sources). Redirects are always
   * followed by the guard (each hop checked), whatever `init.redirect` says.
   */
  asFetch(): (input: string | URL | Request, init?: RequestInit) => Promise<Response> {
    return async (input, init = {}) => {
      const url = input instanceof Request ? input.url : input;
      const headers: Record<string, string> = {};
      new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined)).forEach((value, name) => {
        headers[name] = value;
      });
      const body = init.body;
      if (body !== undefined && body !== null && !(typeof body === 'string' || body instanceof Uint8Array || body instanceof FormData || body instanceof URLSearchParams)) {
        throw new TypeError('EgressGuard.asFetch: only string, bytes, FormData or URLSearchParams bodies can be sent (they must be replayable on a redirect)');
      }
      return this.fetch(url, { method: init.method ?? (input instanceof Request ? input.method : undefined), headers, body: body ?? undefined, signal: init.signal ?? undefined });
    };
  }

  async close(): Promise<void> {
    await this.#agent?.close();
    this.#agent = undefined;
  }
}

/** The EgressBlockedError inside a failed fetch or connect, so callers see the guard's code, not "fetch failed". */
export function unwrapBlocked(error: unknown): unknown {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof EgressBlockedError) return e;
  }
  return error;
}

/** Whether an error (or one of its causes) is the guard refusing a target. */
export function isEgressBlocked(error: unknown): error is EgressBlockedError {
  return unwrapBlocked(error) instanceof EgressBlockedError;
}

function parseAllowEntry(entry: string): { host: string; port: string | undefined } {
  const text = entry.trim().toLowerCase();
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (v6) return { host: v6[1]!, port: v6[2] };
  const colon = text.lastIndexOf(':');
  if (colon > 0 && /^\d+$/.test(text.slice(colon + 1)) && text.indexOf(':') === colon)
    return { host: text.slice(0, colon), port: text.slice(colon + 1) };
  return { host: text, port: undefined };
}

/** The guard for a mode: cloud blocks internal targets, local allows the user's own network. */
export function egressGuardFor(
  mode: 'local' | 'cloud',
  options: Omit<EgressPolicy, 'blockInternal'> = {},
): EgressGuard {
  return new EgressGuard({ ...options, blockInternal: mode === 'cloud' });
}
