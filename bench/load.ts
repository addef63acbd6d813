/**
 * Full-size load test (issue 7): two API processes (`ttdn serve --role web`) and one worker
 * (`--role worker`) on one PostgreSQL database, 200 mixed-role clients for 60 s on
 * 127.0.0.1; stops by itself. Needs DATABASE_URL (a server where it may create a database).
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bin/run-ts.js bench/load.ts [--clients 200] [--seconds 60]
 */
import pg from 'pg';
import { runLoad, type LoadResult } from './lib/load';
import { startTtdn } from './lib/proc';

const PASSWORD = 'Bench-password-1';
const USERS = { admin: 'admin', secretariat: 'thuongtruc', leader: 'lanhdao', officer: 'canbo.vhttdl', inspector: 'thanhtra' } as const;

async function recreate(url: string, name: string, drop = false) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  if (!drop) await c.query(`CREATE DATABASE "${name}"`);
  await c.end();
}

export async function fullLoad(opts: { databaseUrl: string; clients: number; seconds: number }): Promise<LoadResult & { processes: string }> {
  const name = `ttdn_bench_load`;
  await recreate(opts.databaseUrl, name);
  const u = new URL(opts.databaseUrl);
  u.pathname = `/${name}`;
  const env = { DATABASE_URL: u.toString(), DEMO_PASSWORD: PASSWORD };
  // The first process migrates and loads the demo province; the others start on it.
  const first = await startTtdn('web', env);
  const rest = await Promise.all([startTtdn('web', env), startTtdn('worker', env)]);
  const procs = [first, ...rest];
  try {
    const r = await runLoad({ urls: [first.url, rest[0].url], clients: opts.clients, durationMs: opts.seconds * 1000, password: PASSWORD, users: USERS });
    return { ...r, processes: '2 × ttdn serve --role web + 1 × --role worker, PostgreSQL' };
  } finally {
    await Promise.all(procs.map((p) => p.stop()));
    await recreate(opts.databaseUrl, name, true);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('bench/load.ts cần DATABASE_URL (PostgreSQL) / needs DATABASE_URL');
    process.exit(1);
  }
  const arg = (f: string, d: number) => (process.argv.includes(f) ? Number(process.argv[process.argv.indexOf(f) + 1]) : d);
  const r = await fullLoad({ databaseUrl: url, clients: arg('--clients', 200), seconds: arg('--seconds', 60) });
  console.log(JSON.stringify(r, null, 2));
}
