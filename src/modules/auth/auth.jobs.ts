import type { JobDefinition } from '../../jobs/types';
import { purgeExpired } from './auth.service';

/** Housekeeping, hourly: expired sessions and old login attempts are deleted (purgeExpired). */
export const authPurgeJob: JobDefinition = {
  name: 'auth.purge_expired',
  everyMs: 60 * 60_000,
  async run(ctx) {
    await purgeExpired(ctx.db);
  },
};
