import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUuid, roleAtLeast, type Role } from '@creatorflow/core';
import { addMembership } from '@creatorflow/db/repositories/foundation/index';
import { openApiOf, type OpenApiDocument } from '../contract/openapi-document.ts';
import { createTestServer, type TestServer } from '../testing/harness.ts';
import { registerUser, type TestUser } from '../testing/users.ts';
import { EXPECTATIONS, type Expectation, type Ids } from './authz-expectations.ts';
import { createMatrixFixtures, nowhereLike } from './authz-fixtures.ts';
import { multipartOf } from './multipart.ts';
import { sampleOf, type JsonSchema } from './openapi-sample.ts';

/**
 * The authorization matrix (issue 17, "Suites that must exist" 1): every
 * operation of /api/openapi.json × every role (owner, admin, editor, viewer,
 * non-member) × own / foreign ids, against the one table of expectations in
 * authz-expectations.ts. An operation without an entry fails the suite, so a
 * new route needs a decision about who may call it.
 *
 * What each cell expects (cloud mode, a team workspace W, a second user's
 * workspace F holding the same kinds of objects):
 * - no credential → 401 AUTH_REQUIRED (except `public` routes);
 * - a non-member naming W → 404, never 403 (W's existence does not leak);
 * - a member below the route's role → 403 ROLE_REQUIRED, with own and with foreign ids;
 * - a member at or above it, with W's ids → allowed (neither 401, 403 nor "workspace not found");
 * - the same member with F's ids (path, query and body) → exactly what an id that
 *   exists nowhere gets, and never a success for a path id: F's objects are
 *   neither read, changed nor revealed.
 */

type Principal = 'non-member' | Role;
const MEMBER_ROLES: Role[] = ['viewer', 'editor', 'admin', 'owner'];
const PRINCIPALS: Principal[] = ['non-member', ...MEMBER_ROLES];
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

interface Operation {
  key: string;
  method: string;
  path: string;
  params: Array<{ name: string; in: string; required?: boolean; schema: JsonSchema }>;
  body?: JsonSchema;
}

interface Answer {
  status: number;
  code?: string;
  resource?: string;
  text: string;
}

function operationsOf(doc: OpenApiDocument): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method] as (Record<string, unknown> & { parameters?: Operation['params']; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }) | undefined;
      if (!op) continue;
      out.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        params: op.parameters ?? [],
        body: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  // Destructive operations last, so one cannot hide what another would show.
  return out.sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
}

const isWorkspacePath = (path: string) => path.startsWith('/api/workspaces/{id}');

describe('authorization matrix over /api/openapi.json', () => {
  let server: TestServer;
  let operations: Operation[];
  const users = {} as Record<Principal, TestUser>;
  let W: string;
  let own: Ids;
  let foreign: Ids;
  const failures: string[] = [];

  beforeAll(async () => {
    server = await createTestServer({ cloud: 'pglite' });
    const db = server.ctx.database.db;
    users.owner = await registerUser(server);
    const created = await server.app.inject({ method: 'POST', url: '/api/workspaces', headers: users.owner.headers, payload: { name: 'Matrix team' } });
    if (created.statusCode !== 201) throw new Error(`create workspace: ${created.statusCode} ${created.body}`);
    W = created.json<{ id: string }>().id;
    for (const role of ['admin', 'editor', 'viewer'] as const) {
      users[role] = await registerUser(server);
      await addMembership(db, W, users[role].userId, role);
    }
    // The non-member owns workspace F, which holds the foreign objects.
    users['non-member'] = await registerUser(server);
    const extra = await registerUser(server);
    await addMembership(db, W, extra.userId, 'viewer');
    const strangerExtra = await registerUser(server);
    await addMembership(db, users['non-member'].workspaceId, strangerExtra.userId, 'viewer');
    own = await createMatrixFixtures(server, { ...users.owner, workspaceId: W }, extra.userId, [users.editor.userId, users.viewer.userId, extra.userId]);
    foreign = await createMatrixFixtures(server, users['non-member'], strangerExtra.userId);
    operations = operationsOf(await openApiOf(server.app));
  }, 120_000);
  afterAll(() => server?.close());

  function request(op: Operation, exp: Expectation, ids: Ids, workspace: string) {
    const fill = (name: string) => ids.values[name];
    let url = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
      if (name === 'id' && isWorkspacePath(op.path)) return workspace;
      return encodeURIComponent(String(exp.params?.[name] ?? ids.path(op.path, name) ?? sampleOf(op.params.find((p) => p.name === name)?.schema, () => undefined)));
    });
    const query = new URLSearchParams();
    for (const p of op.params.filter((q) => q.in === 'query')) {
      const value = exp.query && p.name in exp.query ? exp.query[p.name] : p.required || fill(p.name) !== undefined ? (fill(p.name) ?? sampleOf(p.schema, () => undefined)) : undefined;
      if (value !== undefined) query.set(p.name, String(value));
    }
    if (query.size) url += `?${query}`;
    const body = typeof exp.body === 'function' ? exp.body(ids) : (exp.body ?? (op.body ? sampleOf(op.body, (name) => fill(name)) : undefined));
    if (exp.multipart) return { url, ...multipartOf(exp.multipart) };
    return { url, payload: body as object | undefined, headers: {} as Record<string, string> };
  }

  async function call(op: Operation, exp: Expectation, who: TestUser | undefined, ids: Ids): Promise<Answer> {
    const { url, payload, headers } = request(op, exp, ids, W);
    let timer: NodeJS.Timeout | undefined;
    const res = await Promise.race<Awaited<ReturnType<typeof server.app.inject>> | undefined>([
      server.app.inject({
        method: op.method as 'GET',
        url,
        headers: { host: '127.0.0.1', ...(who ? { ...who.headers, 'x-workspace-id': W } : {}), ...headers },
        payload,
      }),
      // A route that never answers is a finding of its own, not a reason to stall the whole matrix.
      new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), 15_000))),
    ]).finally(() => clearTimeout(timer));
    if (!res) return { status: 0, text: `${op.method} ${url} did not answer within 15 s` };
    let code: string | undefined;
    let resource: string | undefined;
    if (String(res.headers['content-type']).includes('json')) {
      try {
        const json = res.json<{ code?: string; resource?: string }>();
        code = json.code;
        resource = json.resource;
      } catch {
        /* not JSON after all */
      }
    }
    return { status: res.statusCode, code, resource, text: `${op.method} ${url} → ${res.statusCode} ${res.body.slice(0, 160)}` };
  }

  /** Whether the route names any object of the workspace (path, query or body): only then can foreign ids matter. */
  function touches(op: Operation, ids: Ids): boolean {
    const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    if (names.some((n) => !(n === 'id' && isWorkspacePath(op.path)) && ids.path(op.path, n) !== undefined)) return true;
    return namesInBodyOrQuery(op, ids);
  }

  function namesInBodyOrQuery(op: Operation, ids: Ids): boolean {
    if (op.params.some((p) => p.in === 'query' && p.name in ids.values)) return true;
    return JSON.stringify(op.body ?? {}).split('"properties":').length > 1 && Object.keys(ids.values).some((k) => JSON.stringify(op.body).includes(`"${k}":`));
  }

  const denied = (a: Answer) => a.status === 403;
  const hidden = (a: Answer) => a.status === 404;
  // An upstream the fixtures point at is unreachable (502–504): the request got past every check.
  const allowed = (a: Answer) =>
    a.status !== 0 && a.status !== 401 && a.status !== 403 && !(a.status === 404 && a.resource === 'Workspace') && a.code !== 'VALIDATION_FAILED' && a.status !== 500;

  async function check(op: Operation, exp: Expectation): Promise<void> {
    const fail = (who: string, want: string, a: Answer) => failures.push(`${op.key} [${who}] expected ${want}: ${a.text}`);
    const anon = await call(op, exp, undefined, own);
    if (exp.access === 'public') {
      // Reachable without a session: whatever it checks instead (a password, a body token, a signature) answers.
      if (anon.status === 0 || anon.status >= 500) fail('anonymous', 'an answer without a session', anon);
      return;
    }
    if (anon.status !== 401) fail('anonymous', '401', anon);
    if (exp.access === 'local-only') {
      for (const principal of PRINCIPALS) {
        const a = await call(op, exp, users[principal], own);
        if (a.code !== 'CLOUD_LINK_LOCAL_ONLY') fail(principal, '409 CLOUD_LINK_LOCAL_ONLY (local mode only)', a);
      }
      return;
    }
    for (const principal of PRINCIPALS) {
      const who = users[principal];
      if (exp.access === 'user') {
        const a = await call(op, exp, who, own);
        if (!allowed(a)) fail(principal, 'allowed (any signed-in user)', a);
        continue;
      }
      const min = exp.access;
      if (principal === 'non-member') {
        const a = await call(op, exp, who, own);
        if (!(hidden(a) && a.resource === 'Workspace')) fail(principal, '404 Workspace', a);
        continue;
      }
      const permitted = roleAtLeast(principal, min);
      const mine = touches(op, own);
      if (!permitted) {
        // The role check comes first, so F's ids change nothing here; the allowed roles below try them.
        const a = await call(op, exp, who, own);
        const ok = exp.deniedAs === 404 ? hidden(a) : denied(a);
        if (!ok) fail(principal, `${exp.deniedAs ?? 403} (needs ${min})`, a);
        continue;
      }
      if (mine && !exp.skipForeign) {
        const theirs = await call(op, exp, who, foreign);
        const pathId = [...op.path.matchAll(/\{(\w+)\}/g)].some((m) => !(m[1] === 'id' && isWorkspacePath(op.path)) && foreign.path(op.path, m[1]!) !== undefined);
        // An object of F named in the path: 404, as if it did not exist. Otherwise (F's ids in the
        // body or query, an upsert by name, a body refused before the lookup) the answer must be the
        // one ids that exist nowhere get: nothing of F is read, changed or revealed.
        if (!(pathId && hidden(theirs) && !exp.upsert)) {
          const nowhere = await call(op, exp, who, nowhereLike(own));
          const same = theirs.status === nowhere.status && theirs.code === nowhere.code;
          if (!same || (pathId && !exp.upsert && theirs.status < 400)) fail(principal, `what ids that exist nowhere get (${nowhere.status} ${nowhere.code ?? ''})`, theirs);
        }
        if (pathId && namesInBodyOrQuery(op, own)) {
          // W's object in the path, F's ids in the body or query (a work given F's asset as its cover, an account given F's member).
          const mixed = await call(op, exp, who, { values: foreign.values, path: own.path });
          const unknown = await call(op, exp, who, { values: nowhereLike(own).values, path: own.path });
          if (mixed.status !== unknown.status || mixed.code !== unknown.code) fail(principal, `with W's path and F's body ids, what ids that exist nowhere get (${unknown.status} ${unknown.code ?? ''})`, mixed);
        }
      }
      const a = await call(op, exp, who, own);
      const ok = exp.allowedAs !== undefined ? a.status === exp.allowedAs : allowed(a);
      if (!ok) fail(principal, `allowed (needs ${min})`, a);
    }
  }

  const casesOf = (key: string): Expectation[] => {
    const declared = EXPECTATIONS[key];
    return declared === undefined ? [] : Array.isArray(declared) ? declared : [declared];
  };

  it('has one declared expectation for every operation, and none for a route that is gone', () => {
    const keys = operations.map((o) => o.key);
    expect(keys.length).toBeGreaterThan(150);
    expect(keys.filter((k) => !(k in EXPECTATIONS)), 'declare who may call these in security/authz-expectations.ts').toEqual([]);
    expect(Object.keys(EXPECTATIONS).filter((k) => !keys.includes(k)), 'these entries name no operation any more').toEqual([]);
  });

  // MATRIX_DISCOVER=1: prints what every principal gets from every route (own ids), to help fill the table for new routes.
  it.runIf(process.env.MATRIX_DISCOVER)('discovers', async () => {
    const lines: string[] = [];
    for (const op of operations) {
      const exp = casesOf(op.key)[0] ?? { access: 'viewer' as const };
      const row: string[] = [];
      row.push(`anon=${(await call(op, exp, undefined, own)).status}`);
      for (const p of op.key.startsWith('POST /api/auth/') ? [] : PRINCIPALS) {
        const a = await call(op, exp, users[p], own);
        row.push(`${p}=${a.status}${a.code ? ':' + a.code : ''}${a.resource ? ':' + a.resource : ''}`);
      }
      lines.push(`${op.key} | ${row.join(' ')}`);
    }
    console.log(lines.join('\n'));
  }, 300_000);

  // A generous timeout: about 2,000 requests, which took up to two minutes on a 2-core machine shared with other builds.
  it('answers every route × role × own/foreign id as declared', async () => {
    for (const op of operations) for (const exp of casesOf(op.key)) await check(op, exp);
    expect(failures).toEqual([]);
  }, 400_000);

  it('proves the harness: its fixtures exist in W and F and differ', () => {
    expect(own.values.idea_id).toBeTruthy();
    expect(foreign.values.idea_id).toBeTruthy();
    expect(own.values.idea_id).not.toBe(foreign.values.idea_id);
    expect(newUuid()).not.toBe(own.values.idea_id);
  });
});
