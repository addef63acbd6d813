import type { RouteObject } from 'react-router';
import { ActivitiesPage } from './ActivitiesPage';
import { ActivityFormPage } from './ActivityFormPage';
import { ActivityPage } from './ActivityPage';
import { BudgetPage } from './BudgetPage';
import { CalendarPage } from './CalendarPage';
import { ImportPage } from './ImportPage';
import { LibraryPage } from './LibraryPage';
import { TargetsPage } from './TargetsPage';
import { TaskFiguresPage } from './TaskFiguresPage';
import './activities.css';

/** Screens of the activities module, mounted under the shell by web/src/main.tsx. */
export const ACTIVITY_ROUTES: RouteObject[] = [
  { path: 'activities', element: <ActivitiesPage /> },
  { path: 'activities/new', element: <ActivityFormPage /> },
  { path: 'activities/import', element: <ImportPage /> },
  { path: 'activities/targets', element: <TargetsPage /> },
  { path: 'activities/budget', element: <BudgetPage /> },
  { path: 'activities/library', element: <LibraryPage /> },
  { path: 'activities/tasks/:taskId', element: <TaskFiguresPage /> },
  { path: 'activities/:id', element: <ActivityPage /> },
  { path: 'activities/:id/edit', element: <ActivityFormPage /> },
  { path: 'calendar', element: <CalendarPage /> },
];
