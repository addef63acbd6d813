import type { JobDefinition } from './types';
import { PRESS_JOBS } from '../modules/press/press.jobs';
import { reportRemindersJob } from '../modules/reports/reminders.job';
import { mailOutboxJob } from '../modules/notifications/outbox';
import { authPurgeJob } from '../modules/auth/auth.jobs';

/** Every background job of the product. Modules add theirs here. */
export const JOBS: JobDefinition[] = [...PRESS_JOBS, reportRemindersJob, mailOutboxJob, authPurgeJob];
