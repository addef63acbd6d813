import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { JobDefinition } from '../../jobs/types';
import { translate } from '../../shared/messages/catalogue';
import { addDays, daysBetween, dmy, vnDate } from './dates';
import { expectedOrgs } from './expected';
import { officersOf, send, tell, type Notifier } from './notify';
import { reportPeriods, reportReminders, reports } from './reports.tables';

/**
 * Reminders to the officers of every organisation that owes a report and has not sent it:
 * seven days before the deadline (sent from day −7 to day −2 when the period opened late),
 * one day before (day −1 or the day itself), and the day after it is missed (up to three days
 * late, so that an old open period does not wake everyone up). In-app and by e-mail; each
 * (period, organisation, kind) is claimed by one INSERT … ON CONFLICT DO NOTHING, so it is sent
 * once even with several workers. Time comes from the job context's clock (tests set it).
 */
export type ReminderKind = 'd7' | 'd1' | 'overdue';

export function reminderKind(today: string, deadline: string): ReminderKind | null {
  const left = daysBetween(today, deadline);
  if (left >= 2 && left <= 7) return 'd7';
  if (left >= 0 && left <= 1) return 'd1';
  if (left >= -3 && left <= -1) return 'overdue';
  return null;
}

export async function runReminders(db: Db, n: Notifier, now: Date) {
  const today = vnDate(now);
  const periods = await db
    .select()
    .from(reportPeriods)
    .where(
      and(
        eq(reportPeriods.status, 'open'),
        gte(reportPeriods.deadline, addDays(today, -3)),
        lte(reportPeriods.deadline, addDays(today, 7)),
        lte(reportPeriods.opensOn, today),
      ),
    );
  const sent: { periodId: string; orgId: string; kind: ReminderKind; recipients: number }[] = [];
  for (const period of periods) {
    const kind = reminderKind(today, period.deadline);
    if (!kind) continue;
    const done = await db
      .select({ orgId: reports.orgId })
      .from(reports)
      .where(and(eq(reports.periodId, period.id), sql`${reports.status} IN ('submitted', 'accepted')`));
    const doneIds = new Set(done.map((d) => d.orgId));
    const owing = (await expectedOrgs(db, period)).filter((e) => !doneIds.has(e.orgId));
    const officers = await officersOf(
      db,
      owing.map((o) => o.orgId),
    );
    for (const org of owing) {
      const to = officers.filter((o) => o.orgId === org.orgId);
      const params = {
        org: org.name,
        period: period.title,
        deadline: dmy(period.deadline),
        days: Math.abs(daysBetween(today, period.deadline)),
      };
      // The claim and the notice with its queued mail commit together: a reminder is never lost
      // between the two, nor sent twice.
      const claimed = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(reportReminders)
          .values({ periodId: period.id, orgId: org.orgId, kind, recipients: to.length })
          .onConflictDoNothing()
          .returning({ kind: reportReminders.kind });
        if (!row) return false;
        await tell(tx, to, {
          kind: `report.reminder_${kind}`,
          title: translate('vi', `report.reminder_${kind}_title`, params),
          body: translate('vi', `report.reminder_${kind}_body`, params),
          link: `/reports/periods/${period.id}`,
        });
        return true;
      });
      if (claimed) sent.push({ periodId: period.id, orgId: org.orgId, kind, recipients: to.length });
    }
  }
  await send(db, n);
  return sent;
}

export const reportRemindersJob: JobDefinition = {
  name: 'report-reminders',
  everyMs: 60 * 60_000,
  run: async (ctx) => {
    await runReminders(ctx.db, { config: ctx.config, log: ctx.log }, ctx.now());
  },
};
