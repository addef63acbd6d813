import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config';
import type { Db } from '../db/client';

export interface JobContext {
  db: Db;
  config: Config;
  log: FastifyBaseLogger;
  now(): Date;
}

/**
 * A periodic background job, declared once: its name, how often it runs, and its handler.
 * Work items inside a job must be claimed safely (e.g. `FOR UPDATE SKIP LOCKED` or a
 * conditional UPDATE … RETURNING) when several workers may share one PostgreSQL.
 */
export interface JobDefinition {
  name: string;
  everyMs: number;
  /** How long one run may hold the job before another worker may take it over. */
  leaseMs?: number;
  run(ctx: JobContext): Promise<void>;
}
