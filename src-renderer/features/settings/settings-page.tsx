// The 设置 section: language, the clerk's name, station information, export/restore, backups, diagnostics, wipe.
import { Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { BackupsCard, DataTransferCard, DiagnosticsCard, WipeCard } from './settings-data';
import { ClerkCard, LanguageCard, StationCard } from './settings-general';

export default function SettingsPage() {
  const { t } = useTranslation('settings');
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
      </Card>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 16, alignItems: 'start' }}>
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <LanguageCard />
          <ClerkCard />
          <StationCard />
        </Space>
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <DataTransferCard />
          <BackupsCard />
          <DiagnosticsCard />
          <WipeCard />
        </Space>
      </div>
    </Space>
  );
}
