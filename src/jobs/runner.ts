import crypto from 'node:crypto';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../db/client';
import type { JobContext, JobDefinition } from './types';

/**
 * Runs periodic jobs. Each run first takes the job's lease in the database, so with several
 * worker processes on one PostgreSQL a job runs in one of them at a time; a lease left by a
 * dead worker expires. Returns a stop function that waits for running jobs to finish.
 */
export function startWorker(ctx: Omit<JobContext, 'now'> & { now?: () => Date }, jobs: JobDefinition[]) {
  const owner = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
  const now = ctx.now ?? (() => new Date());
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<void>>();
  /** Jobs running in this process: the lease below is this owner's, so it would let a second run start. */
  const inFlight = new Set<string>();
  let stopped = false;

  const runOnce = async (job: JobDefinition) => {
    if (stopped || inFlight.has(job.name)) return;
    inFlight.add(job.name);
    try {
      await leaseAndRun(job);
    } finally {
      inFlight.delete(job.name);
    }
  };

  const leaseAndRun = async (job: JobDefinition) => {
    const leaseMs = job.leaseMs ?? Math.max(job.everyMs * 2, 60_000);
    const taken = rowsOf(
      await ctx.db.execute(sql`
        INSERT INTO job_leases (name, owner, leased_until) VALUES (${job.name}, ${owner}, now() + ${`${leaseMs} milliseconds`}::interval)
        ON CONFLICT (name) DO UPDATE SET owner = EXCLUDED.owner, leased_until = EXCLUDED.leased_until
          WHERE job_leases.leased_until < now() OR job_leases.owner = ${owner}
        RETURNING name`),
    );
    if (taken.length === 0) return;
    let error: string | null = null;
    try {
      await job.run({ ...ctx, now });
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
      ctx.log.error({ err, job: job.name }, 'job failed');
    }
    await ctx.db.execute(sql`
      UPDATE job_leases SET leased_until = now(), last_run_at = now(), last_error = ${error}
      WHERE name = ${job.name} AND owner = ${owner}`);
  };

  for (const job of jobs) {
    const tick = () => {
      const p = runOnce(job).catch((err) => ctx.log.error({ err, job: job.name }, 'job runner error'));
      running.add(p);
      void p.finally(() => running.delete(p));
    };
    timers.push(setInterval(tick, job.everyMs));
    setTimeout(tick, 1_000).unref();
  }
  ctx.log.info({ owner, jobs: jobs.map((j) => j.name) }, 'worker started');

  return {
    owner,
    /** Run every job once now (tests, and `ttdn` commands that want fresh data). */
    runAll: () => Promise.all(jobs.map(runOnce)),
    async stop() {
      stopped = true;
      timers.forEach(clearInterval);
      await Promise.all(running);
    },
  };
}
