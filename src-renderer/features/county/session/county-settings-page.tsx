// 设置 for county staff: the interface language and the session (who is signed in, where, until when), sign-out.
import { LogoutOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Select, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../src-shared/common/labels';
import { formatDateTime } from '../../../i18n/format';
import { useLocale } from '../../../i18n/i18n';
import { useLanguageStore } from '../../../state/language-store';
import { useCountySession } from './county-context';
import { useCountySignOut } from './use-county-sign-out';

export function CountySettingsPage() {
  const { t } = useTranslation('county');
  const locale = useLocale();
  const setLanguage = useLanguageStore((s) => s.setLanguage);
  const { credentials } = useCountySession();
  const { signOut, signingOut } = useCountySignOut();
  if (signingOut) return <Spin fullscreen tip={t('session.signingOut')} />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 720 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('settings.title')}
      </Typography.Title>
      <Card size="small" title={t('settings.language')}>
        <Select<Locale>
          aria-label={t('settings.language')}
          style={{ width: 200 }}
          value={locale}
          onChange={setLanguage}
          options={[
            { value: 'zh-CN', label: '简体中文' },
            { value: 'en', label: 'English' },
          ]}
        />
      </Card>
      <Card size="small" title={t('settings.session')}>
        <Descriptions column={1} size="small" bordered styles={{ label: { width: 160 } }}>
          <Descriptions.Item label={t('settings.user')}>{credentials.user}</Descriptions.Item>
          <Descriptions.Item label={t('settings.county')}>{credentials.countyName}</Descriptions.Item>
          <Descriptions.Item label={t('settings.server')}>{credentials.serverUrl}</Descriptions.Item>
          <Descriptions.Item label={t('settings.signedInAt')}>
            {formatDateTime(credentials.signedInAt, locale)}
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.expiresAt')}>
            {formatDateTime(credentials.expiresAt, locale)}
          </Descriptions.Item>
        </Descriptions>
        <Button style={{ marginTop: 12 }} icon={<LogoutOutlined />} onClick={signOut}>
          {t('session.signOut')}
        </Button>
      </Card>
    </Space>
  );
}
