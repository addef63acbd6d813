import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/client';
import { SYSTEM_ACTOR } from '../modules/audit/audit.service';
import { previewImport } from '../modules/plans/plan-import.service';
import { planInput } from '../modules/plans/plans.schemas';
import { createPlan } from '../modules/plans/plans.service';

export const DEMO_PLAN_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'ke-hoach-ttdn-quang-tri-2023.md');

/** The province's 2023 plan (the project's copy of the real document), imported and issued. */
export async function loadDemoPlan(db: Db): Promise<string> {
  const { plan, source } = await previewImport(db, fs.readFileSync(DEMO_PLAN_FILE), path.basename(DEMO_PLAN_FILE));
  const input = planInput.parse({ ...plan, sourceFilename: source.filename, sourceText: source.text });
  return createPlan(db, input, null, SYSTEM_ACTOR, 'issued');
}
