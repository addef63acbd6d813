import { assertOrgScope, type Role, type SessionUser } from '../../http';
import { AppError } from '../../shared/errors';

/** Who records activities: the secretariat for every organisation, officers for their own. Others read. */
export const ACTIVITY_WRITERS: readonly Role[] = ['secretariat', 'officer'];
/** The province-wide library and budget allocations: the secretariat (officers: their own organisation's allocations). */
export const LIBRARY_WRITERS: readonly Role[] = ['secretariat'];

export function assertCanWriteFor(user: SessionUser, orgId: string) {
  if (!ACTIVITY_WRITERS.includes(user.role)) throw new AppError('activity.forbidden');
  assertOrgScope(user, orgId);
}
