// First run: choose 注册到同步服务器, 培训/演示模式 or 从导出文件恢复 (a replacement PC), then give the clerk's name.
import { CloudServerOutlined, ExperimentOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Input, Row, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isDomainError } from '../../../src-shared/common/domain-error';
import { parseHostError } from '../../../src-shared/host/host-api';
import { type StationProfile, useDatabase } from '../../app/app-context';
import { RestoreBanner } from '../../app/restore-banner';
import { summarizeRestore } from '../../app/startup';
import { saveStationProfile } from '../../app/station-profile';
import { restoreExportedFile } from '../../db/transfer/restore-exported-file';
import { stationDataExtension } from '../../db/transfer/station-data-file';
import { getHost } from '../../platform/host';
import { type EnrolledStation, enrolStation } from '../../sync/enrol';
import { useProvisionedEnrolment } from '../../sync/use-provisioned-enrolment';
import { EnrolmentFields, type EnrolmentValues } from '../../ui/enrolment-fields';
import { completeEnrolment, installTrainingStation } from './setup-station';

type Choice =
  | { kind: 'training' }
  | { kind: 'enrolled'; station: EnrolledStation }
  | { kind: 'resume'; profile: StationProfile };

function errorText(error: unknown): string {
  if (isDomainError(error)) return error.message;
  const host = parseHostError(error);
  if (host) return host.message;
  return error instanceof Error ? error.message : String(error);
}

function EnrolCard({ onEnrolled }: { onEnrolled: (station: EnrolledStation) => void }) {
  const { t } = useTranslation('setup');
  const [form] = Form.useForm<EnrolmentValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(values: EnrolmentValues) {
    setBusy(true);
    setError(null);
    try {
      onEnrolled(
        await enrolStation({
          serverUrl: values.serverUrl.trim(),
          code: values.code.trim(),
          deviceName: values.deviceName.trim(),
        }),
      );
    } catch (e) {
      setError(t('enrol.failed', { message: errorText(e) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card
      title={
        <Space>
          <CloudServerOutlined />
          {t('enrol.title')}
        </Space>
      }
      style={{ height: '100%' }}
    >
      <Typography.Paragraph type="secondary">{t('enrol.description')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} requiredMark>
        <EnrolmentFields namespace="setup" checkUrlScheme />
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('enrol.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/**
 * A replacement PC: the exported file brings back the records, photos and the station; the profile then appears
 * without a clerk's name, and the page moves on to the last step by itself.
 */
function RestoreCard({ onRestored }: { onRestored: (summary: string) => void }) {
  const { t } = useTranslation('setup');
  const database = useDatabase();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function restore() {
    setError(null);
    try {
      const opened = await getHost().openFile({
        title: t('restore.dialogTitle'),
        extensions: [stationDataExtension, 'json'],
      });
      if (!opened) return;
      setBusy(true);
      const summary = await restoreExportedFile(database, getHost(), opened.data);
      onRestored(summarizeRestore(summary));
    } catch (e) {
      setError(t('restore.failed', { message: errorText(e) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card
      title={
        <Space>
          <UploadOutlined />
          {t('restore.title')}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('restore.description')}</Typography.Paragraph>
      {error ? <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Button icon={<UploadOutlined />} loading={busy} onClick={() => void restore()}>
        {t('restore.button')}
      </Button>
    </Card>
  );
}

function ClerkStep({ choice, onBack, restored }: { choice: Choice; onBack: () => void; restored: string | null }) {
  const { t } = useTranslation('setup');
  const { t: tc } = useTranslation();
  const database = useDatabase();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  async function finish({ clerkName }: { clerkName: string }) {
    setBusy(true);
    try {
      if (choice.kind === 'training') await installTrainingStation(database, clerkName);
      else if (choice.kind === 'enrolled') await completeEnrolment(database, choice.station, clerkName);
      else await saveStationProfile(database, { ...choice.profile, clerkName: clerkName.trim() });
    } catch (e) {
      void message.error(t('clerk.failed', { message: errorText(e) }));
      setBusy(false);
    }
  }

  return (
    <Card title={t('clerk.title')} style={{ maxWidth: 520, margin: '0 auto' }}>
      {restored !== null ? (
        <Alert
          role="status"
          type="success"
          showIcon
          title={t('restore.done', { summary: restored })}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Typography.Paragraph type="secondary">{t('clerk.description')}</Typography.Paragraph>
      {choice.kind === 'enrolled' ? (
        <Typography.Paragraph>{t('clerk.station', { name: choice.station.stationName })}</Typography.Paragraph>
      ) : null}
      {choice.kind === 'resume' ? (
        <Typography.Paragraph>{t('clerk.station', { name: choice.profile.stationName })}</Typography.Paragraph>
      ) : null}
      <Form layout="vertical" onFinish={(values: { clerkName: string }) => void finish(values)}>
        <Form.Item
          name="clerkName"
          label={t('clerk.name')}
          rules={[
            { required: true, whitespace: true, message: t('clerk.nameRequired') },
            { max: 50, message: t('clerk.nameTooLong') },
          ]}
        >
          <Input autoFocus autoComplete="off" />
        </Form.Item>
        <Space>
          {choice.kind === 'resume' ? null : (
            <Button onClick={onBack} disabled={busy}>
              {tc('actions.back')}
            </Button>
          )}
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('clerk.finish')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}

/** First run; `resume` is a profile rebuilt after a restore that still needs the clerk's name. */
export default function SetupPage({ resume }: { resume?: StationProfile | null }) {
  const { t } = useTranslation('setup');
  const [chosen, setChosen] = useState<Choice | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  // An installer's provisioning (or, in a browser, the page address) enrols this PC by itself.
  const provisioned = useProvisionedEnrolment();
  // A profile without a clerk's name (after a restore, also one made on this page) always leads to the last step.
  const choice: Choice | null = resume
    ? { kind: 'resume', profile: resume }
    : (chosen ?? (provisioned.station ? { kind: 'enrolled', station: provisioned.station } : null));

  return (
    <main style={{ minHeight: '100%', background: '#f5f5f5', padding: '48px 64px', boxSizing: 'border-box' }}>
      <Typography.Title level={2} style={{ textAlign: 'center', marginBottom: 4 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginBottom: 32 }}>
        {t('subtitle')}
      </Typography.Paragraph>
      <div style={{ maxWidth: 1000, margin: '0 auto' }}>
        <RestoreBanner />
        {provisioned.error && !choice ? (
          <Alert
            role="alert"
            type="error"
            showIcon
            title={t('enrol.provisionedFailed', { message: provisioned.error })}
            style={{ marginBottom: 16 }}
          />
        ) : null}
      </div>
      {provisioned.busy && !choice ? (
        <div style={{ textAlign: 'center', padding: 48 }}>
          <Spin />
          <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
            {t('enrol.provisionedBusy')}
          </Typography.Paragraph>
        </div>
      ) : choice ? (
        <ClerkStep choice={choice} onBack={() => setChosen(null)} restored={restored} />
      ) : (
        <Row gutter={[24, 24]} style={{ maxWidth: 1000, margin: '0 auto' }}>
          <Col span={12}>
            <EnrolCard onEnrolled={(station) => setChosen({ kind: 'enrolled', station })} />
          </Col>
          <Col span={12}>
            <Card
              title={
                <Space>
                  <ExperimentOutlined />
                  {t('training.title')}
                </Space>
              }
              style={{ height: '100%' }}
            >
              <Typography.Paragraph type="secondary">{t('training.description')}</Typography.Paragraph>
              <Button type="primary" onClick={() => setChosen({ kind: 'training' })}>
                {t('training.start')}
              </Button>
            </Card>
          </Col>
          <Col span={24}>
            <RestoreCard onRestored={setRestored} />
          </Col>
        </Row>
      )}
    </main>
  );
}
