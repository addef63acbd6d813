/**
 * Reports for the generated plans' periods (as bench/reports.bench.ts): in past years ~90 % of
 * the owed reports were sent (most accepted, some late, a few still under review) with figures
 * and text, and the period is closed; in the current year the periods are open and two owed
 * reports in three are drafts being written (what the report-save benchmark edits).
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { rowsOf } from '../../src/db/client';
import { expectedOrgs } from '../../src/modules/reports/expected';
import { ensureDefaultIndicators } from '../../src/modules/reports/indicators';
import { reportPeriods, reports, type ReportEntry } from '../../src/modules/reports/reports.tables';
import type { Generator } from './types';
import { BENCH_PLAN_TITLE } from './plans';

const STATUSES = ['in_progress', 'done', 'not_started', 'delayed'] as const;

export const reportsGenerator: Generator = {
  name: 'reports',
  tables: ['reports', 'report_periods', 'plans'],
  async run(db, _sizes, log) {
    await ensureDefaultIndicators(db);
    const thisYear = new Date().getFullYear();
    const planIds = rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM plans WHERE title LIKE ${`${BENCH_PLAN_TITLE} %`}`)).map(
      (r) => r.id,
    );
    const periods = planIds.length ? await db.select().from(reportPeriods).where(inArray(reportPeriods.planId, planIds)) : [];
    let sent = 0;
    let drafts = 0;
    for (const p of periods) {
      const current = p.year === thisYear;
      const expected = await expectedOrgs(db, p);
      const values = expected
        .filter((_, i) => (current ? i % 3 !== 2 : i % 10 !== 9))
        .map((e, i) => {
          const entries: ReportEntry[] = e.tasks.map((t, k) => ({
            taskId: t.taskId,
            status: STATUSES[(i + k) % 4],
            completedOn: null,
            done: `${e.name} đã triển khai nhiệm vụ ${t.code}: tổ chức ${k + 2} hoạt động, đăng ${k * 3 + 1} tin, bài trên cổng thông tin điện tử.`,
            difficulties: k % 7 === 0 ? 'Kinh phí còn hạn chế.' : '',
            proposals: k % 9 === 0 ? 'Đề nghị bổ sung kinh phí.' : '',
            figures: { news_articles: { value: k * 3 + 1 }, events: { value: k % 4 }, money_state_budget: { value: 1_000_000 * (k % 5) } },
          }));
          if (current) return { periodId: p.id, orgId: e.orgId, status: 'draft' as const, entries };
          const at = new Date(`${p.deadline}T10:00:00+07:00`);
          if (i % 8 === 0) at.setUTCDate(at.getUTCDate() + 3);
          return {
            periodId: p.id,
            orgId: e.orgId,
            status: i % 6 === 0 ? ('submitted' as const) : ('accepted' as const),
            entries,
            submissions: 1,
            firstSubmittedAt: at,
            submittedAt: at,
            acceptedAt: i % 6 === 0 ? null : at,
          };
        });
      for (let i = 0; i < values.length; i += 40) await db.insert(reports).values(values.slice(i, i + 40));
      if (current) drafts += values.length;
      else {
        sent += values.length;
        await db.update(reportPeriods).set({ status: 'closed' }).where(eq(reportPeriods.id, p.id));
      }
    }
    log(`reports: +${sent} sent in ${periods.length} periods (past periods closed), +${drafts} drafts in the open periods of ${thisYear}`);
  },
};
