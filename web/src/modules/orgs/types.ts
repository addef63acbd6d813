import type { OrgKind } from '../../../../src/modules/orgs/org-kinds';

export interface Org {
  id: string;
  key: string | null;
  name: string;
  shortName: string;
  kind: OrgKind;
  parentId: string | null;
  validFrom: string | null;
  validTo: string | null;
  email: string | null;
  phone: string | null;
  note: string | null;
  aliases: string[];
  version: number;
}
export interface OrgDetail extends Org {
  successors: { id: string; name: string; since: string | null }[];
  predecessors: { id: string; name: string; since: string | null }[];
  children: { id: string; name: string }[];
}
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
