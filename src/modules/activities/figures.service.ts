import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { SessionUser } from '../../http';
import { AppError } from '../../shared/errors';
import { DEFAULT_INDICATORS } from '../reports';
import { planTasks } from '../plans';
import { computeAll, INDICATOR_CODES, type FigureScope } from './indicators';
import { planTargets } from './targets.service';
import { readScope } from './activity-access';

/** The catalogue's labels for the indicators the register measures. */
export const indicatorLabels = () =>
  INDICATOR_CODES.map((code) => {
    const d = DEFAULT_INDICATORS.find((i) => i.code === code);
    return { code, labelVi: d?.labelVi ?? code, labelEn: d?.labelEn ?? code, unit: d?.unit ?? '', category: d?.category ?? 'output' };
  });

/** figures for a reader: an officer's are their own organisation's (the activities behind each number are listed). */
export async function figuresFor(db: Db, scope: FigureScope, user: SessionUser) {
  return figures(db, { ...scope, orgId: readScope(user, scope.orgId) });
}

/** Every indicator in a scope, labelled, with the activities behind each number. */
export async function figures(db: Db, scope: FigureScope) {
  const values = await computeAll(db, scope);
  return { scope, items: indicatorLabels().map((l) => ({ ...l, ...values[l.code] })) };
}

/** A task's view: its figures (the task and its sub-tasks, optionally one organisation and a window) and its targets against the record. */
export async function taskFigures(
  db: Db,
  taskId: string,
  q: { orgId?: string; from?: string; to?: string; asOf: string },
  user: SessionUser,
) {
  const [task] = await db.select().from(planTasks).where(eq(planTasks.id, taskId));
  if (!task) throw new AppError('activity.task_not_found', { field: 'id' });
  const all = await db.select({ id: planTasks.id, parentId: planTasks.parentId }).from(planTasks).where(eq(planTasks.planId, task.planId));
  const descendants = (id: string): string[] => [id, ...all.filter((t) => t.parentId === id).flatMap((t) => descendants(t.id))];
  const targets = await planTargets(db, task.planId, user, q.asOf);
  const f = await figures(db, { orgId: readScope(user, q.orgId), from: q.from, to: q.to, taskIds: descendants(task.id) });
  return {
    task: {
      id: task.id,
      planId: task.planId,
      code: task.code,
      title: task.title,
      timeLabel: task.timeLabel,
      timeFrom: task.timeFrom,
      timeTo: task.timeTo,
    },
    figures: f.items,
    targets: targets.items.filter((t) => t.taskId === task.id),
  };
}
