import type { z } from 'zod';
import type { orgDetailDto, orgDto } from '../../../../src/modules/orgs/orgs.schemas';

/** An organisation as the API answers it: inferred from the server's zod schemas (import type). */
export type Org = z.infer<typeof orgDto>;
export type OrgDetail = z.infer<typeof orgDetailDto>;
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
