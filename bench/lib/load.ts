import fs from 'node:fs';
import os from 'node:os';
import { percentile } from './measure';

/**
 * A model of the busiest day (every department writing its report before the deadline):
 * each client is one user of a demo role; all log in once during a ramp-up (logins measured
 * apart), then, in the measured window, loop over their role's mix of the product's main calls
 * with a random think time between actions, against a list of API processes (round-robin by
 * client, as a load balancer with sticky sessions would). Every officer client owns its own
 * report, so autosave never meets a version conflict; every non-2xx answer is an error.
 * Used by bench/load.ts (200 clients, 60 s) and test/load.test.ts (a few seconds).
 */
export type Role = 'officer' | 'secretariat' | 'leader' | 'inspector' | 'admin';
export interface Account {
  username: string;
  role: Role;
  orgId: string | null;
  /** Officers: the period of the report this user writes (one report per user). */
  periodId: string | null;
}
/** What the clients work on: the provincial plan, the open six-month period, the accounts. */
export interface LoadWorld {
  planId: string;
  periodId: string;
  year: number;
  accounts: Account[];
}

export interface LoadOptions {
  urls: string[];
  world: LoadWorld;
  password: string;
  rampUpMs: number;
  durationMs: number;
  /** Uniform pause between a user's actions, [min, max] ms; [0, 0] saturates. */
  thinkMs: [number, number];
  /** Chance that an officer submits right after an autosave (once; afterwards they only read). */
  submitChance?: number;
  /** Server processes whose CPU time is reported, and the database whose PostgreSQL backends are. */
  pids?: number[];
  database?: string;
  /** Keep a client going past the window until it has done every kind of its role once (tests). */
  completeTour?: boolean;
  seed?: number;
}

export interface Stats {
  n: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}
export interface LoadResult extends Stats {
  clients: number;
  roles: Record<string, number>;
  thinkMs: [number, number];
  rampUpMs: number;
  durationMs: number;
  requests: number;
  rps: number;
  errorSamples: string[];
  byKind: Record<string, Stats>;
  login: Stats & { perSecond: number };
  /** Reports submitted during the run (bench/load.ts returns them before the next run). */
  submitted: string[];
  /** CPU over the measured window, % of one core, by process group; machine busy % of all cores. */
  cpu: Record<string, number>;
  loadavg: number[];
}

/** Weighted mix per role; every kind is also done once, in random order, at the start of a session. */
export const MIX: Record<Role, [string, number][]> = {
  officer: [
    ['periods', 8],
    ['tasks', 8],
    ['period', 6],
    ['report open', 6],
    ['report', 12],
    ['autosave', 40],
    ['me', 8],
    ['notifications', 12],
  ],
  secretariat: [
    ['dashboard', 20],
    ['consolidated', 10],
    ['plan', 10],
    ['periods', 5],
    ['press search', 15],
    ['activities', 15],
    ['me', 10],
    ['notifications', 15],
  ],
  leader: [
    ['dashboard', 20],
    ['consolidated', 10],
    ['plan', 10],
    ['periods', 5],
    ['press search', 15],
    ['activities', 15],
    ['me', 10],
    ['notifications', 15],
  ],
  inspector: [
    ['dashboard', 20],
    ['consolidated', 10],
    ['audit', 15],
    ['press search', 15],
    ['activities', 15],
    ['me', 10],
    ['notifications', 15],
  ],
  admin: [
    ['audit', 20],
    ['users', 15],
    ['orgs', 15],
    ['dashboard', 15],
    ['me', 15],
    ['notifications', 20],
  ],
};
const PRESS_QUERIES = ['quang tri', 'lao', 'du lich', 'bien gioi', 'dau tu'];

/** Deterministic pseudo-random numbers (mulberry32), one stream per client. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

export function stats(xs: number[], errors = 0): Stats {
  xs.sort((a, b) => a - b);
  return { n: xs.length, errors, p50: percentile(xs, 50), p95: percentile(xs, 95), p99: percentile(xs, 99), max: xs[xs.length - 1] ?? NaN };
}

/** A logged-in user: cookie, CSRF token, JSON calls. */
export async function session(base: string, username: string, password: string) {
  const t = performance.now();
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await res.json()) as { csrfToken?: string };
  const ms = performance.now() - t;
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(body).slice(0, 120)}`);
  const headers = { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0], 'x-csrf-token': body.csrfToken ?? '' };
  const call = async (method: string, path: string, json?: unknown) => {
    const r = await fetch(`${base}${path}`, {
      method,
      headers: json === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    const text = await r.text();
    return { status: r.status, text, json: () => JSON.parse(text) };
  };
  return { loginMs: ms, call };
}
type Session = Awaited<ReturnType<typeof session>>;

/** /proc CPU ticks by pid (Linux; empty elsewhere) and the machine's busy/total ticks. */
function cpuSnapshot(database?: string) {
  const procs = new Map<number, { comm: string; ticks: number }>();
  let busy = 0;
  let total = 0;
  try {
    const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    total = cpu.reduce((a, b) => a + b, 0);
    busy = total - cpu[3] - (cpu[4] ?? 0);
    for (const d of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const s = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
        let comm = s.slice(s.indexOf('(') + 1, s.lastIndexOf(')'));
        if (comm === 'postgres' && database)
          comm = fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(` ${database} `) ? 'postgres: this database' : 'postgres: other';
        const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
        procs.set(Number(d), { comm, ticks: Number(f[11]) + Number(f[12]) });
      } catch {
        // the process ended meanwhile
      }
    }
  } catch {
    // not Linux
  }
  return { procs, busy, total, at: performance.now() };
}

function cpuShares(a: ReturnType<typeof cpuSnapshot>, b: ReturnType<typeof cpuSnapshot>, pids: number[]): Record<string, number> {
  const seconds = (b.at - a.at) / 1000;
  const out: Record<string, number> = {
    'load generator': 0,
    'ttdn processes': 0,
    'postgres: this database': 0,
    'postgres: other': 0,
    other: 0,
  };
  for (const [pid, p] of b.procs) {
    const ticks = p.ticks - (a.procs.get(pid)?.ticks ?? 0);
    const group =
      pid === process.pid
        ? 'load generator'
        : pids.includes(pid)
          ? 'ttdn processes'
          : p.comm.startsWith('postgres')
            ? p.comm === 'postgres: this database'
              ? p.comm
              : 'postgres: other'
            : 'other';
    out[group] += ticks;
  }
  for (const k of Object.keys(out)) out[k] = Math.round(out[k] / seconds); // 100 ticks/s: ticks per second = % of one core
  out['machine busy % (all cores)'] = b.total > a.total ? Math.round((100 * (b.busy - a.busy)) / (b.total - a.total)) : NaN;
  return out;
}

interface Report {
  id: string;
  version: number;
  status: string;
  entries: {
    taskId: string;
    status: string;
    completedOn: string | null;
    done: string;
    difficulties: string;
    proposals: string;
    figures: Record<string, { value: number | null; prefilled: number | null; reason: string | null }>;
  }[];
  answers: string[];
}

/** The whole draft, as the report screen autosaves it, with one entry's text changed. */
function draftBody(r: Report, step: number) {
  const i = step % Math.max(1, r.entries.length);
  const entries = r.entries.map((e, j) => ({
    taskId: e.taskId,
    status: j === i ? 'in_progress' : e.status,
    completedOn: e.completedOn,
    done:
      j === i
        ? `Đã tổ chức ${step} hoạt động tuyên truyền, giới thiệu hình ảnh, tiềm năng của tỉnh; phối hợp các cơ quan báo chí đưa tin, bài; cập nhật lần ${step}.`
        : e.done,
    difficulties: e.difficulties,
    proposals: e.proposals,
    figures: Object.fromEntries(
      Object.entries(e.figures)
        .filter(([, f]) => typeof f.value === 'number')
        .map(([code, f]) => [code, { value: f.value as number, prefilled: f.prefilled, reason: f.reason }]),
    ),
  }));
  return {
    version: r.version,
    entries,
    answers: r.answers.map((_, k) => `Trả lời câu hỏi ${k + 1}, lần ${step}.`),
    difficulties: 'Kinh phí còn hạn chế.',
    proposals: 'Đề nghị bổ sung kinh phí.',
  };
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const { world } = o;
  const accounts = world.accounts;
  const kinds = new Map<string, { ms: number[]; errors: number }>();
  const logins: number[] = [];
  let loginErrors = 0;
  const errorSamples: string[] = [];
  const submitted: string[] = [];
  const noteError = (what: string) => {
    if (errorSamples.length < 10) errorSamples.push(what);
  };
  const start = performance.now();
  const windowStart = start + o.rampUpMs;
  const windowEnd = windowStart + o.durationMs;
  let lastDone = windowEnd;
  const [thinkMin, thinkMax] = o.thinkMs;

  const timed = async (s: Session, kind: string, method: string, path: string, body?: unknown) => {
    const t = performance.now();
    let res = { status: 0, text: '', json: () => null as unknown };
    try {
      res = await s.call(method, path, body);
    } catch (err) {
      res.text = (err as Error).message;
    }
    const done = performance.now();
    lastDone = Math.max(lastDone, done);
    const k = kinds.get(kind) ?? kinds.set(kind, { ms: [], errors: 0 }).get(kind)!;
    k.ms.push(done - t);
    if (res.status < 200 || res.status >= 300) {
      k.errors++;
      noteError(`${kind} ${method} ${path} → ${res.status} ${res.text.slice(0, 160)}`);
    }
    return res;
  };

  const client = async (n: number) => {
    const a = accounts[n];
    const base = o.urls[n % o.urls.length];
    const rnd = random((o.seed ?? 1) * 1_000_003 + n);
    const think = () => thinkMin + rnd() * (thinkMax - thinkMin);
    await sleep(start + (o.rampUpMs * n) / accounts.length - performance.now());
    let s: Session;
    try {
      s = await session(base, a.username, o.password);
      logins.push(s.loginMs);
    } catch (err) {
      loginErrors++;
      noteError((err as Error).message);
      return;
    }
    // Officers open their report before the window (the screen they will keep working in).
    let report: Report | null = null;
    const periodId = a.periodId ?? world.periodId;
    if (a.role === 'officer') {
      const opened = await s.call('POST', `/api/report-periods/${periodId}/reports`, { orgId: a.orgId });
      const got = opened.status === 200 ? await s.call('GET', `/api/reports/${opened.json().id}`) : opened;
      if (got.status !== 200) {
        loginErrors++;
        noteError(`setup ${a.username} → ${got.status} ${got.text.slice(0, 160)}`);
        return;
      }
      report = got.json();
    }
    const mix = MIX[a.role];
    const weight = mix.reduce((sum, [, w]) => sum + w, 0);
    const tour = mix.map(([k]) => k).sort(() => rnd() - 0.5);
    const pick = () => {
      let r = rnd() * weight;
      for (const [k, w] of mix) if ((r -= w) < 0) return k;
      return mix[0][0];
    };
    await sleep(windowStart + think() - performance.now());
    for (let step = 1; performance.now() < windowEnd || (o.completeTour && tour.length > 0); step++) {
      let kind = tour.shift() ?? pick();
      if (kind === 'autosave' && report!.status !== 'draft' && report!.status !== 'returned') kind = 'report';
      const q = PRESS_QUERIES[step % PRESS_QUERIES.length];
      if (kind === 'me') await timed(s, kind, 'GET', '/api/auth/me');
      else if (kind === 'notifications') await timed(s, kind, 'GET', '/api/notifications?pageSize=20');
      else if (kind === 'periods') await timed(s, kind, 'GET', '/api/report-periods');
      else if (kind === 'period') await timed(s, kind, 'GET', `/api/report-periods/${periodId}`);
      else if (kind === 'tasks') await timed(s, kind, 'GET', `/api/orgs/${a.orgId}/tasks?year=${world.year}`);
      else if (kind === 'report open') await timed(s, kind, 'POST', `/api/report-periods/${periodId}/reports`, { orgId: a.orgId });
      else if (kind === 'report') {
        const r = await timed(s, kind, 'GET', `/api/reports/${report!.id}`);
        if (r.status === 200) report = r.json() as Report;
      } else if (kind === 'autosave') {
        const r = await timed(s, kind, 'PUT', `/api/reports/${report!.id}`, draftBody(report!, step));
        if (r.status === 200) report!.version = (r.json() as { version: number }).version;
        if (r.status === 200 && rnd() < (o.submitChance ?? 0)) {
          await sleep(think());
          const sub = await timed(s, 'submit', 'POST', `/api/reports/${report!.id}/submit`, { version: report!.version });
          if (sub.status === 200) {
            report = { ...report!, ...(sub.json() as { status: string; version: number }) };
            submitted.push(report.id);
          }
        }
      } else if (kind === 'dashboard') await timed(s, kind, 'GET', `/api/report-periods/${world.periodId}/dashboard`);
      else if (kind === 'consolidated') await timed(s, kind, 'GET', `/api/report-periods/${world.periodId}/consolidated`);
      else if (kind === 'plan') await timed(s, kind, 'GET', `/api/plans/${world.planId}`);
      else if (kind === 'press search') await timed(s, kind, 'GET', `/api/press/articles?q=${encodeURIComponent(q)}&pageSize=20`);
      else if (kind === 'activities') await timed(s, kind, 'GET', `/api/activities?page=1&pageSize=25`);
      else if (kind === 'audit') await timed(s, kind, 'GET', '/api/audit?pageSize=50');
      else if (kind === 'users') await timed(s, kind, 'GET', '/api/users');
      else if (kind === 'orgs') await timed(s, kind, 'GET', `/api/orgs?page=${1 + (step % 2)}&pageSize=50`);
      await sleep(think());
    }
  };

  let before: ReturnType<typeof cpuSnapshot> | null = null;
  const snap = sleep(windowStart - performance.now()).then(() => (before = cpuSnapshot(o.database)));
  await Promise.all([snap, ...accounts.map((_, n) => client(n))]);
  const after = cpuSnapshot(o.database);
  let all: number[] = [];
  let errors = loginErrors;
  const byKind: LoadResult['byKind'] = {};
  for (const [k, v] of [...kinds].sort((x, y) => y[1].ms.length - x[1].ms.length)) {
    all = all.concat(v.ms);
    errors += v.errors;
    byKind[k] = stats(v.ms, v.errors);
  }
  const took = lastDone - windowStart;
  const roles: Record<string, number> = {};
  for (const a of accounts) roles[a.role] = (roles[a.role] ?? 0) + 1;
  return {
    ...stats(all, errors),
    clients: accounts.length,
    roles,
    thinkMs: o.thinkMs,
    rampUpMs: o.rampUpMs,
    durationMs: took,
    requests: all.length,
    rps: all.length / (took / 1000),
    errorSamples,
    byKind,
    login: { ...stats(logins, loginErrors), perSecond: accounts.length / Math.max(1, o.rampUpMs / 1000) },
    submitted,
    cpu: cpuShares(before!, after, o.pids ?? []),
    loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

/** Client shares by role on the busiest day: mostly officers writing reports, a few overseers (at least one each). */
export function roleCounts(clients: number): Record<Role, number> {
  const share = (p: number) => Math.max(1, Math.round(p * clients));
  const c = { secretariat: share(0.12), leader: share(0.1), inspector: share(0.05), admin: share(0.03) };
  return { officer: clients - c.secretariat - c.leader - c.inspector - c.admin, ...c };
}

/**
 * Sets up the clients' world through the API (any database): finds the provincial plan and
 * its 2023 six-month period, creates one account per client (officers spread over the
 * organisations that owe that report; when there are more officers than organisations, the
 * secretariat sends ad-hoc requests to all of them so each officer still writes a report of
 * their own), and returns what runLoad needs.
 */
export async function prepareWorld(o: {
  url: string;
  password: string;
  admin: string;
  secretariat: string;
  clients: number;
  year?: number;
}): Promise<LoadWorld> {
  const year = o.year ?? 2023;
  const admin = await session(o.url, o.admin, o.password);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bench reads the API's JSON loosely
  const ok = async (r: Promise<{ status: number; text: string; json: () => any }>, what: string) => {
    const res = await r;
    if (res.status < 200 || res.status >= 300) throw new Error(`${what}: ${res.status} ${res.text.slice(0, 200)}`);
    return res.json();
  };
  const plan = (await ok(admin.call('GET', `/api/plans?scope=province&year=${year}`), 'plans')).items.find(
    (p: { status: string }) => p.status !== 'draft',
  );
  const periods = (await ok(admin.call('GET', `/api/report-periods?planId=${plan.id}&year=${year}`), 'periods')).items;
  const sixMonths = periods.find((p: { kind: string }) => p.kind === 'six_months');
  const expected: { orgId: string; name: string; tasks: { taskId: string }[] }[] = (
    await ok(admin.call('GET', `/api/report-periods/${sixMonths.id}`), 'period')
  ).expected;
  const demoUsers: { username: string; role: Role; orgId: string | null }[] = (await ok(admin.call('GET', '/api/users'), 'users')).items;
  const orgOf = (role: Role) => demoUsers.find((u) => u.role === role)?.orgId ?? null;

  const counts = roleCounts(o.clients);
  const slots = Math.ceil(counts.officer / expected.length);
  const officerPeriods = [sixMonths.id as string];
  if (slots > 1) {
    const secretariat = await session(o.url, o.secretariat, o.password);
    const deadline = new Date(Date.now() + 7 * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
    const taskIds = [...new Set(expected.flatMap((e) => e.tasks.map((t) => t.taskId)))].slice(0, 5);
    for (let k = 1; k < slots; k++) {
      const p = await ok(
        secretariat.call('POST', '/api/report-periods/ad-hoc', {
          title: `Báo cáo đột xuất số ${k} về công tác thông tin đối ngoại (thử tải)`,
          planId: plan.id,
          orgIds: expected.map((e) => e.orgId),
          taskIds,
          questions: ['Số tin, bài về tỉnh đã đăng trên báo chí nước ngoài?', 'Khó khăn, vướng mắc?'],
          deadline,
        }),
        'ad-hoc request',
      );
      officerPeriods.push(p.id);
    }
  }

  const accounts: Account[] = [];
  for (const role of ['officer', 'secretariat', 'leader', 'inspector', 'admin'] as Role[]) {
    for (let i = 0; i < counts[role]; i++) {
      const org = role === 'officer' ? expected[i % expected.length].orgId : orgOf(role);
      const periodId = role === 'officer' ? officerPeriods[Math.floor(i / expected.length)] : null;
      accounts.push({ username: `load.${role}.${String(i + 1).padStart(3, '0')}`, role, orgId: org, periodId });
    }
  }
  // Interleave roles so that every API process and every part of the ramp-up gets the same mix.
  const step = accounts.length / counts.officer;
  const officers = accounts.filter((a) => a.role === 'officer');
  const others = accounts.filter((a) => a.role !== 'officer');
  const mixed: Account[] = [];
  for (let i = 0; i < officers.length; i++) {
    mixed.push(officers[i]);
    while (others.length && mixed.length < (i + 1) * step) mixed.push(others.shift()!);
  }
  mixed.push(...others);

  // Accounts are created four at a time (each costs an argon2id hash on the server).
  const queue = [...mixed];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let a = queue.shift(); a; a = queue.shift()) {
        const res = await admin.call('POST', '/api/users', {
          username: a.username,
          displayName: `Người dùng thử tải ${a.username}`,
          password: o.password,
          role: a.role,
          orgId: a.orgId,
        });
        if (res.status !== 201 && res.status !== 409) throw new Error(`user ${a.username}: ${res.status} ${res.text.slice(0, 200)}`);
      }
    }),
  );
  return { planId: plan.id, periodId: sixMonths.id, year, accounts: mixed };
}

/** The secretariat returns the given reports (so a following run's officers can write them again). */
export async function returnReports(o: { url: string; password: string; secretariat: string; ids: string[] }) {
  const s = await session(o.url, o.secretariat, o.password);
  for (const id of o.ids) {
    const r = await s.call('POST', `/api/reports/${id}/return`, { comment: 'Đề nghị bổ sung số liệu.' });
    if (r.status !== 200) throw new Error(`return ${id}: ${r.status} ${r.text.slice(0, 200)}`);
  }
}
