/** Shapes of the reports API as the screens use them (see src/modules/reports). */
export interface Period {
  id: string;
  planId: string | null;
  kind: 'six_months' | 'year' | 'periodic' | 'ad_hoc';
  year: number;
  title: string;
  dataFrom: string;
  dataTo: string;
  opensOn: string;
  deadline: string;
  status: 'open' | 'closed';
  questions: string[];
  version: number;
  counts?: { draft: number; submitted: number; returned: number; accepted: number };
  mine?: { reportId: string; status: string } | null;
  owes?: boolean | null;
}
export interface ExpectedTask {
  taskId: string;
  code: string;
  title: string;
  timeTo: string | null;
  roles: string[];
}
export interface PeriodDetail extends Period {
  expected: { orgId: string; name: string; kind: string; replaces: string[]; tasks: ExpectedTask[] }[];
}
export interface Figure {
  value: number;
  prefilled?: number | null;
  reason?: string | null;
}
export interface Entry {
  taskId: string;
  status: 'not_started' | 'in_progress' | 'done' | 'delayed';
  completedOn?: string | null;
  done: string;
  difficulties: string;
  proposals: string;
  figures: Record<string, Figure>;
}
export interface Indicator {
  code: string;
  labelVi: string;
  labelEn: string;
  unit: string;
  category: string;
}
export interface Report {
  id: string;
  periodId: string;
  orgId: string;
  orgName: string;
  status: 'draft' | 'submitted' | 'returned' | 'accepted';
  entries: Entry[];
  answers: string[];
  difficulties: string;
  proposals: string;
  reviewComment: string | null;
  submissions: number;
  version: number;
  updatedAt: string;
  period: Period;
  tasks: ExpectedTask[];
  events: { action: string; comment: string | null; actorName: string; at: string }[];
  files: { id: string; taskId: string | null; filename: string; mime: string; size: number; createdAt: string }[];
  indicators: Indicator[];
}
export interface Dashboard {
  period: Period;
  totals: {
    expected: number;
    received: number;
    onTime: number;
    late: number;
    missing: number;
    accepted: number;
    returned: number;
    underReview: number;
  };
  taskOutcomes: { doneOnTime: number; doneLate: number; inProgress: number; overdue: number };
  byOrg: {
    orgId: string;
    name: string;
    replaces: string[];
    tasks: number;
    leads: number;
    reportId: string | null;
    status: string;
    received: boolean;
    onTime: boolean;
    late: boolean;
    firstSubmittedAt: string | null;
  }[];
  byTask: {
    taskId: string;
    code: string;
    title: string;
    expected: number;
    received: number;
    onTime: number;
    missing: number;
    missingOrgs: string[];
    outcome: string;
  }[];
}
