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
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export interface MeasureOptions {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  connections?: number;
  durationSec?: number;
  warmupSec?: number;
}

async function once(o: MeasureOptions, durationSec: number, record: boolean) {
  const latencies: number[] = [];
  const instance = autocannon({
    url: o.url,
    method: o.method ?? 'GET',
    headers: { ...(o.body ? { 'content-type': 'application/json' } : {}), ...(o.headers ?? {}) },
    body: o.body,
    connections: o.connections ?? 10,
    duration: durationSec,
  });
  if (record) instance.on('response', (_c: unknown, _s: number, _b: number, ms: number) => latencies.push(ms));
  const result = await instance;
  return { result, latencies };
}

export async function measure(name: string, o: MeasureOptions): Promise<Measurement> {
  if (o.warmupSec ?? 1) await once(o, o.warmupSec ?? 1, false);
  const { result, latencies } = await once(o, o.durationSec ?? 5, true);
  latencies.sort((a, b) => a - b);
  return {
    name,
    requests: result.requests.total,
    rps: result.requests.total / ((o.durationSec ?? 5) || 1),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
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
