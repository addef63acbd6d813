import { percentile } from './measure';

/**
 * Mixed-role load: N clients, each logged in as one of the demo roles, each looping over a
 * role-appropriate mix of reads, writes and re-logins against a list of API processes
 * (round-robin, as a load balancer would), until the deadline. Used by bench/load.ts (200
 * clients, 60 s) and test/load.test.ts (a few seconds).
 */
export interface LoadOptions {
  urls: string[];
  clients: number;
  durationMs: number;
  password: string;
  /** Username per role. */
  users: Record<'admin' | 'secretariat' | 'leader' | 'officer' | 'inspector', string>;
}

export interface LoadResult {
  clients: number;
  durationMs: number;
  requests: number;
  rps: number;
  errors: number;
  errorSamples: string[];
  p50: number;
  p95: number;
  p99: number;
  byKind: Record<string, { n: number; p99: number }>;
}

type Role = keyof LoadOptions['users'];
const ROLES: Role[] = ['officer', 'leader', 'secretariat', 'inspector', 'admin'];

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const kinds = new Map<string, number[]>();
  const errorSamples: string[] = [];
  let errors = 0;
  const deadline = Date.now() + o.durationMs;
  const started = Date.now();

  const timed = async (kind: string, url: string, init: RequestInit, ok: (s: number) => boolean = (s) => s >= 200 && s < 300) => {
    const t = performance.now();
    try {
      const res = await fetch(url, init);
      const body = await res.text();
      const ms = performance.now() - t;
      latencies.push(ms);
      (kinds.get(kind) ?? kinds.set(kind, []).get(kind)!).push(ms);
      if (!ok(res.status)) {
        errors++;
        if (errorSamples.length < 10) errorSamples.push(`${kind} ${res.status} ${body.slice(0, 120)}`);
      }
      return { status: res.status, body };
    } catch (err) {
      errors++;
      if (errorSamples.length < 10) errorSamples.push(`${kind} ${(err as Error).message}`);
      return { status: 0, body: '' };
    }
  };

  const client = async (n: number) => {
    const role = ROLES[n % ROLES.length];
    const base = o.urls[n % o.urls.length];
    let cookie = '';
    let csrf = '';
    const login = async () => {
      const t = performance.now();
      try {
        const res = await fetch(`${base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
          body: JSON.stringify({ username: o.users[role], password: o.password }),
        });
        const body = (await res.json()) as { csrfToken?: string };
        latencies.push(performance.now() - t);
        (kinds.get('login') ?? kinds.set('login', []).get('login')!).push(performance.now() - t);
        if (res.status !== 200) throw new Error(`login ${res.status}`);
        cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
        csrf = body.csrfToken ?? '';
      } catch (err) {
        errors++;
        if (errorSamples.length < 10) errorSamples.push(`login ${(err as Error).message}`);
      }
    };
    await login();
    const h = () => ({ cookie, 'x-csrf-token': csrf });
    let created: { id: string; version: number } | null = null;
    let i = 0;
    while (Date.now() < deadline) {
      const r = (n * 7919 + i++ * 104729) % 100;
      if (r < 3) await login();
      else if (r < 38) await timed('orgs list', `${base}/api/orgs?page=${1 + (i % 3)}`, { headers: h() });
      else if (r < 55) await timed('orgs search', `${base}/api/orgs?q=${encodeURIComponent(['sở', 'huyện', 'báo', 'ubnd', 'đơn vị'][i % 5])}`, { headers: h() });
      else if (r < 68) await timed('org lookup', `${base}/api/orgs/lookup?name=${encodeURIComponent(['So TTTT', 'Sở Ngoại vụ', 'UBND huyện Hải Lăng'][i % 3])}`, { headers: h() });
      else if (r < 80) await timed('me', `${base}/api/auth/me`, { headers: h() });
      else if (r < 90 && (role === 'admin' || role === 'inspector')) await timed('audit', `${base}/api/audit?pageSize=50`, { headers: h() });
      else if (r < 100 && (role === 'admin' || role === 'secretariat')) {
        if (!created || r % 2 === 0) {
          const res = await timed('org create', `${base}/api/orgs`, {
            method: 'POST',
            headers: { ...h(), 'content-type': 'application/json' },
            body: JSON.stringify({ name: `Đơn vị tải ${n}-${i}`, kind: 'other', aliases: [`DVT ${n}-${i}`] }),
          });
          if (res.status === 201) created = JSON.parse(res.body);
        } else {
          const res = await timed('org edit', `${base}/api/orgs/${created.id}`, {
            method: 'PUT',
            headers: { ...h(), 'content-type': 'application/json' },
            body: JSON.stringify({ name: `Đơn vị tải ${n}-${i} (sửa)`, kind: 'other', version: created.version }),
          });
          if (res.status === 200) created = JSON.parse(res.body);
        }
      } else await timed('org groups', `${base}/api/org-groups`, { headers: h() });
    }
  };

  await Promise.all(Array.from({ length: o.clients }, (_, n) => client(n)));
  const took = Date.now() - started;
  latencies.sort((a, b) => a - b);
  const byKind: LoadResult['byKind'] = {};
  for (const [k, xs] of kinds) {
    xs.sort((a, b) => a - b);
    byKind[k] = { n: xs.length, p99: percentile(xs, 99) };
  }
  return {
    clients: o.clients,
    durationMs: took,
    requests: latencies.length,
    rps: latencies.length / (took / 1000),
    errors,
    errorSamples,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    byKind,
  };
}
