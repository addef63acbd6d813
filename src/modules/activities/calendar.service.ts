import { and, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { SessionUser } from '../../http';
import { plans, planTasks } from '../plans';
import { activities } from './activities.tables';
import { readScope } from './activity-access';
import { getSolarDate, getYearCanChi } from '@dqcai/vn-lunar';
import { ANNIVERSARY_SOURCE, DIPLOMATIC_RELATIONS, FIXED_DAYS, LUNAR_DAYS } from './anniversaries.data';

const pad = (n: number) => String(n).padStart(2, '0');

export interface Anniversary {
  date: string;
  kind: 'holiday' | 'national' | 'local' | 'diplomatic';
  vi: string;
  en: string;
  /** Years since the event, when it is a round number (every 5 years). */
  years: number | null;
}

/**
 * A year's anniversaries: public holidays, national and provincial days (their round years
 * marked), and the round-number (every 5 years) anniversaries of diplomatic relations, from
 * anniversaries.data.ts. Task 2.2 of a plan is planned from this list.
 */
/** The date's day and month in `year`; 29 February falls on the 28th in a common year. */
function sameDayIn(year: number, date: string): string {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return date.slice(5) === '02-29' && !leap ? `${year}-02-28` : `${year}${date.slice(4)}`;
}

export function anniversaries(year: number): { source: typeof ANNIVERSARY_SOURCE; items: Anniversary[] } {
  const items: Anniversary[] = [];
  for (const d of FIXED_DAYS) {
    const years = d.since !== null && (year - d.since) % 5 === 0 && year > d.since ? year - d.since : null;
    const kind = d.holiday ? 'holiday' : d.local ? 'local' : 'national';
    const suffix = years ? { vi: ` (${years} năm)`, en: ` (${years} years)` } : { vi: '', en: '' };
    items.push({ date: `${year}-${pad(d.month)}-${pad(d.day)}`, kind, vi: d.vi + suffix.vi, en: d.en + suffix.en, years });
  }
  for (const d of LUNAR_DAYS) {
    const solar = getSolarDate(d.lunarDay, d.lunarMonth, year);
    const date = `${solar.year}-${pad(solar.month)}-${pad(solar.day)}`;
    items.push({ date, kind: d.holiday ? 'holiday' : 'national', vi: d.vi.replace('{year}', getYearCanChi(year)), en: d.en, years: null });
  }
  for (const r of DIPLOMATIC_RELATIONS) {
    const since = Number(r.date.slice(0, 4));
    const years = year - since;
    if (years <= 0 || years % 5 !== 0) continue;
    items.push({
      date: sameDayIn(year, r.date),
      kind: 'diplomatic',
      vi: `${years} năm thiết lập quan hệ ngoại giao Việt Nam – ${r.vi} (${r.date.split('-').reverse().join('/')})`,
      en: `${years} years of diplomatic relations between Việt Nam and ${r.en} (${r.date})`,
      years,
    });
  }
  items.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
  return { source: ANNIVERSARY_SOURCE, items };
}

export interface CalendarItem {
  date: string;
  endDate: string | null;
  type: 'activity' | 'task_deadline' | 'report_deadline' | 'anniversary';
  title: string;
  titleEn?: string;
  activityId?: string;
  activityKind?: string;
  taskId?: string;
  planId?: string;
  anniversaryKind?: Anniversary['kind'];
}

/** A month (YYYY-MM): activities that overlap it, task and report deadlines of issued provincial plans, anniversaries. */
export async function monthCalendar(
  db: Db,
  month: string,
  requestedOrgId: string | undefined,
  user: SessionUser,
): Promise<{ month: string; items: CalendarItem[]; source: typeof ANNIVERSARY_SOURCE }> {
  const orgId = readScope(user, requestedOrgId);
  const [y, m] = month.split('-').map(Number);
  const first = `${month}-01`;
  const last = `${month}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
  const acts = await db
    .select({ id: activities.id, kind: activities.kind, title: activities.title, startsOn: activities.startsOn, endsOn: activities.endsOn })
    .from(activities)
    .where(
      and(
        lte(activities.startsOn, last),
        gte(sql`coalesce(${activities.endsOn}, ${activities.startsOn})`, first),
        orgId ? eq(activities.orgId, orgId) : undefined,
      ),
    );
  const planRows = await db
    .select({ id: plans.id, title: plans.title, reporting: plans.reporting })
    .from(plans)
    .where(and(isNull(plans.parentPlanId), inArray(plans.status, ['issued', 'closed']), lte(plans.yearFrom, y), gte(plans.yearTo, y)));
  const deadlines = planRows.length
    ? await db
        .select({ id: planTasks.id, planId: planTasks.planId, code: planTasks.code, title: planTasks.title, timeTo: planTasks.timeTo })
        .from(planTasks)
        .where(
          and(
            inArray(
              planTasks.planId,
              planRows.map((p) => p.id),
            ),
            gte(planTasks.timeTo, first),
            lte(planTasks.timeTo, last),
          ),
        )
    : [];
  const items: CalendarItem[] = [
    ...acts.map((a) => ({
      date: a.startsOn,
      endDate: a.endsOn,
      type: 'activity' as const,
      title: a.title,
      activityId: a.id,
      activityKind: a.kind,
    })),
    // A task running the whole year ends on 31/12: only windows shorter than a year are deadlines worth showing.
    ...deadlines
      .filter((t) => !t.timeTo!.endsWith('-12-31'))
      .map((t) => ({
        date: t.timeTo!,
        endDate: null,
        type: 'task_deadline' as const,
        title: `${t.code}. ${t.title}`,
        taskId: t.id,
        planId: t.planId,
      })),
    ...planRows.flatMap((p) =>
      p.reporting.deadlines
        .filter((d) => d.month === m)
        .map((d) => ({ date: `${month}-${pad(d.day)}`, endDate: null, type: 'report_deadline' as const, title: p.title, planId: p.id })),
    ),
    ...anniversaries(y)
      .items.filter((a) => a.date >= first && a.date <= last)
      .map((a) => ({ date: a.date, endDate: null, type: 'anniversary' as const, title: a.vi, titleEn: a.en, anniversaryKind: a.kind })),
  ];
  items.sort((a, b) => a.date.localeCompare(b.date) || a.type.localeCompare(b.type));
  return { month, items, source: ANNIVERSARY_SOURCE };
}
