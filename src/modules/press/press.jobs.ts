import crypto from 'node:crypto';
import os from 'node:os';
import type { JobDefinition } from '../../jobs/types';
import { deliverOutbox } from '../notifications';
import { checkVolumeSpikes } from './alerts.service';
import { createIngestContext } from './ingest.service';
import { pollDueSources } from './poll.service';

const owner = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;

/**
 * Poll due press sources. The job lease lets one worker run it at a time, and each source is
 * also claimed row by row (SKIP LOCKED), so workers running `pollDueSources` concurrently
 * never fetch the same source, nor the same article, twice.
 */
export const pressPollJob: JobDefinition = {
  name: 'press.poll',
  everyMs: 60_000,
  leaseMs: 15 * 60_000,
  async run(ctx) {
    const ingest = await createIngestContext(ctx.db, ctx.config, ctx.log, ctx.now());
    for (let round = 0; round < 10; round++) {
      const reports = await pollDueSources(ingest, { owner, batch: 10 });
      if (reports.length)
        ctx.log.info({ sources: reports.length, created: reports.reduce((s, r) => s + r.created, 0) }, 'press sources polled');
      if (reports.length < 10) break;
      ingest.now = ctx.now();
    }
  },
};

/** Volume-spike alert rules, every 10 minutes. */
export const pressSpikeJob: JobDefinition = {
  name: 'press.volume_spikes',
  everyMs: 10 * 60_000,
  async run(ctx) {
    if (await checkVolumeSpikes(ctx.db, ctx.now())) await deliverOutbox(ctx.db, ctx.config, ctx.log);
  },
};

export const PRESS_JOBS = [pressPollJob, pressSpikeJob];
