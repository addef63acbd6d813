import { useLoad } from '../../components/common';
import { get } from '../../api';
import type { Me } from '../../auth';
import type { ActivityDto } from '../../../../src/modules/activities/activities.schemas';
import type { Figures, PlanTargets } from '../../../../src/modules/activities/figures.answers';
import type { Plan, PlanList } from '../../../../src/modules/plans/plans.answers';

// API answers: types inferred from the server's own zod schemas (import type: no server code in the bundle).
export type Activity = ActivityDto;
export type Figure = Figures['items'][number];
export type Target = PlanTargets['items'][number];
export type PlanSummary = PlanList['items'][number];
export type PlanTask = Pick<Plan['tasks'][number], 'id' | 'code' | 'title' | 'parentId'>;

/** Who records activities: the secretariat for all, an officer for their own organisation. */
export const canWrite = (me: Me | null, orgId?: string) =>
  me?.role === 'secretariat' || (me?.role === 'officer' && (!orgId || me.orgId === orgId));

/** The issued provincial plans (most recent first) and the tasks of the chosen one. */
export function useProvincialPlans() {
  return useLoad(
    async () =>
      (await get<{ items: PlanSummary[] }>('/api/plans?scope=province')).items.filter((p) => p.status !== 'draft' && !p.parentPlanId),
    [],
  );
}
export function usePlanTasks(planId: string | null) {
  return useLoad(async () => (planId ? (await get<{ tasks: PlanTask[] }>(`/api/plans/${planId}`)).tasks : []), [planId]);
}

export const money = (n: number, lang: string) => n.toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN');
