// The 同步 page: connection, last successful sync, pending changes, progress with counts, errors with what to do,
// "立即同步", the enrolment details, "注销本机注册", and enrolling again when the token is gone.
import { CloudSyncOutlined, DisconnectOutlined, LogoutOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Popconfirm,
  Progress,
  Row,
  Space,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isDomainError } from '../../../src-shared/common/domain-error';
import { useStationProfile } from '../../app/app-context';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { useLocale } from '../../i18n/i18n';
import { useSyncStatusStore } from '../../state/sync-status-store';
import { enrolStation, forgetEnrolment } from '../../sync/enrol';
import { useSync } from '../../sync/sync-provider';
import { useSyncCredentials } from '../../sync/sync-runner';
import { EnrolmentFields, type EnrolmentValues } from '../../ui/enrolment-fields';
import { RefusedRecordsCard } from './refused-records-card';

function errorText(error: unknown): string {
  if (isDomainError(error)) return error.message;
  return error instanceof Error ? error.message : String(error);
}

function StatusCard() {
  const { t } = useTranslation('sync');
  const locale = useLocale();
  const { message } = App.useApp();
  const { online, lastSyncAt, pending, progress, lastError } = useSyncStatusStore();
  const engine = useSync();
  const [busy, setBusy] = useState(false);

  async function syncNow() {
    if (!engine) {
      void message.warning(t('status.notRunning'));
      return;
    }
    setBusy(true);
    try {
      await engine.syncNow();
      void message.success(t('status.syncDone'));
    } catch (error) {
      void message.error(t('status.syncFailed', { message: errorText(error) }));
    } finally {
      setBusy(false);
    }
  }

  const percent =
    progress && progress.total !== null && progress.total > 0
      ? Math.min(100, Math.round((progress.done / progress.total) * 100))
      : undefined;

  return (
    <Card
      title={t('status.title')}
      extra={
        <Button type="primary" icon={<CloudSyncOutlined />} loading={busy} onClick={() => void syncNow()}>
          {t('status.syncNow')}
        </Button>
      }
    >
      {lastError ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('status.errorTitle')}
          description={lastError}
        />
      ) : null}
      <Descriptions column={1} bordered size="middle" styles={{ label: { width: 180 } }}>
        <Descriptions.Item label={t('status.connection')}>
          {online ? (
            <Badge status="success" text={t('status.online')} />
          ) : (
            <Space>
              <DisconnectOutlined />
              {t('status.offline')}
            </Space>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('status.lastSyncAt')}>
          {lastSyncAt ? formatDateTime(lastSyncAt, locale) : t('status.never')}
        </Descriptions.Item>
        <Descriptions.Item label={t('status.pending')}>
          <output aria-label={t('status.pending')}>{t('status.pendingValue', { count: pending })}</output>
        </Descriptions.Item>
        <Descriptions.Item label={t('status.progress')}>
          {progress ? (
            <div role="progressbar" aria-label={t('status.progress')} aria-valuenow={progress.done}>
              {percent !== undefined ? (
                <Progress percent={percent} size="small" />
              ) : (
                <Progress percent={100} status="active" showInfo={false} size="small" />
              )}
              <Typography.Text>
                {progress.total !== null
                  ? t('status.progressKnown', {
                      done: formatNumber(progress.done, locale),
                      total: formatNumber(progress.total, locale),
                    })
                  : t('status.progressUnknown', { done: formatNumber(progress.done, locale) })}
              </Typography.Text>
            </div>
          ) : (
            <Typography.Text type="secondary">{t('status.idle')}</Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** Enrolling again (after 注销 or a revoked token): the code must belong to this PC's station. */
function EnrolAgainCard({ stationId, initialServerUrl }: { stationId: string; initialServerUrl: string }) {
  const { t } = useTranslation('sync');
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(values: EnrolmentValues) {
    setBusy(true);
    setError(null);
    try {
      const station = await enrolStation(values);
      if (station.stationId !== stationId) {
        // Records of this PC belong to its station: never sync them under another one.
        await forgetEnrolment();
        setError(t('enrol.otherStation', { name: station.stationName }));
      } else {
        void message.success(t('enrol.done'));
      }
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('enrol.title')}>
      <Typography.Paragraph type="secondary">{t('enrol.description')}</Typography.Paragraph>
      <Form<EnrolmentValues>
        layout="vertical"
        initialValues={{ serverUrl: initialServerUrl, code: '', deviceName: '' }}
        onFinish={(values) => void submit(values)}
      >
        <EnrolmentFields namespace="sync" />
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('enrol.submit')}
        </Button>
      </Form>
    </Card>
  );
}

function ConnectionCard() {
  const { t } = useTranslation('sync');
  const locale = useLocale();
  const { message } = App.useApp();
  const profile = useStationProfile();
  const pending = useSyncStatusStore((s) => s.pending);
  const { credentials, loading } = useSyncCredentials();
  const [lastServerUrl, setLastServerUrl] = useState('');

  if (loading) return <Card loading title={t('connection.title')} />;
  if (credentials?.role !== 'station') {
    return <EnrolAgainCard stationId={profile.stationId} initialServerUrl={lastServerUrl} />;
  }

  async function forget() {
    if (credentials) setLastServerUrl(credentials.serverUrl);
    await forgetEnrolment();
    useSyncStatusStore.getState().update({ online: false, progress: null, lastError: null });
    void message.success(t('connection.forgotten'));
  }

  return (
    <Card
      title={t('connection.title')}
      extra={
        <Popconfirm
          title={t('connection.forget')}
          description={
            <div style={{ maxWidth: 360 }}>
              {pending > 0 ? (
                <Typography.Paragraph type="danger">
                  {t('connection.forgetPendingWarning', { count: pending })}
                </Typography.Paragraph>
              ) : null}
              {t('connection.forgetConfirm')}
            </div>
          }
          okText={t('connection.forgetOk')}
          cancelText={t('connection.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => forget()}
        >
          <Button danger icon={<LogoutOutlined />}>
            {t('connection.forget')}
          </Button>
        </Popconfirm>
      }
    >
      <Descriptions column={1} size="middle" styles={{ label: { width: 140 } }}>
        <Descriptions.Item label={t('connection.serverUrl')}>
          <Typography.Text copyable>{credentials.serverUrl}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('connection.station')}>
          {credentials.stationName || profile.stationName}
        </Descriptions.Item>
        <Descriptions.Item label={t('connection.county')}>
          {credentials.countyName || profile.countyName}
        </Descriptions.Item>
        <Descriptions.Item label={t('connection.device')}>{credentials.deviceName}</Descriptions.Item>
        <Descriptions.Item label={t('connection.enrolledAt')}>
          {formatDateTime(credentials.enrolledAt, locale)}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

export default function SyncPage() {
  const { t } = useTranslation('sync');
  const profile = useStationProfile();
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      {profile.mode === 'training' ? (
        <Alert type="warning" showIcon title={t('training.title')} description={t('training.description')} />
      ) : (
        <>
          <RefusedRecordsCard />
          <Row gutter={24}>
            <Col span={14}>
              <StatusCard />
            </Col>
            <Col span={10}>
              <ConnectionCard />
            </Col>
          </Row>
        </>
      )}
    </Space>
  );
}
