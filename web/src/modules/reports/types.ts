/**
 * Shapes of the reports API as the screens use them: inferred from the server's own zod answer
 * schemas (src/modules/reports/*.answers.ts; import type, so no server code reaches the bundle).
 */
import type {
  Dashboard as DashboardAnswer,
  Indicator as IndicatorAnswer,
  Period as PeriodDetailAnswer,
  PeriodList,
  PeriodRow,
} from '../../../../src/modules/reports/periods.answers';
import type { Report as ReportAnswer } from '../../../../src/modules/reports/reports.answers';

type PeriodListItem = PeriodList['items'][number];
/** A period; in the list also its counts and the reader's own report. */
export type Period = PeriodRow & Partial<Pick<PeriodListItem, 'counts' | 'mine' | 'owes'>>;
export type PeriodDetail = PeriodDetailAnswer;
export type ExpectedTask = PeriodDetail['expected'][number]['tasks'][number];
export type Report = ReportAnswer;
export type Entry = Report['entries'][number];
export type Figure = Entry['figures'][string];
export type Indicator = Pick<IndicatorAnswer, 'code' | 'labelVi' | 'labelEn' | 'unit' | 'category'>;
export type Dashboard = DashboardAnswer;
