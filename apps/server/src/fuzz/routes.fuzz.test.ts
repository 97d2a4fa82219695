import { appendFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiOf, type OpenApiDocument } from '../contract/openapi-document.ts';
import { createTestServer, type TestServer } from '../testing/harness.ts';
import { registerUser, type TestUser } from '../testing/users.ts';
import { brokenJsonText, hostileArb, validArb, type JsonSchema } from './schema-arbitrary.ts';

/**
 * Every JSON body of the API under fast-check (issue 17, fuzz suite). The route list is read
 * from the server's own /api/openapi.json, so a route added later is fuzzed without anyone
 * listing it. A cloud-mode server over PGlite gets, for each route with a JSON body: bodies
 * generated from the route's schema (to reach the handler), the same bodies with one place
 * bent, arbitrary JSON, and broken JSON text; routes that take no body get arbitrary JSON; GET
 * routes get generated query strings. Every answer must be below 500, a 4xx must be
 * application/problem+json with a code, and no request may hang.
 *
 * The server's egress guard refuses every target (no allow-list, every name resolves to an
 * internal address), so a URL in a body never leaves the machine.
 */

interface Operation {
  method: string;
  path: string;
  body?: JsonSchema;
  query: Array<{ name: string; schema: JsonSchema; required: boolean }>;
  params: Array<{ name: string; schema: JsonSchema }>;
  stream: boolean;
}

/** A request still unanswered after this long counts as a hang (a guard, not a timing assertion: normal answers take milliseconds). */
const HANG_MS = 20_000;
const BODY_RUNS = Number(process.env.CF_FUZZ_RUNS ?? 14);
const OTHER_RUNS = Math.max(1, Math.round(BODY_RUNS / 3));
/** Fixed so CI is repeatable; set CF_FUZZ_SEED (and CF_FUZZ_RUNS) to explore further by hand. */
const SEED = Number(process.env.CF_FUZZ_SEED ?? 20261203);

function operationsOf(doc: OpenApiDocument): Operation[] {
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const parameters = (op.parameters ?? []) as Array<{ in: string; name: string; schema: JsonSchema; required?: boolean }>;
      const body = (op.requestBody as { content?: Record<string, { schema?: JsonSchema }> } | undefined)?.content?.['application/json']?.schema;
      const stream = Object.values(op.responses ?? {}).some((r) => Object.keys(r.content ?? {}).some((type) => type.includes('event-stream')));
      out.push({
        method: method.toUpperCase(),
        path,
        body,
        query: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema, required: Boolean(p.required) })),
        params: parameters.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema })),
        stream,
      });
    }
  }
  return out;
}

/** Routes whose purpose is to end the caller's session: fuzzed, but last, and the user is replaced after. */
const SESSION_ENDING = /^(POST \/api\/auth\/(logout|password|sessions)|DELETE \/api\/(auth|account|workspaces\/\{id\}$))/;

/** encodeURIComponent refuses lone surrogates; a client would send them as U+FFFD. */
const enc = (s: string): string => encodeURIComponent(s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));

interface Attempt {
  url: string;
  payload?: string;
  contentType?: string;
}

describe('every JSON body and query through fast-check (cloud mode, PGlite)', () => {
  let server: TestServer;
  let user: TestUser;
  let operations: Operation[];

  beforeAll(async () => {
    server = await createTestServer({
      cloud: 'pglite',
      env: { CREATORFLOW_EGRESS_ALLOW: '' },
      egress: { resolve: async () => [{ address: '10.255.255.1', family: 4 }] },
    });
    user = await registerUser(server);
    operations = operationsOf(await openApiOf(server.app)).sort((a, b) => Number(SESSION_ENDING.test(`${a.method} ${a.path}`)) - Number(SESSION_ENDING.test(`${b.method} ${b.path}`)));
  }, 180_000);
  afterAll(() => server?.close());

  /** A user whose session still works (a fuzzed logout or password change ends it). */
  async function liveUser(): Promise<TestUser> {
    const me = await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: user.headers });
    if (me.statusCode !== 200) user = await registerUser(server);
    return user;
  }

  function pathArb(op: Operation): fc.Arbitrary<string> {
    const values = op.params.map((p) =>
      fc.oneof(
        { weight: 3, arbitrary: fc.uuid() },
        { weight: 1, arbitrary: validArb(p.schema).map((v) => String(v ?? '')) },
        { weight: 1, arbitrary: fc.constant(p.name === 'id' && op.path.startsWith('/api/workspaces/') ? user.workspaceId : 'x') },
      ),
    );
    return fc.tuple(...values).map((vs) => {
      let i = 0;
      return op.path.replace(/\{(\w+)\}/g, () => enc(vs[i++] || '1'));
    });
  }

  function queryArb(op: Operation): fc.Arbitrary<string> {
    if (op.query.length === 0) return fc.constant('');
    const parts = op.query.map((q) =>
      fc.option(
        fc.oneof({ weight: 3, arbitrary: validArb(q.schema) }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) }).map((v) => `${enc(q.name)}=${enc(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))}`),
        { nil: undefined, freq: q.required ? 8 : 2 },
      ),
    );
    return fc.tuple(...parts).map((ps) => {
      const present = ps.filter(Boolean);
      return present.length ? `?${present.join('&')}` : '';
    });
  }

  function attemptArb(op: Operation): fc.Arbitrary<Attempt> {
    const json = (v: unknown) => JSON.stringify(v) ?? 'null';
    const payload: fc.Arbitrary<Pick<Attempt, 'payload' | 'contentType'>> =
      op.method === 'GET' || op.method === 'DELETE'
        ? fc.constant({})
        : op.body
          ? fc.oneof(
              { weight: 5, arbitrary: validArb(op.body).map((v) => ({ payload: json(v), contentType: 'application/json' })) },
              { weight: 4, arbitrary: hostileArb(op.body).map((v) => ({ payload: json(v), contentType: 'application/json' })) },
              { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => ({ payload: json(v), contentType: 'application/json' })) },
              { weight: 1, arbitrary: brokenJsonText.map((t) => ({ payload: t, contentType: 'application/json' })) },
              { weight: 1, arbitrary: fc.constantFrom({ payload: 'a=1', contentType: 'application/x-www-form-urlencoded' }, { payload: '<x/>', contentType: 'text/xml' }) },
            )
          : fc.oneof(fc.constant({}), fc.jsonValue({ maxDepth: 2 }).map((v) => ({ payload: json(v), contentType: 'application/json' })), brokenJsonText.map((t) => ({ payload: t, contentType: 'application/json' })));
    return fc.tuple(pathArb(op), queryArb(op), payload).map(([path, query, p]) => ({ url: path + query, ...p }));
  }

  async function send(op: Operation, attempt: Attempt): Promise<string | undefined> {
    const headers: Record<string, string> = { ...(await liveUser()).headers };
    if (process.env.CF_FUZZ_TRACE) appendFileSync(process.env.CF_FUZZ_TRACE, `  > ${op.method} ${attempt.url} ${attempt.payload?.slice(0, 2000)}\n`);
    if (attempt.contentType) headers['content-type'] = attempt.contentType;
    let timer: NodeJS.Timeout | undefined;
    const hang = new Promise<'hang'>((resolve) => (timer = setTimeout(() => resolve('hang'), HANG_MS)));
    const res = await Promise.race([server.app.inject({ method: op.method as 'GET', url: attempt.url, headers, payload: attempt.payload }), hang]).finally(() => clearTimeout(timer));
    if (res === 'hang') return `no answer within ${HANG_MS / 1000} s`;
    if (res.statusCode >= 500) return `${res.statusCode} ${res.body.slice(0, 300)}`;
    if (res.statusCode >= 400) {
      if (!String(res.headers['content-type']).includes('application/problem+json')) return `${res.statusCode} as ${res.headers['content-type']}: ${res.body.slice(0, 200)}`;
      const problem = res.json<{ code?: unknown; status?: unknown }>();
      if (typeof problem.code !== 'string' || problem.status !== res.statusCode) return `${res.statusCode} problem without code/status: ${res.body.slice(0, 200)}`;
    }
    return undefined;
  }

  it('finds the routes in the OpenAPI document', () => {
    const names = operations.map((o) => `${o.method} ${o.path}`);
    expect(names).toEqual(expect.arrayContaining(['POST /api/runs', 'POST /api/works', 'POST /api/auth/register']));
    expect(operations.filter((o) => o.body).length).toBeGreaterThan(50);
  });

  it(
    'answers every generated, bent and broken body below 500, 4xx as problem+json, and never hangs',
    async () => {
      const failures: string[] = [];
      for (const op of operations) {
        if (op.stream) continue;
        if (process.env.CF_FUZZ_ONLY && !`${op.method} ${op.path}`.includes(process.env.CF_FUZZ_ONLY)) continue;
        const runs = op.body ? BODY_RUNS : ['POST', 'PUT', 'PATCH'].includes(op.method) || op.query.length > 0 ? OTHER_RUNS : 0;
        if (runs === 0) continue;
        const started = Date.now();
        const details = await fc.check(
          fc.asyncProperty(attemptArb(op), async (attempt) => {
            const problem = await send(op, attempt);
            if (problem) throw new Error(problem);
          }),
          { numRuns: runs, seed: SEED, endOnFailure: true },
        );
        if (process.env.CF_FUZZ_TRACE) appendFileSync(process.env.CF_FUZZ_TRACE, `${op.method} ${op.path} ${runs} runs ${Date.now() - started} ms${details.failed ? ' FAILED' : ''}\n`);
        if (details.failed) {
          const example = details.counterexample?.[0] as Attempt | undefined;
          failures.push(`${op.method} ${op.path}: ${(details.errorInstance as Error)?.message}\n  url ${example?.url}\n  body ${example?.payload?.slice(0, 400)}`);
        }
      }
      expect(failures).toEqual([]);
    },
    600_000,
  );

  // Counterexamples the property found (each answered 500), kept as regression cases.
  it.each([
    ['a NUL in an imported file name', 'POST', '/api/works/import', { markdown: 'bDP7', file_name: '\u0000' }, 400, 'TEXT_INVALID'],
    ['an unpaired surrogate in a niche', 'POST', '/api/topics/suggest', { niche: '\ud800', model: '' }, 400, 'TEXT_INVALID'],
    ['a version number past PostgreSQL integer', 'POST', '/api/works/eec9077f-81ed-838a-9bc3-806a6465f0e6/versions/5644637910527056/restore', { base_version: 872218641907443 }, 400, 'VALIDATION_FAILED'],
    ['a sync change whose id is not a uuid', 'POST', '/api/sync/push', { changes: [{ kind: 'knowledge', id: 'G|/o=m~', base_rev: 1, payload: { a: 1 } }] }, 400, 'VALUE_INVALID'],
    ['a synced knowledge record without its fields', 'POST', '/api/sync/push', { changes: [{ kind: 'knowledge', id: '00000000-0000-0000-0000-000000000000', base_rev: 1, payload: { a: 1 } }] }, 400, 'VALIDATION_FAILED'],
  ])('regression: %s answers 400, not 500', async (_label, method, url, payload, status, code) => {
    const res = await server.app.inject({ method: method as 'POST', url, headers: (await liveUser()).headers, payload });
    expect(res.statusCode, res.body).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code });
  });

  it('regression: "HTML" knowledge that is plain text is imported as text (Readability threw on it: 500)', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/knowledge', headers: (await liveUser()).headers, payload: { kind: 'html', content: '⫑ꊐⱖ𐭅୯న𘮄', title: 'k>E', tags: ['1e309'] } });
    expect(res.statusCode, res.body).toBe(201);
    expect(JSON.stringify(res.json())).toContain('k>E');
  });
});

