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
import { Alert, Result, Spin, Typography } from 'antd';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createHashRouter,
  Navigate,
  Route,
  RouterProvider,
  Routes,
  useInRouterContext,
  useLocation,
  useNavigate,
} from 'react-router-dom';
import type { Resources } from '../../i18n/i18n-types';
import { getHost } from '../../platform/host';
import type { CountyCredentials } from '../../sync/credentials';
import { isSyncError } from '../../sync/sync-client';
import { sameSync } from '../../sync/sync-owner';
import { useSync, useSyncWith } from '../../sync/sync-provider';
import { useSyncCredentials } from '../../sync/sync-runner';
import { AppFrame } from '../../ui/app-frame';
import { CountySignInForm } from '../county-sign-in/county-sign-in-form';
import { CountySessionProvider, useCountySession } from './county-context';
import { CountyQueuePage } from './county-queue-page';
import { CountySettingsPage } from './county-settings-page';
import { DepartmentsPage } from './departments-page';
import { SyncReportPage } from './sync-report-page';
import { useCountySignOut } from './use-county-sign-out';
import { WorkReportPage } from './work-report-page';

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
  const [version, setVersion] = useState<string | null>(null);
  useEffect(() => {
    let active = true;
    getHost()
      .appInfo()
      .then(
        (info) => active && setVersion(info.version),
        () => active && setVersion('0.0.0'),
      );
    return () => {
      active = false;
    };
  }, []);
  return version;
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

export default function CountyPage() {
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
