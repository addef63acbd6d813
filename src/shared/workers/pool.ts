import { Piscina } from 'piscina';
import { AppError } from '../errors';

/**
 * A small pool of worker threads for parsing hostile input (web pages, uploaded documents):
 * the event loop keeps answering while a page or file is parsed, and a parse that runs past its
 * time limit or its memory limit (resourceLimits) ends with its worker terminated, then the
 * caller's own AppError. Workers start on first use and stop when idle.
 */
export interface WorkerJob {
  /** The task module (a file URL, usually `new URL('./x.task.ts', import.meta.url)`). */
  module: URL;
  /** Its exported function, called with `args` (structured-clone copies) in the worker. */
  fn: string;
  timeoutMs: number;
  /** The error the caller gets when the worker is stopped (time or memory). */
  tooComplex: (reason: 'time' | 'memory') => AppError;
}

export const WORKER_MEMORY_MB = 768;
const MAX_THREADS = 2;
const MAX_QUEUE = 64;

let pool: Piscina | null = null;
function getPool(): Piscina {
  pool ??= new Piscina({
    filename: new URL('./entry.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: MAX_THREADS,
    idleTimeout: 30_000,
    maxQueue: MAX_QUEUE,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_MEMORY_MB, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 },
  });
  return pool;
}

type Answer<T> = { ok: true; value: T } | { ok: false; code: string; details: Record<string, unknown> };

export async function runInWorker<T>(job: WorkerJob, ...args: unknown[]): Promise<T> {
  const signal = AbortSignal.timeout(job.timeoutMs);
  let answer: Answer<T>;
  try {
    answer = await getPool().run({ module: job.module.href, fn: job.fn, args }, { signal });
  } catch (error) {
    const e = error as { name?: string; code?: string; message?: string };
    if (e?.name === 'AbortError' || signal.aborted) throw job.tooComplex('time');
    if (e?.code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory|heap limit/i.test(String(e?.message))) throw job.tooComplex('memory');
    if (/queue is at limit/i.test(String(e?.message))) throw new AppError('server.busy');
    throw error;
  }
  if (!answer.ok) throw new AppError(answer.code, answer.details);
  return answer.value;
}

/** Stops the pool's threads (tests, shutdown); a later job starts a new pool. */
export async function closeWorkers() {
  const p = pool;
  pool = null;
  await p?.destroy();
}
