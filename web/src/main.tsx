import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, Navigate, RouterProvider, useLocation } from 'react-router';
import { AuthProvider, useAuth } from './auth';
import { I18nProvider } from './i18n';
import { Shell } from './components/Shell';
import { Loading } from './components/common';
import { LoginPage } from './pages/LoginPage';
import { HomePage } from './pages/HomePage';
import { AccountPage } from './pages/AccountPage';
import { NotificationsPage } from './pages/NotificationsPage';
import { OrgListPage } from './modules/orgs/OrgListPage';
import { OrgDetailPage } from './modules/orgs/OrgDetailPage';
import { OrgFormPage } from './modules/orgs/OrgFormPage';
import { OrgMergePage } from './modules/orgs/OrgMergePage';
import { OrgMembersPage } from './modules/orgs/OrgMembersPage';
import { OrgGroupsPage } from './modules/orgs/OrgGroupsPage';
import { UsersPage } from './modules/admin/UsersPage';
import { AuditPage } from './modules/admin/AuditPage';
import { PlansPage } from './modules/plans/PlansPage';
import { PlanImportPage } from './modules/plans/PlanImportPage';
import { PlanPage } from './modules/plans/PlanPage';
import { OrgTasksPage } from './modules/plans/OrgTasksPage';
import { ProvinceSetupPage } from './modules/province/ProvinceSetupPage';
import { RegisterPage } from './modules/register/RegisterPage';
import { PRESS_ROUTES } from './modules/press/routes';
import { REPORT_ROUTES } from './modules/reports/routes';
import { ACTIVITY_ROUTES } from './modules/activities/routes';
import './styles.css';

function RequireAuth({ children }: { children: ReactNode }) {
  const { me, loading } = useAuth();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return children;
}

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <Shell />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'orgs', element: <OrgListPage /> },
      { path: 'orgs/new', element: <OrgFormPage /> },
      { path: 'orgs/merge', element: <OrgMergePage /> },
      { path: 'orgs/:id', element: <OrgDetailPage /> },
      { path: 'orgs/:id/edit', element: <OrgFormPage /> },
      { path: 'orgs/:id/members', element: <OrgMembersPage /> },
      { path: 'org-groups', element: <OrgGroupsPage /> },
      { path: 'plans', element: <PlansPage /> },
      { path: 'plans/import', element: <PlanImportPage /> },
      { path: 'plans/:id', element: <PlanPage /> },
      { path: 'org-tasks', element: <OrgTasksPage /> },
      { path: 'province/setup', element: <ProvinceSetupPage /> },
      { path: 'users', element: <UsersPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'register', element: <RegisterPage /> },
      { path: 'account', element: <AccountPage /> },
      { path: 'notifications', element: <NotificationsPage /> },
      ...PRESS_ROUTES,
      ...REPORT_ROUTES,
      ...ACTIVITY_ROUTES,
    ],
  },
]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <AuthProvider>
        <RouterProvider router={router} />
      </AuthProvider>
    </I18nProvider>
  </StrictMode>,
);
