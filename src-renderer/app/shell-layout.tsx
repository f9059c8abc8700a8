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
import { Layout, Menu, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { SyncIndicator } from '../ui/sync-indicator';
import { useStationProfile } from './app-context';
import { RestoreBanner } from './restore-banner';

export const navItems: { key: string; path: string; icon: ReactNode }[] = [
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
    <Layout style={{ height: '100%' }}>
      <Layout.Sider width={200} theme="dark" className="no-print">
        <div style={{ color: '#fff', fontWeight: 600, fontSize: 16, padding: '18px 16px', lineHeight: 1.3 }}>
          {t('appName')}
        </div>
        <nav aria-label={t('appName')}>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[selected]}
            items={navItems.map((item) => ({
              key: item.key,
              icon: item.icon,
              label: t(`nav.${item.key}`),
              onClick: () => navigate(item.path),
            }))}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          className="no-print"
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
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
          <Space size="middle">
            <SyncIndicator />
            <Typography.Text type="secondary">{t('header.clerk', { name: profile.clerkName })}</Typography.Text>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24, overflow: 'auto' }}>
          <RestoreBanner />
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
