// The workspace frame shared by the station shell and the county workspace: dark side navigation under the app's
// name, a header (who/where on the left; sync state and the signed-in person on the right), the scrolling content.
import { Layout, Menu, type MenuProps, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { SyncIndicator } from './sync-indicator';

interface AppFrameProps {
  /** The name above the navigation. */
  brand: string;
  /** Accessible name of the navigation landmark. */
  navLabel: string;
  menuItems: MenuProps['items'];
  selectedKey: string;
  /** The header's left side (the station or county the work belongs to). */
  headerStart: ReactNode;
  /** Who works here, next to the sync indicator. */
  user: string;
  contentPadding: number;
  children: ReactNode;
}

export function AppFrame({
  brand,
  navLabel,
  menuItems,
  selectedKey,
  headerStart,
  user,
  contentPadding,
  children,
}: AppFrameProps) {
  return (
    <Layout style={{ height: '100%' }}>
      <Layout.Sider width={200} theme="dark" className="no-print">
        <div style={{ color: '#fff', fontWeight: 600, fontSize: 16, padding: '18px 16px', lineHeight: 1.3 }}>
          {brand}
        </div>
        <nav aria-label={navLabel}>
          <Menu theme="dark" mode="inline" selectedKeys={[selectedKey]} items={menuItems} />
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
          {headerStart}
          <Space size="middle">
            <SyncIndicator />
            <Typography.Text type="secondary">{user}</Typography.Text>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: contentPadding, overflow: 'auto' }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
