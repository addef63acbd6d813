import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowCounts } from '../src/modules/backup';
import { createTestContext, DEMO, type Client, type TestContext } from './context';

/**
 * Hostile input against every registered API route (issue 7): random path parameters,
 * query strings and JSON bodies, sent by a logged-in user whom the route admits (admin when
 * it may, otherwise the first role of its rule, so that the handler itself is reached).
 * Never a 500, never a hang, and a rejected request (4xx) writes nothing: the row count
 * of every table is the same after it. New routes are fuzzed with no change here.
 */
let ctx: TestContext;
const clients = new Map<string, Client>();
/** Login attempts are written on purpose when a login is refused (rate limiting). */
const WRITES_ON_REJECTION = ['login_attempts'];
/** Routes that end the fuzzing user's own session. */
const SKIP = new Set(['POST /api/auth/logout']);
const TIME_BOUND_MS = 10_000;

beforeAll(async () => {
  ctx = await createTestContext();
  for (const role of Object.keys(DEMO) as (keyof typeof DEMO)[]) clients.set(role, await ctx.login(DEMO[role]));
}, 60_000);
afterAll(() => ctx?.close());

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '0',
    '-1',
    '1e309',
    'NaN',
    'null',
    'true',
    '[]',
    '{}',
    '../../etc/passwd',
    '%00',
    '\u0000',
    "' OR 1=1 --",
    '<script>alert(1)</script>',
    '2024-02-30',
    '9999-99-99',
    'ĐĂNG KÝ Sở TT&TT',
    'x'.repeat(5000),
    '00000000-0000-0000-0000-000000000000',
    '__proto__',
    'constructor',
  ),
  fc.uuid(),
);
const keys = fc.constantFrom(
  'name',
  'kind',
  'aliases',
  'version',
  'username',
  'password',
  'role',
  'orgId',
  'parentId',
  'q',
  'page',
  'pageSize',
  'sort',
  'order',
  'date',
  'validFrom',
  'validTo',
  'email',
  'title',
  'status',
  'text',
  'url',
  'from',
  'to',
  'id',
  'sourceIds',
  'targetId',
  'effectiveDate',
  'year',
  'items',
  '__proto__',
  'constructor',
);
const value: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 5 }),
  fc.jsonValue({ maxDepth: 3 }),
);
const body = fc.oneof(
  fc.dictionary(keys, value, { maxKeys: 8 }),
  fc.dictionary(fc.string({ maxLength: 10 }), value, { maxKeys: 5 }),
  fc.jsonValue({ maxDepth: 4 }),
);
const query = fc.dictionary(fc.oneof(keys, fc.string({ maxLength: 8 })), hostileString, { maxKeys: 5 });

function clientFor(access: unknown): Client | null {
  if (access === 'public' || access === 'authenticated') return clients.get('admin')!;
  const roles = access as string[];
  return clients.get(roles.includes('admin') ? 'admin' : roles[0]) ?? null;
}

const withTimeout = <T>(p: Promise<T>, what: string) =>
  Promise.race([
    p,
    new Promise<T>((_, rej) => setTimeout(() => rej(new Error(`${what}: no answer within ${TIME_BOUND_MS} ms`)), TIME_BOUND_MS)),
  ]);

describe('API fuzzing', () => {
  it('answers every route with random input without a 500, a hang, or a write on rejection', async () => {
    const routes = ctx.app.apiRoutes.filter((r) => !SKIP.has(`${r.method} ${r.url}`));
    expect(routes.length).toBeGreaterThan(10);
    let counts = await rowCounts(ctx.database.db, WRITES_ON_REJECTION);
    const failures: string[] = [];
    let sent = 0;
    for (const route of routes) {
      const client = clientFor(route.access);
      if (!client) continue;
      const params = (route.url.match(/:[A-Za-z]+/g) ?? []).length;
      const mutating = route.method !== 'GET';
      await fc.assert(
        fc.asyncProperty(
          fc.array(hostileString, { minLength: params, maxLength: params }),
          query,
          body,
          fc.boolean(),
          async (ps, q, b, rawText) => {
            let i = 0;
            const url = route.url.replace(/:[A-Za-z]+/g, () => encodeURIComponent(ps[i++] || 'x'));
            const qs = new URLSearchParams(q as Record<string, string>).toString();
            const payload = mutating ? (rawText ? `{"broken": ${JSON.stringify(b).slice(0, 20)}` : JSON.stringify(b)) : undefined;
            const res = await withTimeout(
              client.request({
                method: route.method as 'GET',
                url: `${url}${qs ? `?${qs}` : ''}`,
                payload,
                headers: payload === undefined ? {} : { 'content-type': 'application/json' },
              }),
              `${route.method} ${url}`,
            );
            sent++;
            if (res.statusCode >= 500)
              failures.push(`${route.method} ${url}?${qs} ${payload ?? ''} → ${res.statusCode} ${res.body.slice(0, 200)}`);
            if (mutating) {
              const after = await rowCounts(ctx.database.db, WRITES_ON_REJECTION);
              if (res.statusCode >= 400 && JSON.stringify(after) !== JSON.stringify(counts)) {
                const changed = Object.keys(after).filter((t) => after[t] !== counts[t]);
                failures.push(`${route.method} ${url} rejected with ${res.statusCode} but wrote to ${changed.join(', ')}`);
              }
              counts = after;
            }
          },
        ),
        { numRuns: mutating ? 14 : 10, seed: 7_2026 },
      );
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(routes.length * 9);
    // The fuzzing users are still who they were: nothing random logged them out or demoted them.
    const me = await clients.get('admin')!.request({ method: 'GET', url: '/api/auth/me' });
    expect(me.json().user.role).toBe('admin');
  }, 180_000);

  it('rejects malformed transport: wrong content types, oversized and deeply nested bodies', async () => {
    const admin = clients.get('admin')!;
    const cases = [
      { payload: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      { payload: '<org/>', headers: { 'content-type': 'application/xml' } },
      { payload: '{"name":', headers: { 'content-type': 'application/json' } },
      { payload: `${'['.repeat(5000)}${']'.repeat(5000)}`, headers: { 'content-type': 'application/json' } },
      { payload: JSON.stringify({ name: 'x'.repeat(2_000_000), kind: 'department' }), headers: { 'content-type': 'application/json' } },
    ];
    const before = await rowCounts(ctx.database.db, WRITES_ON_REJECTION);
    for (const c of cases) {
      const res = await admin.request({ method: 'POST', url: '/api/orgs', ...c });
      expect(res.statusCode, c.payload.slice(0, 30)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
    }
    expect(await rowCounts(ctx.database.db, WRITES_ON_REJECTION)).toEqual(before);
  });
});
