/**
 * Full-size load test (issue 7): two API processes (`ttdn serve --role web`) and one worker
 * (`--role worker`) on one PostgreSQL database, on 127.0.0.1; stops by itself. The busiest day:
 * 200 users of the demo roles (mostly officers writing their organisation's report) log in once
 * during a ramp-up, then work with a think time between actions for 60 s (2–8 s by default: an
 * officer typing a report autosaves every few seconds; a reader opens a page every several); then the same mix
 * without think time for 20 s gives the saturation throughput (capacity). See bench/lib/load.ts.
 * Needs DATABASE_URL (a server where it may create a database).
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bin/run-ts.js bench/load.ts \
 *     [--clients 200] [--seconds 60] [--think-ms 2000-8000] [--saturation-seconds 20] [--ramp-up-seconds 20] [--demo-only] [--cpu-prof DIR]
 * `--think-ms 0` makes the main run the saturation run (and skips the separate one).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client';
import { DEFAULT_SIZES, GENERATORS } from './generate';
import { prepareWorld, returnReports, runLoad, type LoadResult } from './lib/load';
import { startProcess, startTtdn, TTDN } from './lib/proc';

const PASSWORD = 'Bench-password-1';
const ADMIN = 'admin';
const SECRETARIAT = 'thuongtruc';

/**
 * Years of use before the busiest day: the generated audit history, activity register and press
 * archive (bench/generate.ts), so that press search, the activity list and the audit log read
 * real volumes (the demo has none). The directory, plan and periods stay the demo's.
 */
const HISTORY = ['audit history', 'activities', 'press articles'];
const HISTORY_SIZES = { ...DEFAULT_SIZES, articles: 20_000 };
async function addHistory(url: string): Promise<string> {
  const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
  try {
    for (const g of GENERATORS.filter((x) => HISTORY.includes(x.name))) {
      const t = performance.now();
      await database.db.transaction((tx) => g.run(tx, HISTORY_SIZES, () => {}));
      console.log(`  history: ${g.name} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    await database.db.execute(sql`ANALYZE`);
  } finally {
    await database.close();
  }
  const s = HISTORY_SIZES;
  return `demo province + history: ${s.audit.toLocaleString('en-US')} audit records, ${(s.years * s.activitiesPerYear).toLocaleString('en-US')} activities, ${s.articles.toLocaleString('en-US')} press articles`;
}

async function recreate(url: string, name: string, drop = false) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  if (!drop) await c.query(`CREATE DATABASE "${name}"`);
  await c.end();
}

export interface FullLoadOptions {
  databaseUrl: string;
  clients: number;
  seconds: number;
  thinkMs?: [number, number];
  saturationSeconds?: number;
  rampUpSeconds?: number;
  /** Skip the generated history (demo data only). */
  demoOnly?: boolean;
  /** Write V8 CPU profiles of the two API processes into this directory (node --cpu-prof). */
  cpuProfDir?: string;
}
export type FullLoad = LoadResult & { processes: string; saturation: LoadResult | null; markdown: string };

export async function fullLoad(opts: FullLoadOptions): Promise<FullLoad> {
  const thinkMs = opts.thinkMs ?? [2000, 8000];
  const saturationSeconds = thinkMs[1] > 0 ? (opts.saturationSeconds ?? 20) : 0;
  const rampUpMs = (opts.rampUpSeconds ?? Math.max(5, opts.clients / 10)) * 1000;
  const name = `ttdn_bench_load`;
  await recreate(opts.databaseUrl, name);
  const u = new URL(opts.databaseUrl);
  u.pathname = `/${name}`;
  const env = { DATABASE_URL: u.toString(), DEMO_PASSWORD: PASSWORD };
  // The first process migrates and loads the demo province; the others start on it.
  const web = () =>
    opts.cpuProfDir
      ? startProcess(['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`, TTDN, 'serve', '--role', 'web'], env)
      : startTtdn('web', env);
  const first = await web();
  const data = opts.demoOnly ? 'demo province only' : await addHistory(env.DATABASE_URL);
  const rest = await Promise.all([web(), startTtdn('worker', env)]);
  const procs = [first, ...rest];
  const urls = [first.url, rest[0].url];
  const pids = procs.map((p) => p.child.pid!);
  try {
    const world = await prepareWorld({ url: first.url, password: PASSWORD, admin: ADMIN, secretariat: SECRETARIAT, clients: opts.clients });
    const base = { urls, world, password: PASSWORD, rampUpMs, pids, database: name, submitChance: 0.01 };
    const main = await runLoad({ ...base, durationMs: opts.seconds * 1000, thinkMs });
    let saturation: LoadResult | null = null;
    if (saturationSeconds > 0) {
      // Reports submitted in the first run go back to their officers, so the mix stays the same.
      await returnReports({ url: first.url, password: PASSWORD, secretariat: SECRETARIAT, ids: main.submitted });
      saturation = await runLoad({ ...base, durationMs: saturationSeconds * 1000, thinkMs: [0, 0], seed: 2 });
    }
    const processes = `2 × ttdn serve --role web + 1 × --role worker, PostgreSQL; ${data}`;
    return { ...main, processes, saturation, markdown: loadMarkdown(processes, main, saturation) };
  } finally {
    await Promise.all(procs.map((p) => p.stop()));
    await recreate(opts.databaseUrl, name, true);
  }
}

const f0 = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '–');
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const think = (r: LoadResult) =>
  r.thinkMs[1] > 0
    ? `a uniformly random think time of ${r.thinkMs[0]}–${r.thinkMs[1]} ms between a user's actions`
    : 'no think time (saturation)';
const cpu = (r: LoadResult) =>
  Object.entries(r.cpu)
    .map(([k, v]) => `${k} ${v}%`)
    .join(', ');

function summary(r: LoadResult, label: string) {
  return (
    `**${label}** — ${r.clients} users (${Object.entries(r.roles)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}), ${think(r)}, measured for ${(r.durationMs / 1000).toFixed(0)} s after a ` +
    `${(r.rampUpMs / 1000).toFixed(0)} s ramp-up: **${f0(r.rps)} req/s**, ${r.requests.toLocaleString('en-US')} requests, **errors ${r.errors}**, ` +
    `latency p50 ${f1(r.p50)} ms, p95 ${f1(r.p95)} ms, **p99 ${f1(r.p99)} ms**, max ${f0(r.max)} ms (logins excluded). ` +
    `Logins in the ramp-up (argon2id, ${r.login.perSecond.toFixed(0)}/s): ${r.login.n}, errors ${r.login.errors}, p50 ${f1(r.login.p50)} ms, p99 ${f1(r.login.p99)} ms. ` +
    `Reports submitted: ${r.submitted.length}. CPU during the window (% of one core): ${cpu(r)}; load average ${r.loadavg.join(' / ')}; ` +
    `CPU per request (ttdn processes + this database's PostgreSQL backends): ${f1(((r.cpu['ttdn processes'] + r.cpu['postgres: this database']) * 10) / r.rps)} ms.` +
    (r.errorSamples.length ? `\n\nFirst errors: ${r.errorSamples.map((e) => `\`${e}\``).join('; ')}` : '')
  );
}

/** The load-test section of bench/RESULTS.md. */
export function loadMarkdown(processes: string, main: LoadResult, saturation: LoadResult | null): string {
  const kinds = [...new Set([...Object.keys(main.byKind), ...Object.keys(saturation?.byKind ?? {})])];
  const cell = (r: LoadResult | null, k: string) => {
    const s = r?.byKind[k];
    return s ? `${s.n} | ${s.errors} | ${f1(s.p50)} / ${f1(s.p95)} / ${f1(s.p99)}` : '– | – | –';
  };
  const met = main.thinkMs[1] > 0 && main.errors === 0 && main.p99 < 50;
  return [
    `${processes}, 127.0.0.1, bounded runs. Target (issue 7): zero errors and p99 < 50 ms at 200 concurrent users: **${met ? 'met' : 'not met'}**.`,
    '',
    summary(main, main.thinkMs[1] > 0 ? 'With think time' : 'Saturation'),
    ...(saturation ? ['', summary(saturation, 'Saturation (capacity)')] : []),
    '',
    `| kind | requests | errors | p50 / p95 / p99 ms${saturation ? ' | saturation: requests | errors | p50 / p95 / p99 ms' : ''} |`,
    `|---|---|---|---${saturation ? '|---|---|---' : ''}|`,
    ...kinds.map((k) => `| ${k} | ${cell(main, k)}${saturation ? ` | ${cell(saturation, k)}` : ''} |`),
  ].join('\n');
}

// Run as a script (`node bin/run-ts.js bench/load.ts`, which takes the file out of process.argv:
// the original command line is read from /proc on Linux), not when bench/run.ts imports it.
const commandLine = fs.existsSync('/proc/self/cmdline') ? fs.readFileSync('/proc/self/cmdline', 'utf8').split('\0') : process.argv;
if (commandLine.slice(1, 3).some((a) => a && import.meta.url === pathToFileURL(path.resolve(a)).href)) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('bench/load.ts cần DATABASE_URL (PostgreSQL) / needs DATABASE_URL');
    process.exit(1);
  }
  const args = process.argv.slice(2);
  const flag = (f: string) => (args.includes(f) ? args[args.indexOf(f) + 1] : undefined);
  const num = (f: string, d: number) => Number(flag(f) ?? d);
  const t = (flag('--think-ms') ?? '2000-8000').split('-').map(Number);
  const r = await fullLoad({
    databaseUrl: url,
    clients: num('--clients', 200),
    seconds: num('--seconds', 60),
    thinkMs: [t[0], t[1] ?? t[0]],
    saturationSeconds: num('--saturation-seconds', 20),
    rampUpSeconds: flag('--ramp-up-seconds') ? num('--ramp-up-seconds', 20) : undefined,
    demoOnly: args.includes('--demo-only'),
    cpuProfDir: flag('--cpu-prof'),
  });
  console.log(
    JSON.stringify(
      {
        ...r,
        markdown: undefined,
        submitted: r.submitted.length,
        saturation: r.saturation && { ...r.saturation, submitted: r.saturation.submitted.length },
      },
      null,
      2,
    ),
  );
  console.log(`\n${r.markdown}`);
}
