import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { startSsrfLab, type SsrfLab } from '@creatorflow/testing/ssrf-lab';
import { EgressGuard, isEgressBlocked } from './guard.ts';

let lab: SsrfLab;
beforeAll(async () => {
  lab = await startSsrfLab();
});
afterAll(() => lab.close());

const cloudGuard = () => new EgressGuard({ blockInternal: true, ...lab.policy() });

describe('EgressGuard.fetch (cloud)', () => {
  it('fetches a public page through the pinned lookup (public.test exists only in the guard resolver)', async () => {
    const guard = cloudGuard();
    const response = await guard.fetch(`${lab.publicBase}/page`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Public page');
    await guard.close();
  });

  it('follows public redirects by hand', async () => {
    const guard = cloudGuard();
    const response = await guard.fetch(`${lab.publicBase}/chain?n=2&to=/page`);
    expect(response.status).toBe(200);
    await guard.close();
  });

  it('refuses every hostile target and the internal service is never reached', async () => {
    const guard = cloudGuard();
    const outcomes: Record<string, string> = {};
    for (const [label, url] of lab.hostile()) {
      outcomes[label] = await guard.fetch(url).then(
        (r) => `reached (${r.status})`,
        (error: unknown) => (isEgressBlocked(error) ? 'blocked' : `failed: ${(error as Error).message}`),
      );
    }
    expect(Object.entries(outcomes).filter(([, outcome]) => outcome !== 'blocked')).toEqual([]);
    expect(lab.internalHits()).toBe(0);
    await guard.close();
  });

  it('re-checks at connect time: a name that rebinds after the check is refused by the dispatcher itself', async () => {
    const guard = cloudGuard();
    const url = `http://rebind-dispatcher.evil.test:${lab.internalPort}/`;
    await expect(guard.check(url)).resolves.toBeInstanceOf(URL);
    const error = await request(url, { dispatcher: guard.dispatcher }).catch((e: unknown) => e);
    expect(isEgressBlocked(error)).toBe(true);
    expect(lab.internalHits()).toBe(0);
    await guard.close();
  });

  it('refuses a literal internal address through the dispatcher (net.connect skips lookups for literals)', async () => {
    const guard = cloudGuard();
    const error = await request(`http://127.0.0.1:${lab.internalPort}/`, {
      dispatcher: guard.dispatcher,
    }).catch((e: unknown) => e);
    expect(isEgressBlocked(error)).toBe(true);
    expect(lab.internalHits()).toBe(0);
    await guard.close();
  });

  it('bounds redirects', async () => {
    const guard = cloudGuard();
    await expect(
      guard.fetch(`${lab.publicBase}/chain?n=9&to=/page`, { maxRedirects: 3 }),
    ).rejects.toMatchObject({ code: 'FETCH_TOO_MANY_REDIRECTS' });
    await guard.close();
  });

  it('drops credentials when a redirect leaves the origin', async () => {
    const seen: Array<Record<string, string | string[] | undefined>> = [];
    const { createServer } = await import('node:http');
    const other = createServer((req, res) => {
      seen.push(req.headers);
      res.end('ok');
    });
    await new Promise<void>((r) => other.listen(0, '127.0.0.2', r));
    const port = (other.address() as { port: number }).port;
    const guard = cloudGuard();
    const target = encodeURIComponent(`http://127.0.0.2:${port}/`);
    await guard.fetch(`${lab.publicBase}/redirect?to=${target}`, {
      headers: { authorization: 'Bearer sk-secret', 'x-api-key': 'sk-secret', accept: 'text/html' },
    });
    expect(seen[0]?.authorization).toBeUndefined();
    expect(seen[0]?.['x-api-key']).toBeUndefined();
    expect(seen[0]?.accept).toBe('text/html');
    other.closeAllConnections();
    other.close();
    await guard.close();
  });

  it('asFetch: a standard fetch function with the same checks (for SDK transports and ports)', async () => {
    const guard = cloudGuard();
    const guardedFetch = guard.asFetch();
    const page = await guardedFetch(`${lab.publicBase}/page`, { headers: new Headers({ accept: 'text/html' }) });
    expect(page.status).toBe(200);
    await expect(guardedFetch(`http://loopback.evil.test:${lab.internalPort}/`, { method: 'POST', body: '{}' })).rejects.toMatchObject({ code: 'FETCH_BLOCKED_HOST' });
    expect(lab.internalHits()).toBe(0);
    await guard.close();
  });

  it('refuses non-http schemes', async () => {
    const guard = cloudGuard();
    await expect(guard.fetch('file:///etc/passwd')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(guard.fetch('gopher://127.0.0.1:6379/_INFO')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});

describe('EgressGuard (local mode and explicit allows)', () => {
  it('local mode reaches the internal service (the user’s own machine)', async () => {
    const guard = new EgressGuard({ blockInternal: false });
    const response = await guard.fetch(`http://127.0.0.1:${lab.internalPort}/`);
    expect(response.status).toBe(200);
    await guard.close();
  });

  it('an explicitly allowed host:port is reachable, other ports and hosts stay blocked', async () => {
    const guard = new EgressGuard({
      blockInternal: true,
      allow: [`127.0.0.1:${lab.internalPort}`],
      ...lab.policy(),
    });
    const before = lab.internalHits();
    expect((await guard.fetch(`http://127.0.0.1:${lab.internalPort}/`)).status).toBe(200);
    expect(lab.internalHits()).toBe(before + 1);
    await expect(guard.fetch(`http://127.0.0.1:${lab.internalPort + 1}/`)).rejects.toMatchObject({
      code: 'FETCH_BLOCKED_HOST',
    });
    await expect(guard.fetch(`http://loopback.evil.test:${lab.internalPort}/`)).rejects.toMatchObject({
      code: 'FETCH_BLOCKED_HOST',
    });
    await guard.close();
  });

  it('with the system resolver, a name that resolves to loopback is refused', async () => {
    const guard = new EgressGuard({ blockInternal: true });
    await expect(guard.fetch(`http://localhost:${lab.internalPort}/`)).rejects.toMatchObject({
      code: 'FETCH_BLOCKED_HOST',
    });
    // Real getaddrinfo: the machine's own host name resolves to one of its addresses (here through /etc/hosts).
    await expect(guard.check(`http://${hostname()}:${lab.internalPort}/`)).rejects.toMatchObject({
      code: 'FETCH_BLOCKED_HOST',
    });
    await expect(guard.check('http://no-such-host.invalid/')).rejects.toMatchObject({ code: 'FETCH_FAILED' });
  });
});
