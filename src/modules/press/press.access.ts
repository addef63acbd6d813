import { READ_ALL, type Role } from '../../http';

/** Who may do what in press monitoring. Officers are further scoped to their organisation's cases. */
export const PRESS_MONITOR: readonly Role[] = ['secretariat'];
export const PRESS_READERS: readonly Role[] = ['admin', 'secretariat', 'leader', 'inspector'];
export const PRESS_ARTICLE_READERS: readonly Role[] = READ_ALL;
export const PRESS_CASE_WORKERS: readonly Role[] = ['secretariat', 'officer'];
