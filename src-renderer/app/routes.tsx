// The route table: each of the eight sections is mounted at /<feature>/* and owns its nested routes.
import { createHashRouter, Navigate } from 'react-router';
import ActivitiesPage from '../features/activities/activities-page';
import CountyPage from '../features/county/county-page';
import MediationPage from '../features/mediation/mediation-page';
import OpinionsPage from '../features/opinions/opinions-page';
import ReceptionDaysPage from '../features/reception-days/reception-days-page';
import RepresentativesPage from '../features/representatives/representatives-page';
import SettingsPage from '../features/settings/settings-page';
import SyncPage from '../features/sync/sync-page';
import TodayPage from '../features/today/today-page';
import { ShellLayout } from './shell-layout';

/** A hash router: works under Electron's app:// protocol and `vite preview` alike, and supports useBlocker. */
export function createAppRouter() {
  return createHashRouter([
    // County staff signed in on this PC: their own workspace and navigation, outside the station's shell.
    { path: '/county/*', element: <CountyPage /> },
    {
      path: '/',
      element: <ShellLayout />,
      children: [
        { index: true, element: <Navigate to="/today" replace /> },
        { path: 'today/*', element: <TodayPage /> },
        { path: 'reception-days/*', element: <ReceptionDaysPage /> },
        { path: 'opinions/*', element: <OpinionsPage /> },
        { path: 'mediation/*', element: <MediationPage /> },
        { path: 'activities/*', element: <ActivitiesPage /> },
        { path: 'representatives/*', element: <RepresentativesPage /> },
        { path: 'sync/*', element: <SyncPage /> },
        { path: 'settings/*', element: <SettingsPage /> },
        { path: '*', element: <Navigate to="/today" replace /> },
      ],
    },
  ]);
}
