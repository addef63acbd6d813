/**
 * Plans: one issued provincial plan a year for `years` years, `tasksPerYear` tasks each, with
 * lead, advisory and coordinating organisations (named, or a group phrase such as "các sở"),
 * reporting deadlines 25/5 and 25/11, and the reporting periods those deadlines define.
 * Same shape as bench/reports.bench.ts, on the directory already in the database.
 */
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../src/db/client';
import { SYSTEM_ACTOR } from '../../src/modules/audit/audit.service';
import { insertPlan } from '../../src/modules/plans/plan-store';
import { planInput } from '../../src/modules/plans/plans.schemas';
import { generatePeriods } from '../../src/modules/reports/periods.service';
import type { Generator } from './types';

export const BENCH_PLAN_TITLE = 'Kế hoạch thông tin đối ngoại năm';
const GROUPS = ['departments', 'districts', 'provincial_press'];

export const plansGenerator: Generator = {
  name: 'plans, tasks and periods',
  tables: ['plans', 'plan_tasks', 'task_orgs', 'report_periods'],
  async run(db, sizes, log) {
    const orgRows = rowsOf<{ id: string; name: string; kind: string }>(
      await db.execute(sql`SELECT id, name, kind FROM orgs WHERE kind <> 'province' ORDER BY name`),
    );
    const [province] = rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM orgs WHERE kind = 'province' LIMIT 1`));
    const n = orgRows.length;
    const entry = (i: number) => ({ name: orgRows[i % n].name, orgId: orgRows[i % n].id, raw: orgRows[i % n].name });
    const group = (key: string) => ({ name: key, orgId: null, raw: key, group: key });
    const thisYear = new Date().getFullYear();
    let periods = 0;
    for (let year = thisYear - sizes.years + 1; year <= thisYear; year++) {
      const tasks = Array.from({ length: sizes.tasksPerYear }, (_, k) => ({
        code: String(k + 1),
        parent: null,
        title: `Nhiệm vụ ${k + 1} năm ${year}: tuyên truyền, quảng bá hình ảnh tỉnh`,
        content: [`Nội dung nhiệm vụ ${k + 1}: tổ chức các hoạt động thông tin đối ngoại theo kế hoạch.`],
        time: { label: `Cả năm ${year}`, from: `${year}-01-01`, to: k % 10 === 3 ? `${year}-03-31` : `${year}-12-31` },
        lead: [entry(k * 7), ...(k % 4 === 0 ? [entry(k * 13 + 5)] : [])],
        advisory: k % 5 === 0 ? [entry(k * 3 + 1)] : [],
        coordinating: [group(GROUPS[k % 3]), entry(k * 11 + 2)],
        targets: [],
        notes: [],
      }));
      const input = planInput.parse({
        document: {
          kind: 'KẾ HOẠCH',
          number: String(10 + (year % 90)),
          numberCode: 'KH-UBND',
          issuer: 'UBND tỉnh Quảng Trị',
          place: 'Quảng Trị',
          issuedOn: `${year}-01-05`,
          title: `${BENCH_PLAN_TITLE} ${year}`,
          yearFrom: year,
          yearTo: year,
          signer: null,
          signerTitle: [],
        },
        tasks,
        reporting: {
          deadlines: [
            { day: 25, month: 5 },
            { day: 25, month: 11 },
          ],
          adHoc: true,
          text: [],
        },
      });
      const planId = await insertPlan(db, input, { status: 'issued', createdBy: null, orgId: province?.id ?? null });
      periods += (await generatePeriods(db, planId, null, SYSTEM_ACTOR)).created.length;
    }
    log(`plans: +${sizes.years} (issued, ${sizes.tasksPerYear} tasks each with roles), periods: +${periods}`);
  },
};
