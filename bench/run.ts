/**
 * `npm run bench`: generates a province, measures the main API calls beside their baselines
 * (bare Fastify answering a constant; bare Fastify running the hand-written SQL through the
 * same driver) on PGlite and, when DATABASE_URL is set, on PostgreSQL; the server's peak
 * memory; the importer and press benchmarks; the full load test (PostgreSQL). Prints a table,
 * writes bench/out/*.json and bench/RESULTS.md.
 *
 *   npm run bench [-- --quick] [--seconds 5] [--connections 10] [--skip-load] [--skip-modules] [--orgs 120 --audit 50000 …]
 */
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { bootstrap } from '../src/bootstrap';
import { loadConfig } from '../src/config';
import { DEFAULT_SIZES, generate, sizesFromArgs } from './generate';
import { fullLoad } from './load';
import { measure, peakRssMb, type Measurement } from './lib/measure';
import { RUN_TS, startProcess, startTtdn } from './lib/proc';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const OUT = path.join(ROOT, 'bench/out');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const num = (f: string, d: number) => (args.includes(f) ? Number(args[args.indexOf(f) + 1]) : d);
const seconds = num('--seconds', quick ? 2 : 5);
const connections = num('--connections', 10);
const sizes = sizesFromArgs(args, quick ? { ...DEFAULT_SIZES, audit: 5_000, years: 2 } : DEFAULT_SIZES);
const PASSWORD = 'Bench-password-1';
const TOKEN = 'bench-session-token';
const started = Date.now();
fs.mkdirSync(OUT, { recursive: true });

interface Row {
  db: string;
  call: string;
  api: Measurement;
  sql: Measurement;
  bare: Measurement;
}

async function prepare(kind: 'pglite' | 'postgres'): Promise<Record<string, string>> {
  let env: Record<string, string>;
  if (kind === 'postgres') {
    const base = process.env.DATABASE_URL!;
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query('DROP DATABASE IF EXISTS "ttdn_bench" WITH (FORCE)');
    await c.query('CREATE DATABASE "ttdn_bench"');
    await c.end();
    const u = new URL(base);
    u.pathname = '/ttdn_bench';
    env = { DATABASE_URL: u.toString() };
  } else {
    const dir = path.join(OUT, 'data-pglite');
    fs.rmSync(dir, { recursive: true, force: true });
    env = { DATA_DIR: dir, DATABASE_URL: '' };
  }
  const config = loadConfig({ ...process.env, ...env, DATABASE_URL: env.DATABASE_URL || undefined, DEMO_PASSWORD: PASSWORD, LOG_LEVEL: 'silent' });
  const { database } = await bootstrap(config);
  const t = performance.now();
  await generate(database.db, sizes, (s) => console.log(`  [${kind}] ${s}`));
  // One long session for the admin, shared by the API and the baseline (the same cookie).
  const id = crypto.createHash('sha256').update(TOKEN).digest('hex');
  await database.db.execute(sql`
    INSERT INTO sessions (id, user_id, csrf_token, expires_at) SELECT ${id}, id, 'bench', now() + interval '1 day' FROM users WHERE username = 'admin'
    ON CONFLICT (id) DO NOTHING`);
  console.log(`  [${kind}] data ready in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  await database.close();
  return env;
}

const CALLS: { name: string; api: string; sql: string; method?: 'POST'; body?: string }[] = [
  { name: 'org list (page of 50)', api: '/api/orgs', sql: '/sql/orgs' },
  { name: 'org search (q=sở)', api: `/api/orgs?q=${encodeURIComponent('sở')}`, sql: `/sql/orgs-search?q=${encodeURIComponent('sở')}` },
  { name: 'org lookup (trigram)', api: `/api/orgs/lookup?name=${encodeURIComponent('So TTTT')}`, sql: `/sql/lookup?name=${encodeURIComponent('So TTTT')}` },
  { name: 'audit list (page of 50)', api: '/api/audit', sql: '/sql/audit' },
  { name: '/api/auth/me', api: '/api/auth/me', sql: '/sql/me' },
  { name: 'login (argon2id)', api: '/api/auth/login', sql: '/sql/login', method: 'POST', body: JSON.stringify({ username: 'lanhdao', password: PASSWORD }) },
];

async function measureKind(kind: 'pglite' | 'postgres') {
  console.log(`\n== ${kind} ==`);
  const env = await prepare(kind);
  const envOf = { ...env, DATABASE_URL: env.DATABASE_URL || undefined };
  const cookie = { cookie: `ttdn_session=${TOKEN}` };
  const m = (name: string, url: string, c: (typeof CALLS)[number] | null = null) =>
    measure(name, { url, headers: cookie, connections, durationSec: seconds, warmupSec: 1, method: c?.method, body: c?.body });

  const baseline = await startProcess([RUN_TS, path.join(ROOT, 'bench/baseline-server.ts')], envOf);
  const bare = await m('constant', `${baseline.url}/const`);
  const sqlRes: Measurement[] = [];
  for (const c of CALLS) sqlRes.push(await m(c.name, `${baseline.url}${c.sql}`, c));
  await baseline.stop();

  const server = await startTtdn('web,worker', envOf);
  const apiRes: Measurement[] = [];
  for (const c of CALLS) apiRes.push(await m(c.name, `${server.url}${c.api}`, c));
  const peak = peakRssMb(server.child.pid!);
  await server.stop();
  return { rows: CALLS.map((c, i): Row => ({ db: kind, call: c.name, api: apiRes[i], sql: sqlRes[i], bare })), peakRssMb: peak };
}

function runScript(file: string): { file: string; ok: boolean; output: string; seconds: number } {
  const t = Date.now();
  // The press search benchmark generates a million articles (about 7 minutes on 2 cores): it gets more time.
  const timeout = file.includes('press-search') ? 720_000 : 300_000;
  const r = spawnSync(process.execPath, [RUN_TS, path.join(ROOT, file)], { encoding: 'utf8', timeout, cwd: ROOT });
  return { file, ok: r.status === 0, output: `${r.stdout ?? ''}${r.status === 0 ? '' : r.stderr ?? ''}`.trim(), seconds: (Date.now() - t) / 1000 };
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const f0 = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–');

const results: { rows: Row[]; peak: Record<string, number | null> } = { rows: [], peak: {} };
for (const kind of (process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite']) as ('pglite' | 'postgres')[]) {
  const r = await measureKind(kind);
  results.rows.push(...r.rows);
  results.peak[kind] = r.peakRssMb;
}
for (const kind of Object.keys(results.peak)) if (kind === 'pglite') fs.rmSync(path.join(OUT, 'data-pglite'), { recursive: true, force: true });

console.log('\n== module benchmarks ==');
// Every module benchmark in bench/ (plan import, press pipeline, and those modules add later).
const scripts = args.includes('--skip-modules') ? [] : fs.readdirSync(path.join(ROOT, 'bench')).filter((f) => f.endsWith('.bench.ts')).sort().map((f) => runScript(`bench/${f}`));
for (const s of scripts) console.log(`--- ${s.file} (${s.seconds.toFixed(0)} s${s.ok ? '' : ', FAILED'})\n${s.output}`);

let load: Awaited<ReturnType<typeof fullLoad>> | null = null;
if (process.env.DATABASE_URL && !args.includes('--skip-load')) {
  console.log('\n== load test ==');
  load = await fullLoad({ databaseUrl: process.env.DATABASE_URL, clients: num('--clients', quick ? 50 : 200), seconds: num('--load-seconds', quick ? 10 : 60) });
}

// Report.
const cpu = os.cpus();
const machine = `${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB RAM, ${os.platform()} ${os.release()}, Node ${process.version}`;
const date = new Date().toISOString();
const header = '| db | call | API req/s | p50 / p95 / p99 ms | SQL baseline req/s | API ÷ SQL | bare Fastify req/s | API ÷ bare | errors |';
const lines = results.rows.map(
  (r) =>
    `| ${r.db} | ${r.call} | ${f0(r.api.rps)} | ${f1(r.api.p50)} / ${f1(r.api.p95)} / ${f1(r.api.p99)} | ${f0(r.sql.rps)} | ${(r.api.rps / r.sql.rps).toFixed(2)} | ${f0(r.bare.rps)} | ${(r.api.rps / r.bare.rps).toFixed(3)} | ${r.api.errors + r.api.non2xx} |`,
);
const md = [
  '# Benchmark results',
  '',
  `Run ${date} on ${machine}; ${connections} concurrent connections, ${seconds} s per measurement (autocannon on 127.0.0.1, after 1 s warm-up),`,
  `data: ${sizes.orgs} organisations, one officer each, ${sizes.audit.toLocaleString('en-US')} audit records, ${sizes.years} years × ${sizes.tasksPerYear} plan tasks.`,
  'Baselines in the same run on the same machine: bare Fastify answering a constant, and bare Fastify running the hand-written SQL of the call',
  'through the same driver (no session, access rule, validation or audit). Target (issue 7): each API read ≥ 0.5 × its SQL baseline.',
  '',
  header,
  '|---|---|---|---|---|---|---|---|---|',
  ...lines,
  '',
  `Peak server memory (VmHWM of \`ttdn serve\` during the run): ${Object.entries(results.peak).map(([k, v]) => `${k} ${v ? v.toFixed(0) : '?'} MB`).join(', ')} (target: embedded < 1 GB).`,
  '',
  '## Load test',
  '',
  load
    ? `${load.processes}; ${load.clients} clients of mixed roles (logins, reads, writes) for ${(load.durationMs / 1000).toFixed(0)} s: ` +
      `**${f0(load.rps)} req/s**, ${load.requests.toLocaleString('en-US')} requests, **errors ${load.errors}**, latency p50 ${f1(load.p50)} ms, p95 ${f1(load.p95)} ms, **p99 ${f1(load.p99)} ms** (target < 50 ms).\n\n` +
      `| kind | requests | p99 ms |\n|---|---|---|\n${Object.entries(load.byKind).map(([k, v]) => `| ${k} | ${v.n} | ${f1(v.p99)} |`).join('\n')}`
    : 'Not run (needs DATABASE_URL, or --skip-load was given).',
  '',
  '## Module benchmarks',
  '',
  ...scripts.map((s) => `### ${s.file}${s.ok ? '' : ' (FAILED)'}\n\n\`\`\`\n${s.output}\n\`\`\`\n`),
  `Whole run: ${((Date.now() - started) / 60000).toFixed(1)} min.`,
  '',
].join('\n');
console.log(`\n${header}\n${lines.join('\n')}`);
if (load) console.log(`load: ${load.clients} clients, ${f0(load.rps)} req/s, p99 ${f1(load.p99)} ms, errors ${load.errors}`);
const json = { date, machine, sizes, seconds, connections, rows: results.rows, peakRssMb: results.peak, load, scripts };
fs.writeFileSync(path.join(OUT, `results-${date.replace(/[:.]/g, '-')}.json`), JSON.stringify(json, null, 2));
fs.writeFileSync(path.join(OUT, 'latest.json'), JSON.stringify(json, null, 2));
fs.writeFileSync(path.join(ROOT, 'bench/RESULTS.md'), md);
console.log(`\nbench/RESULTS.md and bench/out/latest.json written (${((Date.now() - started) / 60000).toFixed(1)} min).`);
process.exit(0);
