import fs from 'node:fs';
// @ts-expect-error autocannon ships no types (a small surface is used here)
import autocannon from 'autocannon';

/** Throughput and latency of one HTTP call under concurrent load (autocannon, loopback). */
export interface Measurement {
  name: string;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Count of each non-2xx status seen (measured run only). */
  statuses: Record<string, number>;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** One request of a sequence (autocannon's request objects): built just before it is sent, told its answer. */
export interface DynamicRequest {
  setupRequest(req: { headers: Record<string, string> }, context: Record<string, unknown>): Record<string, unknown> | null;
  onResponse?(status: number, body: string, context: Record<string, unknown>): void;
}

export interface MeasureOptions {
  url: string;
  method?: 'GET' | 'POST' | 'PUT';
  /** A content-type given here replaces the default (application/json when there is a body). */
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Requests that change with each call (e.g. a save carrying the version the last one returned); called at the start of each run. */
  requests?: () => DynamicRequest[];
  connections?: number;
  durationSec?: number;
  warmupSec?: number;
}

/** One autocannon run: for `durationSec` (requests in flight at the end are cut off), or until `amount` answers. */
async function once(o: MeasureOptions, run: { durationSec?: number; amount?: number }, record: boolean) {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const instance = autocannon({
    url: o.url,
    method: o.method ?? 'GET',
    headers: { ...(o.body ? { 'content-type': 'application/json' } : {}), ...(o.headers ?? {}) },
    body: o.body,
    requests: o.requests?.(),
    connections: o.connections ?? 10,
    timeout: 30,
    ...(run.amount ? { amount: run.amount } : { duration: run.durationSec }),
  });
  if (record) {
    instance.on('response', (_c: unknown, status: number, _b: number, ms: number) => {
      latencies.push(ms);
      if (status < 200 || status > 299) statuses[status] = (statuses[status] ?? 0) + 1;
    });
  }
  const started = performance.now();
  const result = await instance;
  return { result, latencies, statuses, seconds: (performance.now() - started) / 1000 };
}

/**
 * Warm-up for `warmupSec`, then a measured run of as many requests as the warm-up's rate gives in
 * `durationSec` (at least two per connection): every measured request is answered, none is left
 * running in the server when the next measurement starts, and a slow call still gets samples.
 */
export async function measure(name: string, o: MeasureOptions): Promise<Measurement> {
  const connections = o.connections ?? 10;
  const warmupSec = o.warmupSec ?? 1;
  const warm = await once(o, { durationSec: warmupSec }, false);
  const amount = Math.max(2 * connections, Math.round((warm.result.requests.total / warmupSec) * (o.durationSec ?? 5)));
  const { result, latencies, statuses, seconds } = await once(o, { amount }, true);
  latencies.sort((a, b) => a - b);
  return {
    name,
    requests: result.requests.total,
    rps: result.requests.total / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    statuses,
  };
}

/** Peak resident memory of a process (VmHWM), in MB, on Linux. */
export function peakRssMb(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmHWM:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}
