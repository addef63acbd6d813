export { planToDocx, planToOfficialDoc, joinOrgs, timeLabel, type PlanDocxOptions } from './plan-docx';
export { taskMatrixToXlsx, ROLE_LABELS } from './task-matrix-xlsx';
