// The county staff workspace: its own navigation (意见办理, 承办单位, 同步情况报表, 工作报表, 设置, 退出登录), the
// county's replication while open, and a way back to sign-in when the session ends. Mounted at /county/* in the
// app's router, or standing alone (with its own hash router) where the app shows it instead of station setup.

import {
  ApartmentOutlined,
  BarChartOutlined,
  CloudSyncOutlined,
  LogoutOutlined,
  SettingOutlined,
  SolutionOutlined,
} from '@ant-design/icons';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { Alert, Result, Spin, Typography } from 'antd';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createHashRouter, Navigate, Route, Routes, useInRouterContext, useLocation, useNavigate } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import type { CountyCredentials } from '../../../src-shared/api/staff-session';
import type { Resources } from '../../i18n/i18n-types';
import { getHost } from '../../platform/host';
import { isSyncError } from '../../sync/sync-client';
import { sameSync } from '../../sync/sync-owner';
import { useSync, useSyncWith } from '../../sync/sync-provider';
import { useSyncCredentials } from '../../sync/sync-runner';
import { AppFrame } from '../../ui/app-frame';
import { DepartmentsPage } from './departments/departments-page';
import { CountyQueuePage } from './queue/county-queue-page';
import { SyncReportPage } from './reports/sync-report-page';
import { WorkReportPage } from './reports/work-report-page';
import { CountySessionProvider, useCountySession } from './session/county-context';
import { CountySettingsPage } from './session/county-settings-page';
import { useCountySignOut } from './session/use-county-sign-out';
import { CountySignInForm } from './sign-in/county-sign-in-form';

export const countyNavItems: { key: keyof Resources['county']['nav']; path: string; icon: ReactNode }[] = [
  { key: 'opinions', path: '/county/opinions', icon: <SolutionOutlined /> },
  { key: 'departments', path: '/county/departments', icon: <ApartmentOutlined /> },
  { key: 'syncReport', path: '/county/sync-report', icon: <CloudSyncOutlined /> },
  { key: 'workReport', path: '/county/work-report', icon: <BarChartOutlined /> },
  { key: 'settings', path: '/county/settings', icon: <SettingOutlined /> },
];

/** Runs the county's replication while the workspace is open; a refused session ends it. */
function CountySync() {
  const { credentials, sessionExpired, expireSession } = useCountySession();
  // The app's one sync owner runs it (shared with the station shell when both hold this session).
  useSyncWith(sessionExpired ? null : credentials);
  const session = useSync();

  useEffect(() => {
    if (sessionExpired || !session || !sameSync(session.credentials, credentials)) return;
    const subscription = session.replication.events$.subscribe((event) => {
      if (event.type === 'error' && isSyncError(event.error) && event.error.needsNewToken) expireSession();
    });
    return () => subscription.unsubscribe();
  }, [session, credentials, sessionExpired, expireSession]);
  return null;
}

function SessionExpired() {
  const { t } = useTranslation('county');
  return (
    <main style={{ minHeight: '100%', background: '#f5f5f5', padding: '48px 24px', boxSizing: 'border-box' }}>
      <Alert
        type="warning"
        showIcon
        style={{ maxWidth: 480, margin: '0 auto 16px' }}
        title={t('session.expired')}
        description={t('session.expiredHint')}
      />
      <CountySignInForm />
    </main>
  );
}

function CountyShell() {
  const { t } = useTranslation('county');
  const navigate = useNavigate();
  const location = useLocation();
  const { credentials, sessionExpired } = useCountySession();
  const { signOut, signingOut } = useCountySignOut();
  const selected = countyNavItems.find((item) => location.pathname.startsWith(item.path))?.key ?? 'opinions';

  if (signingOut) return <Spin fullscreen tip={t('session.signingOut')} />;
  if (sessionExpired) return <SessionExpired />;

  return (
    <AppFrame
      brand={t('shell.appName')}
      navLabel={t('shell.navLabel')}
      selectedKey={selected}
      menuItems={[
        ...countyNavItems.map((item) => ({
          key: item.key,
          icon: item.icon,
          label: t(`nav.${item.key}`),
          onClick: () => navigate(item.path),
        })),
        { type: 'divider' as const },
        { key: 'signOut', icon: <LogoutOutlined />, label: t('nav.signOut'), onClick: signOut },
      ]}
      headerStart={
        <Typography.Text strong style={{ fontSize: 16 }}>
          {t('shell.title', { county: credentials.countyName })}
        </Typography.Text>
      }
      user={t('shell.user', { user: credentials.user })}
      contentPadding={16}
    >
      <Routes>
        <Route index element={<Navigate to="opinions" replace />} />
        <Route path="opinions/*" element={<CountyQueuePage />} />
        <Route path="departments/*" element={<DepartmentsPage />} />
        <Route path="sync-report/*" element={<SyncReportPage />} />
        <Route path="work-report/*" element={<WorkReportPage />} />
        <Route path="settings/*" element={<CountySettingsPage />} />
        <Route path="*" element={<Navigate to="opinions" replace />} />
      </Routes>
    </AppFrame>
  );
}

/** Standing alone (no app router around it): a hash router of its own with the workspace at /county/*. */
function StandaloneRouter() {
  const router = useMemo(
    () =>
      createHashRouter([
        { path: '/county/*', element: <CountyShell /> },
        { path: '*', element: <Navigate to="/county/opinions" replace /> },
      ]),
    [],
  );
  return <RouterProvider router={router} />;
}

function useAppVersion(): string | null {
  const info = useQuery({
    queryKey: ['appVersion'],
    queryFn: async () => (await getHost().appInfo()).version,
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (info.isError) return '0.0.0';
  return info.data ?? null;
}

function SignedIn({ credentials }: { credentials: CountyCredentials }) {
  const inRouter = useInRouterContext();
  const appVersion = useAppVersion();
  if (appVersion === null) return <Spin fullscreen />;
  return (
    <CountySessionProvider credentials={credentials} appVersion={appVersion}>
      <CountySync />
      {inRouter ? <CountyShell /> : <StandaloneRouter />}
    </CountySessionProvider>
  );
}

/** The workspace's server data (TanStack Query): one client per open workspace, so nothing outlives it. */
function createCountyQueryClient(): QueryClient {
  return new QueryClient({
    // Failures show at once (every page offers 刷新), and a page is not fetched again merely for regaining focus.
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
  });
}

export default function CountyPage() {
  const [queryClient] = useState(createCountyQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <CountyWorkspace />
    </QueryClientProvider>
  );
}

function CountyWorkspace() {
  const { t } = useTranslation('county');
  const { credentials, loading } = useSyncCredentials();
  if (loading) return <Spin fullscreen />;
  if (credentials?.role === 'county') return <SignedIn credentials={credentials} />;
  if (credentials?.role === 'station') {
    return <Result status="info" title={t('session.stationPc')} subTitle={t('session.stationPcHint')} />;
  }
  return (
    <main style={{ minHeight: '100%', background: '#f5f5f5', padding: '64px 24px', boxSizing: 'border-box' }}>
      <CountySignInForm />
    </main>
  );
}
