import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUuid } from '@creatorflow/core';
import { routesOf, type RegisteredRoute } from './http/route-registry.ts';
import { createTestServer, type TestServer } from './testing/harness.ts';
import type { IsolationFixture } from './testing/isolation.ts';
import { createUserWithToken, type TestUser } from './testing/users.ts';

/**
 * Workspace isolation on EVERY route with an id in its path, including routes
 * added later by any domain: A (the local owner, member of workspace A only)
 * asks for objects of workspace B and must get 404 — never the object, never
 * a 403 that would reveal it exists. A 400 from body validation is accepted
 * (the request never reached the data).
 *
 * To make the check sharp for your domain, add `<domain>.isolation.ts`
 * anywhere under apps/server/src exporting `isolationFixtures:
 * IsolationFixture[]` (see testing/isolation.ts): it creates real objects in
 * workspace B and names the path parameters they fill. Without one, your
 * routes are still called with random UUIDs.
 */
const SRC = fileURLToPath(new URL('.', import.meta.url));
const ID_PARAM = /^(id|\w+Id|\w+_id)$/;

function fixtureFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : fixtureFiles(join(dir, entry.name));
    return entry.name.endsWith('.isolation.ts') ? [join(dir, entry.name)] : [];
  });
}

async function loadFixtures(): Promise<IsolationFixture[]> {
  const modules = await Promise.all(fixtureFiles(SRC).map((file) => import(file) as Promise<{ isolationFixtures?: IsolationFixture[] }>));
  return modules.flatMap((m) => m.isolationFixtures ?? []);
}

const paramsOf = (url: string) => [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!);

describe('workspace isolation on every route with an id', () => {
  let server: TestServer;
  let b: TestUser;
  let routes: RegisteredRoute[];
  const values = new Map<IsolationFixture, Record<string, string>>();
  let fixtures: IsolationFixture[];

  beforeAll(async () => {
    server = await createTestServer();
    b = await createUserWithToken(server, 'owner');
    fixtures = await loadFixtures();
    const call = async <T,>(method: string, url: string, payload?: unknown): Promise<T> => {
      const res = await server.app.inject({ method: method as 'GET', url, headers: b.headers, payload: payload as object });
      if (res.statusCode >= 300) throw new Error(`fixture call ${method} ${url} failed: ${res.statusCode} ${res.body}`);
      return (res.body ? res.json() : undefined) as T;
    };
    for (const fixture of fixtures) values.set(fixture, await fixture.create({ owner: b, call }));
    routes = routesOf(server.app)
      .filter((r) => r.url.startsWith('/api/') && r.auth === 'user' && !r.url.includes('*'))
      .filter((r) => paramsOf(r.url).some((p) => ID_PARAM.test(p)))
      // Destructive calls last, so a leak in one cannot hide another.
      .sort((x, y) => Number(x.method === 'DELETE') - Number(y.method === 'DELETE'));
  }, 120_000);
  afterAll(() => server?.close());

  function fixtureFor(url: string): IsolationFixture | undefined {
    return fixtures.filter((f) => url.startsWith(f.prefix)).sort((x, y) => y.prefix.length - x.prefix.length)[0];
  }

  function urlFor(route: RegisteredRoute): { url: string; payload: unknown } {
    const fixture = fixtureFor(route.url);
    const given = fixture ? values.get(fixture)! : {};
    const url = route.url.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(given[name] ?? (ID_PARAM.test(name) ? newUuid() : '1')));
    const payload = fixture?.bodies?.[`${route.method} ${route.url}`] ?? (['POST', 'PUT', 'PATCH'].includes(route.method) ? {} : undefined);
    return { url, payload };
  }

  it('finds the routes to check (the registry works)', () => {
    expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining(['GET /api/workspaces/:id', 'DELETE /api/workspaces/:id/tokens/:tokenId']),
    );
  });

  it.each([
    ['in the default workspace', {}],
    ['when naming workspace B in X-Workspace-Id', { xWorkspace: true }],
  ])('answers 404 to a member of A asking for B’s objects, %s', async (_label, variant) => {
    const leaks: string[] = [];
    for (const route of routes) {
      const { url, payload } = urlFor(route);
      const headers = { ...server.localHeaders, ...('xWorkspace' in variant ? { 'x-workspace-id': b.workspaceId } : {}) };
      const res = await server.app.inject({ method: route.method as 'GET', url, headers, payload: payload as object });
      const ok = res.statusCode === 404 || (res.statusCode === 400 && res.json<{ code?: string }>().code === 'VALIDATION_FAILED');
      if (!ok) leaks.push(`${route.method} ${route.url} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      else expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(leaks).toEqual([]);
  });

  it('leaves B’s objects untouched', async () => {
    const res = await server.app.inject({ method: 'GET', url: `/api/workspaces/${b.workspaceId}/tokens`, headers: b.headers });
    expect(res.json().items.map((t: { name: string; revoked_at: string | null }) => [t.name, t.revoked_at])).toContainEqual(['b-token', null]);
    const ws = await server.app.inject({ method: 'GET', url: `/api/workspaces/${b.workspaceId}`, headers: b.headers });
    expect(ws.json().name).toBe('Other workspace');
  });
});
