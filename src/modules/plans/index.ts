/**
 * The plans module's door: reading a plan and its tasks (with the access check), the plan in force
 * on a date, budget sources, reading a plan document, and the plan tables others reference or join
 * (read only; changes go through the plans services).
 */
export { extractSource } from './import/index';
export { BUDGET_SOURCES, type BudgetSource } from './import/parse/budget';
export { assertCanRead } from './plan-access';
export { getPlanRow, loadPlan, type StoredTask } from './plan-store';
export { planOnDate, provinceScope } from './plan-views';
export { getPlan } from './plans.service';
export { plans, planTasks, taskOrgs, taskTargets } from './plans.tables';
