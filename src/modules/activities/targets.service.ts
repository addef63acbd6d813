import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { SessionUser } from '../../http';
import { AppError } from '../../shared/errors';
import { fold } from '../../shared/text/fold';
import { writeAudit, type Actor } from '../audit';
import { assertCanRead, getPlanRow, loadPlan, type StoredTask, taskTargets } from '../plans';
import { computeIndicator, INDICATOR_MEASURES } from './indicators';

/** Which indicator measures a target, guessed from its words when the plan does not say (first rule that matches). */
const GUESS: [RegExp, string][] = [
  [/hop bao|thong tin bao chi/, 'press_conferences'],
  [/hop dong|dat hang|co quan (thong tan )?bao chi/, 'contracts'],
  [/tap huan|boi duong|hoc vien/, 'people_trained'],
  [/an pham|xuat ban|tai lieu/, 'publications'],
  [/doan ra/, 'delegations_out'],
  [/doan vao/, 'delegations_in'],
  [/trien lam|hoi cho|hoi nghi|hoi thao|su kien|giao luu/, 'events'],
  [/phat thanh|truyen hinh|chuong trinh|phat lai/, 'radio_tv_programmes'],
  [/tieng nuoc ngoai|ngoai ngu/, 'foreign_language_products'],
  [/\btin\b|\bbai\b|ban tin/, 'news_articles'],
];

export function guessIndicator(targetText: string, task: Pick<StoredTask, 'title' | 'content'>): string | null {
  for (const text of [targetText, task.title, task.content.join(' ')]) {
    const f = fold(text);
    const hit = GUESS.find(([re]) => re.test(f));
    if (hit) return hit[1];
  }
  return null;
}

export type TargetStatus = 'met' | 'on_track' | 'at_risk' | 'missed' | 'not_started' | 'unmeasured';

/** Met, or how far behind the pace the task's time window implies (as of a date). */
export function targetStatus(actual: number, min: number, from: string, to: string, asOf: string): TargetStatus {
  if (actual >= min) return 'met';
  if (asOf > to) return 'missed';
  if (asOf < from) return 'not_started';
  const span = Date.parse(to) - Date.parse(from) + 86_400_000;
  const fraction = (Date.parse(asOf) - Date.parse(from) + 86_400_000) / span;
  return actual < Math.round(min * fraction) || (fraction >= 0.75 && actual < min) ? 'at_risk' : 'on_track';
}

/** Each target of a plan against the record (every organisation, the plan's years, the task and its sub-tasks). */
export async function planTargets(db: Db, planId: string, user: SessionUser, asOf: string) {
  assertCanRead(user, await getPlanRow(db, planId));
  const plan = await loadPlan(db, planId);
  const yearFrom = plan.document.yearFrom!;
  const yearTo = plan.document.yearTo!;
  const descendants = (id: string): string[] => [id, ...plan.tasks.filter((t) => t.parentId === id).flatMap((t) => descendants(t.id))];
  const items = [];
  for (const task of plan.tasks) {
    for (const target of task.targets) {
      const indicator = target.indicator ?? guessIndicator(target.text, task);
      const from = task.time.from ?? `${yearFrom}-01-01`;
      const to = task.time.to ?? `${yearTo}-12-31`;
      const figure = indicator
        ? await computeIndicator(db, indicator, { from: `${yearFrom}-01-01`, to: `${yearTo}-12-31`, taskIds: descendants(task.id) })
        : null;
      const actual = figure?.value ?? 0;
      items.push({
        targetId: target.id,
        taskId: task.id,
        code: task.code,
        title: task.title,
        text: target.text,
        min: target.min,
        indicator,
        indicatorGuessed: !target.indicator && Boolean(indicator),
        actual,
        activityIds: figure?.activityIds ?? [],
        window: { from, to },
        status: (indicator ? targetStatus(actual, target.min, from, to, asOf) : 'unmeasured') as TargetStatus,
      });
    }
  }
  return { planId, asOf, items, atRisk: items.filter((i) => i.status === 'at_risk' || i.status === 'missed').map((i) => i.taskId) };
}

/** The secretariat names the indicator that measures a target (when the guess is wrong). */
export async function setTargetIndicator(db: Db, targetId: string, indicator: string | null, actor: Actor) {
  if (indicator && !INDICATOR_MEASURES[indicator])
    throw new AppError('activity.indicator_unknown', { field: 'body.indicator', code: indicator });
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(taskTargets).where(eq(taskTargets.id, targetId));
    if (!before) throw new AppError('activity.target_not_found', { id: targetId });
    await tx.update(taskTargets).set({ indicator }).where(eq(taskTargets.id, targetId));
    await writeAudit(tx, actor, {
      action: 'set_indicator',
      entity: 'task_target',
      entityId: targetId,
      before: { indicator: before.indicator },
      after: { indicator },
    });
    return { targetId, indicator };
  });
}
