import { useLoad } from '../../components/common';
import { get } from '../../api';
import type { Me } from '../../auth';

export interface Activity {
  id: string;
  kind: string;
  title: string;
  orgId: string;
  orgName: string;
  startsOn: string;
  endsOn: string | null;
  place: string | null;
  description: string;
  details: Record<string, unknown>;
  links: { url: string; label: string }[];
  tasks: { id: string; code: string; title: string; planId: string }[];
  spending: { source: string; amount: number; note: string | null }[];
  files: { id: string; filename: string; mime: string; size: number }[];
  version: number;
  updatedAt: string;
}
export interface Figure {
  code: string;
  labelVi: string;
  labelEn: string;
  unit: string;
  category: string;
  value: number;
  activityIds: string[];
}
export interface Target {
  targetId: string;
  taskId: string;
  code: string;
  title: string;
  text: string;
  min: number;
  indicator: string | null;
  indicatorGuessed: boolean;
  actual: number;
  activityIds: string[];
  window: { from: string; to: string };
  status: 'met' | 'on_track' | 'at_risk' | 'missed' | 'not_started' | 'unmeasured';
}
export interface PlanSummary {
  id: string;
  title: string;
  status: string;
  parentPlanId: string | null;
  yearFrom?: number;
}
export interface PlanTask {
  id: string;
  code: string;
  title: string;
  parentId: string | null;
}

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
