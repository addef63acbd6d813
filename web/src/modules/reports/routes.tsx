import type { RouteObject } from 'react-router';
import { AdHocPage } from './AdHocPage';
import { ConsolidatedPage } from './ConsolidatedPage';
import { IndicatorsPage } from './IndicatorsPage';
import { PeriodPage } from './PeriodPage';
import { ReportPage } from './ReportPage';
import { ReportsPage } from './ReportsPage';

/** Screens of the reporting cycle, mounted under the shell by web/src/main.tsx. */
export const REPORT_ROUTES: RouteObject[] = [
  { path: 'reports', element: <ReportsPage /> },
  { path: 'reports/ad-hoc/new', element: <AdHocPage /> },
  { path: 'reports/indicators', element: <IndicatorsPage /> },
  { path: 'reports/periods/:id', element: <PeriodPage /> },
  { path: 'reports/periods/:id/consolidated', element: <ConsolidatedPage /> },
  { path: 'reports/r/:id', element: <ReportPage /> },
];
