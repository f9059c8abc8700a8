// The app frame: side navigation with the eight sections, a header with station, sync state and clerk, the page outlet.
import {
  AuditOutlined,
  CalendarOutlined,
  CommentOutlined,
  DashboardOutlined,
  SettingOutlined,
  SyncOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import type { Resources } from '../i18n/i18n-types';
import { AppFrame } from '../ui/app-frame';
import { useStationProfile } from './app-context';
import { RestoreBanner } from './restore-banner';

export const navItems: { key: keyof Resources['common']['nav']; path: string; icon: ReactNode }[] = [
  { key: 'today', path: '/today', icon: <DashboardOutlined /> },
  { key: 'receptionDays', path: '/reception-days', icon: <CalendarOutlined /> },
  { key: 'opinions', path: '/opinions', icon: <CommentOutlined /> },
  { key: 'mediation', path: '/mediation', icon: <AuditOutlined /> },
  { key: 'activities', path: '/activities', icon: <TrophyOutlined /> },
  { key: 'representatives', path: '/representatives', icon: <TeamOutlined /> },
  { key: 'sync', path: '/sync', icon: <SyncOutlined /> },
  { key: 'settings', path: '/settings', icon: <SettingOutlined /> },
];

export function ShellLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const profile = useStationProfile();
  const selected = navItems.find((item) => location.pathname.startsWith(item.path))?.key ?? 'today';

  return (
    <AppFrame
      brand={t('appName')}
      navLabel={t('appName')}
      selectedKey={selected}
      menuItems={navItems.map((item) => ({
        key: item.key,
        icon: item.icon,
        label: t(`nav.${item.key}`),
        onClick: () => navigate(item.path),
      }))}
      headerStart={
        <Space size="middle">
          <Typography.Text strong style={{ fontSize: 16 }}>
            {profile.countyName} · {profile.stationName}
          </Typography.Text>
          {profile.mode === 'training' ? (
            <Tag color="orange" title={t('header.trainingHint')}>
              {t('header.training')}
            </Tag>
          ) : null}
        </Space>
      }
      user={t('header.clerk', { name: profile.clerkName })}
      contentPadding={24}
    >
      <RestoreBanner />
      <Outlet />
    </AppFrame>
  );
}
