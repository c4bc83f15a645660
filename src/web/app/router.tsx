import { createBrowserRouter } from 'react-router';
import { LoginPage } from '../auth/LoginPage.tsx';
import { loginPath } from '../auth/redirect.ts';
import { RequireAuth } from '../auth/RequireAuth.tsx';
import { meQueryKey } from '../auth/session.ts';
import { AssessmentPage } from '../pages/assessments/AssessmentPage.tsx';
import { AssessmentsPage } from '../pages/assessments/AssessmentsPage.tsx';
import { AuditTrailPage } from '../pages/audit/AuditTrailPage.tsx';
import { CapabilityUnavailablePage } from '../pages/capabilities/CapabilityUnavailablePage.tsx';
import { CataloguePage } from '../pages/catalogue/CataloguePage.tsx';
import { DashboardPage } from '../pages/dashboard/DashboardPage.tsx';
import { EvidencePage } from '../pages/evidence/EvidencePage.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { ProfilePage } from '../pages/profile/ProfilePage.tsx';
import { RolesPage } from '../pages/roles/RolesPage.tsx';
import { UsersPage } from '../pages/users/UsersPage.tsx';
import { AppLayout } from '../shell/AppLayout.tsx';
import { CAPABILITY_SECTIONS } from '../shell/sections.ts';
import { queryClient, whenSessionLost } from './query-client.ts';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <DashboardPage /> },
      { path: '/audit-trail', element: <AuditTrailPage /> },
      { path: '/catalogue', element: <CataloguePage /> },
      { path: '/assessments', element: <AssessmentsPage /> },
      { path: '/assessments/:assessmentId', element: <AssessmentPage /> },
      { path: '/evidence', element: <EvidencePage /> },
      ...CAPABILITY_SECTIONS.filter((section) => !section.available).map((section) => ({ path: section.path, element: <CapabilityUnavailablePage section={section} /> })),
      { path: '/admin/users', element: <UsersPage /> },
      { path: '/admin/roles', element: <RolesPage /> },
      { path: '/profile', element: <ProfilePage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

// A 401 from any call ends up here: back to the login page, then to where the person was.
whenSessionLost(() => {
  const { pathname, search } = router.state.location;
  if (pathname === '/login') return;
  void router.navigate(loginPath(pathname + search, 'expired'), { replace: true }).then(() => queryClient.removeQueries({ queryKey: meQueryKey }));
});
