/**
 * Crash-safety harness: operations that change state over HTTP, each knowing how to check
 * after a restart that what the server acknowledged is there and whole. Modules add their
 * operations to CRASH_OPS (report submissions, activity imports…): the storm, the kill and
 * the checks stay the same.
 */
export interface Http {
  base: string;
  cookie: string;
  csrf: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- operations read the API's JSON loosely
  call(method: string, url: string, body?: unknown): Promise<{ status: number; body: any }>;
}

export async function httpLogin(base: string, username: string, password: string): Promise<Http> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const http: Http = {
    base,
    cookie,
    csrf: csrfToken,
    async call(method, url, body) {
      const r = await fetch(`${base}${url}`, {
        method,
        headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await r.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        /* not JSON */
      }
      return { status: r.status, body: parsed };
    },
  };
  return http;
}

export interface CrashOp {
  name: string;
  /** Once, before the storm (on the first server). */
  prepare?(http: Http, run: string): Promise<void>;
  /** The i-th request. Resolves with the acknowledgement to remember on 2xx, or null. */
  send(http: Http, run: string, i: number): Promise<unknown | null>;
  /** After the restart: every problem found (acknowledged but missing, half-written…). */
  check(http: Http, run: string, acks: unknown[]): Promise<string[]>;
}

const auditFor = async (http: Http, entity: string, entityId: string) =>
  (
    (await http.call('GET', `/api/audit?entity=${entity}&entityId=${entityId}&pageSize=500`)).body as {
      items: { action: string; after: Record<string, unknown> | null }[];
    }
  ).items;

/** Every organisation this run made or touched: name and aliases must tell the same story. */
async function runOrgs(http: Http, run: string) {
  const res = await http.call('GET', `/api/orgs?q=${encodeURIComponent(run)}&pageSize=500`);
  return (res.body as { items: { id: string; name: string; aliases: string[]; version: number }[] }).items;
}

export const orgCreate: CrashOp = {
  name: 'organisation create',
  async send(http, run, i) {
    const r = await http.call('POST', '/api/orgs', {
      name: `${run} tạo ${i}`,
      kind: 'department',
      aliases: [`${run}-c${i}-a`, `${run}-c${i}-b`],
    });
    return r.status === 201 ? { id: r.body.id, i } : null;
  },
  async check(http, run, acks) {
    const problems: string[] = [];
    for (const a of acks as { id: string; i: number }[]) {
      const r = await http.call('GET', `/api/orgs/${a.id}`);
      if (r.status !== 200) problems.push(`acknowledged org ${a.i} missing (${r.status})`);
      else if (r.body.name !== `${run} tạo ${a.i}`) problems.push(`org ${a.i} has name ${r.body.name}`);
      if (!(await auditFor(http, 'org', a.id)).some((e) => e.action === 'create')) problems.push(`org ${a.i} has no audit record`);
    }
    // Whole: every created org (acknowledged or cut off) has both aliases and its audit record.
    for (const o of await runOrgs(http, `${run} tạo`)) {
      const i = o.name.split(' ').pop();
      if (o.aliases.sort().join() !== `${run}-c${i}-a,${run}-c${i}-b`) problems.push(`org ${o.name} has aliases ${o.aliases.join(',')}`);
      if (!(await auditFor(http, 'org', o.id)).length) problems.push(`org ${o.name} exists without audit`);
    }
    return problems;
  },
};

/** Edits: a set of organisations, each edited in sequence (version n → n+1), alias tied to the name. */
const EDITED = 12;
const editState = new Map<string, { ids: string[]; versions: number[]; busy: boolean[] }>();
export const orgEdit: CrashOp = {
  name: 'organisation edit',
  async prepare(http, run) {
    const ids: string[] = [];
    for (let k = 0; k < EDITED; k++) {
      const r = await http.call('POST', '/api/orgs', { name: `${run} sửa ${k} lần 0`, kind: 'district', aliases: [`${run}-e${k}-0`] });
      if (r.status !== 201) throw new Error(`prepare: ${r.status} ${JSON.stringify(r.body)}`);
      ids.push(r.body.id);
    }
    editState.set(run, { ids, versions: ids.map(() => 1), busy: ids.map(() => false) });
  },
  async send(http, run, i) {
    const s = editState.get(run)!;
    let k = -1;
    for (let j = 0; j < EDITED && k < 0; j++) if (!s.busy[(i + j) % EDITED]) k = (i + j) % EDITED;
    if (k < 0) return null;
    s.busy[k] = true;
    try {
      const v = s.versions[k];
      const r = await http.call('PUT', `/api/orgs/${s.ids[k]}`, {
        name: `${run} sửa ${k} lần ${v}`,
        kind: 'district',
        aliases: [`${run}-e${k}-${v}`],
        version: v,
      });
      if (r.status !== 200) return null;
      s.versions[k] = v + 1;
      return { id: s.ids[k], k, version: v + 1 };
    } finally {
      s.busy[k] = false;
    }
  },
  async check(http, run, acks) {
    const problems: string[] = [];
    const s = editState.get(run)!;
    for (const [k, id] of s.ids.entries()) {
      const r = await http.call('GET', `/api/orgs/${id}`);
      const acked = Math.max(1, ...(acks as { k: number; version: number }[]).filter((a) => a.k === k).map((a) => a.version));
      if (r.status !== 200) {
        problems.push(`edited org ${k} missing`);
        continue;
      }
      // At least the acknowledged version (one more may have committed as the server died).
      if (r.body.version < acked) problems.push(`org ${k}: version ${r.body.version} < acknowledged ${acked}`);
      const v = r.body.version - 1;
      if (r.body.name !== `${run} sửa ${k} lần ${v}` || r.body.aliases.join() !== `${run}-e${k}-${v}`) {
        problems.push(`org ${k} half-written: v${r.body.version} ${r.body.name} [${r.body.aliases}]`);
      }
      const updates = (await auditFor(http, 'org', id)).filter((e) => e.action === 'update').length;
      if (updates !== r.body.version - 1) problems.push(`org ${k}: ${updates} audit updates for version ${r.body.version}`);
    }
    return problems;
  },
};

export const userCreate: CrashOp = {
  name: 'user create',
  async send(http, run, i) {
    const username = `${run.toLowerCase()}.u${i}`;
    const r = await http.call('POST', '/api/users', {
      username,
      password: `Mat-khau-2026-${i}`,
      role: 'leader',
      displayName: `${run} user ${i}`,
    });
    return r.status === 201 ? { id: r.body.id, username } : null;
  },
  async check(http, run, acks) {
    const problems: string[] = [];
    const users = (await http.call('GET', '/api/users')).body.items as { id: string; username: string }[];
    for (const a of acks as { id: string; username: string }[]) {
      if (!users.some((u) => u.id === a.id && u.username === a.username)) problems.push(`acknowledged user ${a.username} missing`);
    }
    for (const u of users.filter((u) => u.username.startsWith(`${run.toLowerCase()}.u`))) {
      if (!(await auditFor(http, 'user', u.id)).some((e) => e.action === 'create')) problems.push(`user ${u.username} without audit`);
    }
    return problems;
  },
};

/** Today's state-changing operations; later modules append theirs. */
export const CRASH_OPS: CrashOp[] = [orgCreate, orgEdit, userCreate];

export interface Storm {
  acks: Map<CrashOp, unknown[]>;
  sent: number;
  acknowledged: number;
  /** Resolves once `killAfter` acknowledgements arrived; the storm goes on until stop(). */
  reached: Promise<void>;
  stop(): Promise<void>;
}

/** Fires requests from `concurrency` loops, round-robin over the operations, until stopped. */
export function storm(http: Http, run: string, ops: CrashOp[], concurrency: number, killAfter: number): Storm {
  const acks = new Map<CrashOp, unknown[]>(ops.map((o) => [o, []]));
  let next = 0;
  let stopped = false;
  let resolveReached!: () => void;
  const reached = new Promise<void>((r) => (resolveReached = r));
  const s: Storm = {
    acks,
    sent: 0,
    acknowledged: 0,
    reached,
    stop: async () => {
      stopped = true;
      await Promise.allSettled(loops);
    },
  };
  const loop = async () => {
    while (!stopped) {
      const i = next++;
      const op = ops[i % ops.length];
      s.sent++;
      try {
        const ack = await op.send(http, run, i);
        if (ack !== null) {
          acks.get(op)!.push(ack);
          if (++s.acknowledged >= killAfter) resolveReached();
        }
      } catch {
        // Connection refused or reset: the server is gone, nothing was acknowledged.
        if (!stopped) await new Promise((r) => setTimeout(r, 20));
      }
    }
  };
  const loops = Array.from({ length: concurrency }, loop);
  return s;
}
