import type { RouteObject } from 'react-router';
import { AlertsPage } from './AlertsPage';
import { ArticlePage } from './ArticlePage';
import { ArticlesPage } from './ArticlesPage';
import { CasePage } from './CasePage';
import { CasesPage } from './CasesPage';
import { DashboardPage } from './DashboardPage';
import { DigestPage } from './DigestPage';
import { SourcesPage } from './SourcesPage';
import { TopicsPage } from './TopicsPage';

/** The press-monitoring screens, mounted under the shell. */
export const PRESS_ROUTES: RouteObject[] = [
  { path: 'press', element: <DashboardPage /> },
  { path: 'press/articles', element: <ArticlesPage /> },
  { path: 'press/articles/:id', element: <ArticlePage /> },
  { path: 'press/sources', element: <SourcesPage /> },
  { path: 'press/topics', element: <TopicsPage /> },
  { path: 'press/alerts', element: <AlertsPage /> },
  { path: 'press/cases', element: <CasesPage /> },
  { path: 'press/cases/:id', element: <CasePage /> },
  { path: 'press/digest', element: <DigestPage /> },
];
