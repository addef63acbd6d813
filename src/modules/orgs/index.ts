/**
 * The organisation directory's door. Other modules read organisations through it: lookups, group
 * phrases, duties, and the tables they reference or join (read only; changes go through the services).
 */
export { classifyDuties, type DutyCode, dutyFit } from './duties';
export { GROUP_PHRASES } from './group-phrases';
export { type OrgKind } from './org-kinds';
export { lookupOrgs, resolveGroup, seedGroupPhrases, successorLinks } from './org-lookup';
export { createOrg } from './orgs.service';
export { orgGroupMembers, orgGroups, orgs } from './orgs.tables';
