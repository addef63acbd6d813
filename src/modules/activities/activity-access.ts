import { assertOrgScope, type Role, type SessionUser } from '../../http';
import { AppError } from '../../shared/errors';

/** Who records activities: the secretariat for every organisation, officers for their own. Others read. */
export const ACTIVITY_WRITERS: readonly Role[] = ['secretariat', 'officer'];
/** The province-wide library and budget allocations: the secretariat (officers: their own organisation's allocations). */
export const LIBRARY_WRITERS: readonly Role[] = ['secretariat'];

/**
 * The organisation an activity read is limited to (lists, exports, figures, calendar): an officer
 * reads their own organisation's activities only, and asking for another's is refused (SECURITY.md);
 * the province-wide roles read what they ask for.
 */
export function readScope(user: SessionUser, requestedOrgId?: string): string | undefined {
  if (user.role !== 'officer') return requestedOrgId;
  const own = user.orgId ?? NO_ORG;
  assertOrgScope(user, requestedOrgId ?? own);
  return own;
}

/** One activity (and its files): an officer reads their own organisation's only. */
export function assertCanReadActivity(user: SessionUser, activity: { orgId: string }) {
  assertOrgScope(user, activity.orgId);
}

/** Matches no organisation (an officer without one reads nothing). */
const NO_ORG = '00000000-0000-0000-0000-000000000000';

export function assertCanWriteFor(user: SessionUser, orgId: string) {
  if (!ACTIVITY_WRITERS.includes(user.role)) throw new AppError('activity.forbidden');
  assertOrgScope(user, orgId);
}
