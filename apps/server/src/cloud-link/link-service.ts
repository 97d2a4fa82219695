import { hostname } from 'node:os';
import type { Logger } from 'pino';
import { CreatorFlowError, ValidationError, type Clock } from '@creatorflow/core';
import type { CloudLink, CloudLinkStore } from './link-store.ts';
import type { CloudTokenStore } from './token-store.ts';

/** What `/api/cloud/link` reports for a local workspace. */
export type LinkState =
  | { state: 'unlinked' }
  | { state: 'pending'; cloudUrl: string; userCode: string; verificationUri: string; verificationUriComplete: string; expiresAt: Date }
  | { state: 'failed'; cloudUrl: string; code: string; message: string }
  | { state: 'linked'; link: CloudLink };

/** Opens the store a new token goes to, and the store an existing link's token is in. */
export interface TokenStores {
  forNewToken(): Promise<CloudTokenStore>;
  of(kind: CloudTokenStore['kind']): Promise<CloudTokenStore>;
}

interface Pending {
  state: Extract<LinkState, { state: 'pending' | 'failed' }>;
  controller: AbortController;
  expiresAt: Date;
}

const REQUEST_TIMEOUT_MS = 15_000;

/**
 * Links a local workspace to a cloud deployment by device-code sign-in: asks
 * the cloud for a code, shows it to the user (web or CLI), and polls in the
 * background until the user confirmed it in the cloud web app. The token goes
 * to the OS keychain (or a 0600 file); the database keeps only what it is for.
 */
export class CloudLinkService {
  readonly #pending = new Map<string, Pending>();

  constructor(
    private readonly links: CloudLinkStore,
    private readonly tokens: TokenStores,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async status(workspaceId: string): Promise<LinkState> {
    const link = await this.links.get(workspaceId);
    if (link) return { state: 'linked', link };
    return this.#pending.get(workspaceId)?.state ?? { state: 'unlinked' };
  }

  /** Starts a sign-in; a sign-in already in progress for this workspace is replaced. */
  async start(workspaceId: string, rawUrl: string): Promise<LinkState> {
    const cloudUrl = normaliseCloudUrl(rawUrl);
    if (await this.links.get(workspaceId)) {
      throw new CreatorFlowError('CLOUD_ALREADY_LINKED', 'This workspace is already linked to a cloud: unlink it first.', { status: 409 });
    }
    this.#pending.get(workspaceId)?.controller.abort();
    const code = await this.#call<{ device_code: string; user_code: string; verification_uri: string; verification_uri_complete: string; expires_in: number; interval: number }>(
      cloudUrl,
      '/api/auth/device/code',
      { client_name: `CreatorFlow · ${hostname()}` },
    );
    const state: Pending['state'] = {
      state: 'pending',
      cloudUrl,
      userCode: code.user_code,
      verificationUri: code.verification_uri,
      verificationUriComplete: code.verification_uri_complete,
      expiresAt: new Date(this.clock.nowMs() + code.expires_in * 1000),
    };
    const pending: Pending = { state, controller: new AbortController(), expiresAt: state.expiresAt };
    this.#pending.set(workspaceId, pending);
    void this.#poll(workspaceId, cloudUrl, code.device_code, code.interval, pending).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'cloud sign-in polling stopped');
    });
    return state;
  }

  /** Forgets the cloud: revokes the device's token there (when the cloud answers) and removes it here. */
  async unlink(workspaceId: string): Promise<{ revokedOnCloud: boolean }> {
    this.#pending.get(workspaceId)?.controller.abort();
    this.#pending.delete(workspaceId);
    const link = await this.links.get(workspaceId);
    if (!link) return { revokedOnCloud: false };
    const store = await this.tokens.of(link.tokenStore);
    const token = await store.get(workspaceId);
    let revokedOnCloud = false;
    if (token) {
      try {
        const response = await this.fetchImpl(`${link.cloudUrl}/api/workspaces/${link.cloudWorkspaceId}/tokens/${link.cloudTokenId}`, {
          method: 'DELETE',
          headers: { authorization: `Bearer ${token}` },
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        revokedOnCloud = response.ok;
      } catch (error) {
        this.logger.warn({ err: error, cloud: link.cloudUrl }, 'could not revoke the device token on the cloud; it stays valid there until revoked in its settings');
      }
    }
    await store.delete(workspaceId);
    await this.links.delete(workspaceId);
    return { revokedOnCloud };
  }

  /** The linked cloud and the token to call it with, for sync and cloud runs. */
  async credentials(workspaceId: string): Promise<{ link: CloudLink; token: string } | undefined> {
    const link = await this.links.get(workspaceId);
    const token = link ? await (await this.tokens.of(link.tokenStore)).get(workspaceId) : undefined;
    return link && token ? { link, token } : undefined;
  }

  close(): void {
    for (const pending of this.#pending.values()) pending.controller.abort();
  }

  async #poll(workspaceId: string, cloudUrl: string, deviceCode: string, intervalSeconds: number, pending: Pending): Promise<void> {
    let interval = intervalSeconds;
    const { signal } = pending.controller;
    while (!signal.aborted) {
      await sleep(interval * 1000, signal);
      if (signal.aborted) return;
      try {
        const granted = await this.#call<{ access_token: string; token_id: string; workspace: { id: string; name: string }; user: { email: string | null; name: string } }>(
          cloudUrl,
          '/api/auth/device/token',
          { device_code: deviceCode },
          signal,
        );
        const store = await this.tokens.forNewToken();
        await store.set(workspaceId, granted.access_token);
        await this.links.save({
          workspaceId,
          cloudUrl,
          cloudWorkspaceId: granted.workspace.id,
          cloudWorkspaceName: granted.workspace.name,
          cloudUserEmail: granted.user.email ?? granted.user.name,
          cloudTokenId: granted.token_id,
          tokenStore: store.kind,
        });
        this.#pending.delete(workspaceId);
        return;
      } catch (error) {
        if (signal.aborted) return;
        const e = error as CreatorFlowError;
        if (e.code === 'DEVICE_AUTHORIZATION_PENDING') continue;
        if (e.code === 'DEVICE_SLOW_DOWN') {
          interval += 5;
          continue;
        }
        if (e.code === 'CLOUD_UNREACHABLE' && this.clock.nowMs() < pending.expiresAt.getTime()) continue;
        pending.state = { state: 'failed', cloudUrl, code: e.code ?? 'CLOUD_LINK_FAILED', message: e.message };
        return;
      }
    }
  }

  /** POSTs JSON to the cloud; its problem+json answers come back as errors with the cloud's code. */
  async #call<T>(cloudUrl: string, path: string, body: unknown, signal?: AbortSignal): Promise<T> {
    let response: Response;
    try {
      response = await this.fetchImpl(`${cloudUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]) : AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new CreatorFlowError('CLOUD_UNREACHABLE', `Could not reach ${cloudUrl}: ${(error as Error).message}`, { status: 502, cause: error });
    }
    const text = await response.text();
    let data: unknown;
    try {
      data = text ? JSON.parse(text) : undefined;
    } catch {
      data = undefined;
    }
    if (response.ok && data && typeof data === 'object') return data as T;
    const problem = data as { code?: unknown; detail?: unknown } | undefined;
    if (problem && typeof problem.code === 'string') {
      throw new CreatorFlowError(problem.code, typeof problem.detail === 'string' ? problem.detail : problem.code, { status: response.status });
    }
    throw new CreatorFlowError('CLOUD_NOT_CREATORFLOW', `${cloudUrl} answered HTTP ${response.status}, not like a CreatorFlow cloud deployment: check the address.`, { status: 502 });
  }
}

/** `https://cloud.example.com/` → `https://cloud.example.com`; anything but http(s) is refused. */
export function normaliseCloudUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ValidationError(`'${raw}' is not a web address: use the cloud's address, like https://creatorflow.example.com`, [{ path: 'body.url', message: 'not a URL' }]);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ValidationError('The cloud address must start with https:// (or http:// for a test server)', [{ path: 'body.url', message: 'must be http(s)' }]);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
