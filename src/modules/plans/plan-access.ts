import type { SessionUser } from '../../http';
import { AppError } from '../../shared/errors';
import type { PlanStatus } from './plans.schemas';

interface PlanOwner {
  orgId: string | null;
  status: string;
}

/** Drafts are seen by province-wide roles and by the owning organisation's officers only. */
export function canReadPlan(user: SessionUser, plan: PlanOwner): boolean {
  if (user.role !== 'officer') return true;
  return plan.status !== 'draft' || plan.orgId === user.orgId;
}

export function assertCanRead(user: SessionUser, plan: PlanOwner) {
  if (!canReadPlan(user, plan)) throw new AppError('plan.forbidden');
}

/** Who may change a plan's content: the secretariat (and admin), or the officers of a sub-plan's organisation. */
export function assertCanEdit(user: SessionUser, plan: PlanOwner & { parentPlanId?: string | null }) {
  const allowed =
    user.role === 'secretariat' ||
    user.role === 'admin' ||
    (user.role === 'officer' && Boolean(plan.parentPlanId) && plan.orgId === user.orgId);
  if (!allowed) throw new AppError('plan.forbidden');
}

export function assertDraft(plan: { status: string }) {
  if (plan.status !== 'draft') throw new AppError('plan.locked', { status: plan.status });
}

/** Status changes: who may make each one. */
const TRANSITIONS: Record<string, { to: PlanStatus; roles: SessionUser['role'][] }[]> = {
  draft: [{ to: 'issued', roles: ['secretariat', 'admin', 'leader', 'officer'] }],
  issued: [
    { to: 'closed', roles: ['secretariat', 'admin', 'leader'] },
    { to: 'draft', roles: ['secretariat', 'admin'] },
  ],
  closed: [{ to: 'issued', roles: ['secretariat', 'admin'] }],
};

export function assertTransition(user: SessionUser, plan: PlanOwner & { parentPlanId: string | null }, to: PlanStatus) {
  const rule = TRANSITIONS[plan.status]?.find((t) => t.to === to);
  if (!rule) throw new AppError('plan.bad_transition', { from: plan.status, to });
  if (!rule.roles.includes(user.role)) throw new AppError('plan.forbidden');
  // An officer issues only their own organisation's sub-plan.
  if (user.role === 'officer' && (!plan.parentPlanId || plan.orgId !== user.orgId)) throw new AppError('plan.forbidden');
}
