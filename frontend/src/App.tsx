/** The routes: public auth pages, the authenticated app frame, and the 404. */
import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { PublicOnly, RequireSession } from './auth/guards';
import { AppFrame } from './components/AppFrame';
import { FullPageLoader } from './components/FullPageLoader';
import CallsPage from './pages/CallsPage';
import ConfirmPage from './pages/ConfirmPage';
import ContactDetailPage from './pages/ContactDetailPage';
import ContactsPage from './pages/ContactsPage';
import ContactWizardPage from './pages/ContactWizardPage';
import DeviceActivationPage from './pages/DeviceActivationPage';
import DevicesPage from './pages/DevicesPage';
import LoginPage from './pages/LoginPage';
import NotFoundPage from './pages/NotFoundPage';
import NumbersPage from './pages/NumbersPage';
import ProvidersPage from './pages/ProvidersPage';
import RouteErrorPage from './pages/RouteErrorPage';
import RecordingsPage from './pages/RecordingsPage';
import SchedulesPage from './pages/SchedulesPage';
import SettingsPage from './pages/SettingsPage';
import SignupPage from './pages/SignupPage';
import InvitationPage from './pages/InvitationPage';
import TeamPage from './pages/TeamPage';
import ActivityPage from './pages/ActivityPage';
import DirectoryPage from './pages/DirectoryPage';

// The canvas library is the heaviest dependency: load it with the page that needs it.
const WorkspacePage = lazy(() => import('./pages/WorkspacePage'));

const router = createBrowserRouter([
  {
    errorElement: <RouteErrorPage />,
    children: [
      {
        element: <PublicOnly />,
        children: [
          { path: '/login', element: <LoginPage /> },
          { path: '/signup', element: <SignupPage /> },
        ],
      },
      { path: '/confirm', element: <ConfirmPage /> },
      { path: '/invitation', element: <InvitationPage /> },
      {
        element: <RequireSession />,
        children: [
          {
            element: <AppFrame />,
            children: [
              { path: '/', element: <Navigate to="/workspace" replace /> },
              {
                path: '/workspace',
                element: (
                  <Suspense fallback={<FullPageLoader label="Loading the workspace" />}>
                    <WorkspacePage />
                  </Suspense>
                ),
              },
              { path: '/contacts', element: <ContactsPage /> },
              { path: '/directory', element: <DirectoryPage /> },
              { path: '/contacts/new/wizard', element: <ContactWizardPage /> },
              { path: '/contacts/:contactId', element: <ContactDetailPage /> },
              { path: '/devices', element: <DevicesPage /> },
              { path: '/devices/:deviceId/activation', element: <DeviceActivationPage /> },
              { path: '/providers', element: <ProvidersPage /> },
              { path: '/numbers', element: <NumbersPage /> },
              { path: '/calls', element: <CallsPage /> },
              { path: '/schedules', element: <SchedulesPage /> },
              { path: '/recordings', element: <RecordingsPage /> },
              { path: '/settings', element: <SettingsPage /> },
              { path: '/team', element: <TeamPage /> },
              { path: '/activity', element: <ActivityPage /> },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export default function App() {
  return <RouterProvider router={router} />;
}
