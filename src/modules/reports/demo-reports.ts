import type { Db } from '../../db/client';
import { SYSTEM_ACTOR } from '../audit';
import { ensureDefaultIndicators } from './indicators';
import { generatePeriods } from './periods.service';

/** Demo data: the indicator catalogue and the reporting periods of the demo plan (2023: six months, year). */
export async function seedDemoReports(db: Db, planId: string) {
  await ensureDefaultIndicators(db);
  await generatePeriods(db, planId, null, SYSTEM_ACTOR);
}
