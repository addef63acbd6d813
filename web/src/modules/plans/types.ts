import type { PlanList } from '../../../../src/modules/plans/plans.answers';
import type { SuccessorStep } from '../../../../src/modules/plans/import/types';

export interface OrgEntry {
  id?: string;
  name: string;
  orgId: string | null;
  raw?: string;
  group?: string | null;
  open?: boolean;
  score?: number;
  suggestions?: { orgId: string; name: string; score: number }[];
  members?: { orgId: string; name: string }[];
  /** Steps from the name as written to the body valid on the resolution date. */
  chain?: SuccessorStep[];
  /** Several successors fit: the user picks one of the candidates. */
  needsChoice?: boolean;
  candidates?: { orgId: string; name: string; chain: SuccessorStep[] }[];
}
export type Role = 'lead' | 'advisory' | 'coordinating';
export const ROLES: Role[] = ['lead', 'advisory', 'coordinating'];
export interface Task {
  id?: string;
  parentId?: string | null;
  sourceTaskId?: string | null;
  code: string;
  parent: string | null;
  title: string;
  content: string[];
  notes: { label: string; text: string }[];
  time: { label: string; from: string | null; to: string | null };
  lead: OrgEntry[];
  advisory: OrgEntry[];
  coordinating: OrgEntry[];
  targets: { text: string; min: number }[];
  version?: number;
}
export interface PlanDoc {
  kind: string | null;
  number: string | null;
  numberCode: string | null;
  issuer: string | null;
  place: string | null;
  issuedOn: string | null;
  title: string;
  yearFrom: number;
  yearTo: number;
  signer: string | null;
  signerTitle: string[];
}
export interface Plan {
  id?: string;
  /** Import preview: the date organisations were matched as of. */
  resolvedAsOf?: string | null;
  parentPlanId?: string | null;
  orgId?: string | null;
  orgName?: string | null;
  status?: 'draft' | 'issued' | 'closed';
  version?: number;
  document: PlanDoc;
  legalBases: { text: string; ref?: string | null; kind?: string | null; date?: string | null }[];
  objectives: string[];
  requirements: string[];
  tasks: Task[];
  budget: { text: string; sources: string[] };
  reporting: { deadlines: { day: number; month: number }[]; adHoc: boolean };
  recipients: string[];
  unparsed: string[];
  warnings?: { code: string; details?: Record<string, string | number> }[];
}
/** A row of the plan list, as GET /api/plans answers it. */
export type PlanSummary = PlanList['items'][number];
