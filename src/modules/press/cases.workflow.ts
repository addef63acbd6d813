import type { Role } from '../../http';

/** Response case statuses, with their labels kept beside them. */
export const CASE_STATUSES = {
  new: { vi: 'Mới, chờ xác minh', en: 'New, to verify' },
  verified: { vi: 'Đã xác minh', en: 'Verified' },
  drafted: { vi: 'Đã dự thảo tài liệu lập luận', en: 'Argument drafted' },
  approved: { vi: 'Đã phê duyệt', en: 'Approved' },
  published: { vi: 'Đã cung cấp cho báo chí / đăng tải', en: 'Provided to press / published' },
  closed: { vi: 'Đã đóng', en: 'Closed' },
} as const;
export type CaseStatus = keyof typeof CASE_STATUSES;
export const CASE_STATUS_VALUES = Object.keys(CASE_STATUSES) as [CaseStatus, ...CaseStatus[]];

export interface Transition {
  from: CaseStatus[];
  to: CaseStatus;
  /** Roles that may take it (officers only on their own organisation's cases). */
  roles: Role[];
  /** The note is required (e.g. closing a case that was never answered). */
  noteRequired?: CaseStatus[];
}

/** verify → draft the argument document → approve → provide to press / publish → close. */
export const CASE_ACTIONS = {
  verify: { from: ['new'], to: 'verified', roles: ['secretariat', 'officer'] },
  draft: { from: ['verified', 'drafted'], to: 'drafted', roles: ['secretariat', 'officer'] },
  return: { from: ['drafted', 'approved'], to: 'verified', roles: ['secretariat'], noteRequired: ['drafted', 'approved'] },
  approve: { from: ['drafted'], to: 'approved', roles: ['secretariat'] },
  publish: { from: ['approved'], to: 'published', roles: ['secretariat', 'officer'] },
  close: {
    from: ['new', 'verified', 'drafted', 'approved', 'published'],
    to: 'closed',
    roles: ['secretariat'],
    noteRequired: ['new', 'verified', 'drafted', 'approved'],
  },
} as const satisfies Record<string, Transition>;
export type CaseAction = keyof typeof CASE_ACTIONS;
export const CASE_ACTION_VALUES = Object.keys(CASE_ACTIONS) as [CaseAction, ...CaseAction[]];

/** The actions a role may take from a status. */
export function availableActions(status: CaseStatus, role: Role): CaseAction[] {
  return CASE_ACTION_VALUES.filter((a) => {
    const t: Transition = CASE_ACTIONS[a];
    return t.from.includes(status) && t.roles.includes(role);
  });
}
