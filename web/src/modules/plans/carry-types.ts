import type { SuccessorStep } from '../../../../src/modules/plans/import/types';
import type { Role } from './types';

/** One change of a carried-forward plan, as GET /api/plans/:id/carry-review answers it. */
export interface CarryItem {
  id: string;
  position: number;
  taskCode: string | null;
  code: string;
  params: Record<string, string | number>;
  message: string;
  role: Role | null;
  chain: SuccessorStep[];
  candidates: { orgId: string; name: string }[];
  chosenOrgId: string | null;
  needsChoice: boolean;
  reviewedAt: string | null;
}
export interface CarryReviewData {
  planId: string;
  sourcePlanId: string | null;
  items: CarryItem[];
}

export const CARRY_KINDS = ['org', 'time', 'target', 'legal', 'anniversary'] as const;
export type CarryKind = (typeof CARRY_KINDS)[number];

/** The kind of a change, from its catalogue code (`carry.org_replaced` → org). */
export function carryKind(code: string): CarryKind {
  if (/^carry\.(org|group)_/.test(code)) return 'org';
  if (code === 'carry.window_moved') return 'time';
  if (code.startsWith('carry.target_')) return 'target';
  if (code.startsWith('carry.anniversary_')) return 'anniversary';
  return 'legal';
}

/** A person must decide: a successor to pick, a replacement to name, the year's guidance to fill in. */
export const needsDecision = (i: CarryItem) => (i.needsChoice || i.code === 'carry.legal_placeholder') && !i.reviewedAt;
