import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { MIX, prepareWorld, runLoad } from '../bench/lib/load';
import { startTtdn, type Proc } from '../bench/lib/proc';
import { DEMO } from './context';
import { adminUrl, createPgDatabase, dropPgDatabase, TEST_PASSWORD, withDatabase } from './db';

/**
 * The load test in CI size (issue 7; the full size is bench/load.ts): on PostgreSQL two API
 * processes and one worker on one database, on PGlite one process; users of every role (officers
 * writing their own reports, overseers reading dashboards, press, activities) log in once, then
 * work for a few seconds on 127.0.0.1 with a short think time: zero errors, every kind of call done.
 */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ttdn-load-'));
const procs: Proc[] = [];
let pgName: string | undefined;
afterAll(async () => {
  await Promise.all(procs.map((p) => p.stop()));
  if (pgName) await dropPgDatabase(adminUrl()!, pgName);
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe(`load (${adminUrl() ? 'PostgreSQL: 2 web + 1 worker' : 'PGlite: one process'})`, () => {
  it('serves users of every role for a few seconds with zero errors', async () => {
    let urls: string[];
    if (adminUrl()) {
      pgName = `ttdn_load_${crypto.randomBytes(4).toString('hex')}`;
      await createPgDatabase(adminUrl()!, pgName, inject('templateName'));
      const env = { DATABASE_URL: withDatabase(adminUrl()!, pgName), DEMO_DATA: 'false' };
      const started = await Promise.all([startTtdn('web', env), startTtdn('web', env), startTtdn('worker', env)]);
      procs.push(...started);
      urls = started.slice(0, 2).map((p) => p.url);
    } else {
      const p = await startTtdn('web,worker', { DATA_DIR: path.join(tmp, 'data'), DEMO_PASSWORD: TEST_PASSWORD });
      procs.push(p);
      urls = [p.url];
    }
    const world = await prepareWorld({
      url: urls[0],
      password: TEST_PASSWORD,
      admin: DEMO.admin,
      secretariat: DEMO.secretariat,
      clients: adminUrl() ? 16 : 10,
    });
    const r = await runLoad({
      urls,
      world,
      password: TEST_PASSWORD,
      rampUpMs: 1_000,
      durationMs: 4_000,
      thinkMs: [0, 50],
      submitChance: 1,
      completeTour: true,
    });
    console.log(
      `load: ${r.clients} users, ${r.requests} requests in ${(r.durationMs / 1000).toFixed(1)} s = ${r.rps.toFixed(0)}/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, errors ${r.errors}`,
    );
    expect(r.errorSamples).toEqual([]);
    expect(r.errors).toBe(0);
    expect(r.login.n).toBe(r.clients);
    // Every kind of call was made (the rate depends on what else the machine runs: no floor here).
    const kinds = [...new Set(Object.values(MIX).flatMap((m) => m.map(([k]) => k))), 'submit'];
    expect(kinds.filter((k) => !r.byKind[k]?.n)).toEqual([]);
  }, 120_000);
});
