/** The activity register as others use it: targets per plan task and the anniversary calendar. */
export { anniversaries } from './calendar.service';
export { planTargets } from './targets.service';
