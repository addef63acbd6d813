import type { Db } from '../../db/client';
import { lookupOrgs, resolveGroup, successorLinks } from '../orgs';
import type { OrgResolver } from './import/resolve';

/** The importer's organisation resolver over the directory in the database. */
export function dbResolver(db: Db): OrgResolver {
  return {
    match: async (name, onDate) =>
      (await lookupOrgs(db, name, onDate, 5)).map((c) => ({
        orgId: c.orgId,
        name: c.name,
        shortName: c.shortName,
        validFrom: c.validFrom,
        validTo: c.validTo,
        score: c.score,
      })),
    successors: (orgId) => successorLinks(db, orgId),
    group: async (key, onDate) => {
      try {
        const g = await resolveGroup(db, key, onDate);
        return {
          groupId: g.groupId,
          key: g.key,
          name: g.name,
          chain: g.chain,
          members: g.members.map((m) => ({ orgId: m.orgId, name: m.name })),
        };
      } catch {
        return { groupId: null, members: [] };
      }
    },
  };
}
