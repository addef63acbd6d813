import { and, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { type BudgetSource, planTasks } from '../plans';
import { registerFigureSource } from '../reports';
import { activities, activitySpending, activityTasks } from './activities.tables';
import type { ActivityKind } from './activity-kinds';

/**
 * Figures from the record: each indicator of the reporting catalogue (reports/indicators.ts,
 * DEFAULT_INDICATORS) as a count or a sum over the activity register, so reports pre-fill from
 * it and every number can be opened to the activities behind it (`activityIds`).
 * An activity counts in a window when it starts inside it.
 */
export interface FigureScope {
  orgId?: string;
  from?: string;
  to?: string;
  taskIds?: string[];
  planId?: string;
}
export interface Figure {
  value: number;
  activityIds: string[];
}
interface Row {
  id: string;
  kind: string;
  details: Record<string, unknown>;
}
type Measure =
  | { kinds: ActivityKind[]; where?: (d: Record<string, unknown>, kind: string) => boolean; sum?: (d: Record<string, unknown>) => number }
  | { money: BudgetSource[] };

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const foreign = (d: Record<string, unknown>) => typeof d.language === 'string' && d.language !== 'vi';

/** Indicator code → how the register measures it. Codes are those of the reporting catalogue. */
export const INDICATOR_MEASURES: Record<string, Measure> = {
  news_articles: { kinds: ['content'], where: (d) => d.contentType === 'article' || d.contentType === 'bulletin' },
  radio_tv_programmes: { kinds: ['content', 'rebroadcast'], where: (d, k) => k === 'rebroadcast' || d.contentType === 'broadcast' },
  foreign_language_products: { kinds: ['content', 'publication'], where: foreign },
  publications: { kinds: ['publication'] },
  events: { kinds: ['event'] },
  delegations_in: { kinds: ['delegation'], where: (d) => d.direction === 'in' },
  delegations_out: { kinds: ['delegation'], where: (d) => d.direction === 'out' },
  press_conferences: { kinds: ['press_conference'] },
  people_trained: { kinds: ['training'], sum: (d) => num(d.trainees) },
  contracts: { kinds: ['contract'], where: (d) => d.status !== 'cancelled' },
  money_state_budget: { money: ['state_budget'] },
  money_central: { money: ['central_support'] },
  money_socialisation: { money: ['socialisation'] },
  money_business: { money: ['contributions'] },
  // The reporting catalogue has no sponsorship line: sponsorship and aid are counted as other lawful sources.
  money_other: { money: ['sponsorship', 'other_lawful'] },
};
export const INDICATOR_CODES = Object.keys(INDICATOR_MEASURES);

function scopeConditions(db: Db, s: FigureScope): SQL[] {
  const where: SQL[] = [];
  if (s.orgId) where.push(eq(activities.orgId, s.orgId));
  if (s.from) where.push(gte(activities.startsOn, s.from));
  if (s.to) where.push(lte(activities.startsOn, s.to));
  if (s.taskIds)
    where.push(
      inArray(
        activities.id,
        db
          .select({ id: activityTasks.activityId })
          .from(activityTasks)
          .where(inArray(activityTasks.taskId, s.taskIds.length ? s.taskIds : ['00000000-0000-0000-0000-000000000000'])),
      ),
    );
  if (s.planId) {
    const inPlan = db
      .select({ id: activityTasks.activityId })
      .from(activityTasks)
      .innerJoin(planTasks, eq(planTasks.id, activityTasks.taskId))
      .where(eq(planTasks.planId, s.planId));
    where.push(inArray(activities.id, inPlan));
  }
  return where;
}

/** One indicator's value over the register in a scope, with the activities behind it. */
export async function computeIndicator(db: Db, code: string, scope: FigureScope): Promise<Figure | null> {
  const m = INDICATOR_MEASURES[code];
  if (!m) return null;
  const where = scopeConditions(db, scope);
  if ('money' in m) {
    const rows = await db
      .select({ id: activities.id, amount: activitySpending.amount })
      .from(activitySpending)
      .innerJoin(activities, eq(activities.id, activitySpending.activityId))
      .where(and(inArray(activitySpending.source, m.money), ...where));
    return { value: rows.reduce((s, r) => s + Number(r.amount), 0), activityIds: [...new Set(rows.map((r) => r.id))] };
  }
  const rows: Row[] = await db
    .select({ id: activities.id, kind: activities.kind, details: activities.details })
    .from(activities)
    .where(and(inArray(activities.kind, m.kinds), ...where));
  const hit = rows.filter((r) => !m.where || m.where(r.details, r.kind));
  return { value: hit.reduce((s, r) => s + (m.sum ? m.sum(r.details) : 1), 0), activityIds: hit.map((r) => r.id) };
}

/** Every indicator in a scope (the task and report views). */
export async function computeAll(db: Db, scope: FigureScope): Promise<Record<string, Figure>> {
  const out: Record<string, Figure> = {};
  for (const code of INDICATOR_CODES) out[code] = (await computeIndicator(db, code, scope))!;
  return out;
}

export async function indicatorActivityIds(db: Db, code: string, scope: FigureScope): Promise<string[]> {
  return (await computeIndicator(db, code, scope))?.activityIds ?? [];
}

/** The map the lead asked for: code → (db, scope) → { value, activityIds }. */
export const INDICATOR_QUERIES: Record<string, (db: Db, scope: FigureScope) => Promise<Figure>> = Object.fromEntries(
  INDICATOR_CODES.map((code) => [code, async (db: Db, scope: FigureScope) => (await computeIndicator(db, code, scope))!]),
);

/**
 * Plugs the register into the reporting module's pre-fill hook: an organisation's figure on a
 * task in a period. Nothing recorded → null (the report shows an empty field, not a zero).
 */
export function registerActivityFigures() {
  for (const code of INDICATOR_CODES) {
    registerFigureSource(code, async (ctx) => {
      const f = await computeIndicator(ctx.db, code, { orgId: ctx.orgId, from: ctx.from, to: ctx.to, taskIds: [ctx.taskId] });
      return f && f.activityIds.length ? f.value : null;
    });
  }
}
