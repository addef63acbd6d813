import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cloneTestDatabase } from '../../test/db';
import { testConfig } from '../../test/context';
import type { Database } from '../db/client';
import { startWorker } from './runner';
import type { JobDefinition } from './types';

/**
 * The job runner: a job never runs twice at once, neither in one process (its own lease would let
 * it) nor across two workers on one database (the lease in job_leases).
 */
let database: Database;
beforeAll(async () => {
  database = await cloneTestDatabase(inject('templateName'));
});
afterAll(async () => {
  await database?.close();
});

function slowJob() {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const stats = { runs: 0, active: 0, maxActive: 0 };
  const job: JobDefinition = {
    name: `test.slow.${Math.random().toString(36).slice(2)}`,
    everyMs: 300,
    leaseMs: 60_000,
    async run() {
      stats.runs++;
      stats.active++;
      stats.maxActive = Math.max(stats.maxActive, stats.active);
      await gate;
      stats.active--;
    },
  };
  return { job, stats, release };
}

const log = pino({ level: 'silent' });

describe('job runner', () => {
  it('does not start a job again in the same worker while it runs (timer ticks and runAll)', async () => {
    const { job, stats, release } = slowJob();
    const worker = startWorker({ db: database.db, config: testConfig(), log }, [job]);
    const first = worker.runAll();
    await new Promise((r) => setTimeout(r, 1_500)); // several timer ticks (every 300 ms) and the first-run timer
    await Promise.race([worker.runAll(), new Promise((r) => setTimeout(r, 2_000))]); // a second run would wait at the gate
    expect(stats.runs).toBe(1);
    release();
    await first;
    expect(stats.maxActive).toBe(1);
    await worker.runAll();
    expect(stats.runs).toBeGreaterThanOrEqual(2); // finished: it runs again
    await worker.stop();
    expect(stats.maxActive).toBe(1);
  });

  it('a second worker on the same database waits for the first one’s lease', async () => {
    const { job, stats, release } = slowJob();
    const a = startWorker({ db: database.db, config: testConfig(), log }, [{ ...job, everyMs: 3_600_000 }]);
    const b = startWorker({ db: database.db, config: testConfig(), log }, [{ ...job, everyMs: 3_600_000 }]);
    const running = a.runAll();
    await new Promise((r) => setTimeout(r, 200));
    await b.runAll();
    expect(stats.runs).toBe(1);
    release();
    await running;
    await b.runAll(); // the lease was handed back when the run ended
    expect(stats.runs).toBeGreaterThanOrEqual(2);
    await Promise.all([a.stop(), b.stop()]);
    expect(stats.maxActive).toBe(1);
  });
});
