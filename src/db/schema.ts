/** Every table, gathered from the modules that own them (drizzle-kit reads this file). */
export * from '../modules/orgs/orgs.tables';
export * from '../modules/auth/auth.tables';
export * from '../modules/audit/audit.tables';
export * from '../modules/settings/settings.tables';
export * from '../modules/plans/plans.tables';
export * from '../modules/plans/carry-forward/carry-forward.tables';
export * from '../jobs/jobs.tables';
export * from '../modules/press/press.tables';
export * from '../modules/notifications/notifications.tables';
export * from '../modules/reports/reports.tables';
export * from '../modules/activities/activities.tables';
export * from '../modules/register/register.tables';
