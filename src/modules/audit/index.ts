/** The audit log: `writeAudit` in the change's own transaction. */
export { type Actor, SYSTEM_ACTOR, writeAudit } from './audit.service';
