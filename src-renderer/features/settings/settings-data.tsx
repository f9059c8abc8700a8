// 设置 → data safety: export all data, restore an exported file, local backups, diagnostics, wipe this PC.
import { CloudDownloadOutlined, DeleteOutlined, FileSearchOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Modal, Space, Spin, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isDomainError } from '../../../src-shared/common/domain-error';
import type { BackupInfo } from '../../../src-shared/host/host-api';
import { parseHostError } from '../../../src-shared/host/host-api';
import { useDatabase, useOptionalStationProfile, useStationProfile } from '../../app/app-context';
import { restoreFromBackup } from '../../db/backup/auto-restore';
import { restoreExportedFile } from '../../db/transfer/restore-exported-file';
import { stationDataExtension } from '../../db/transfer/station-data-file';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { useLocale } from '../../i18n/i18n';
import { getHost } from '../../platform/host';
import { describeCounts, diagnosticsReport, exportAllData, wipeLocalData } from './station-data-actions';

function errorText(error: unknown): string {
  if (isDomainError(error)) return error.message;
  const host = parseHostError(error);
  if (host) return host.message;
  return error instanceof Error ? error.message : String(error);
}

export function DataTransferCard() {
  const { t } = useTranslation('settings');
  const locale = useLocale();
  const { message } = App.useApp();
  const database = useDatabase();
  const profile = useOptionalStationProfile();
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  const [result, setResult] = useState<{ type: 'success' | 'error'; text: string } | null>(null);

  async function exportAll() {
    setBusy('export');
    setResult(null);
    try {
      const { saved, counts } = await exportAllData(database, getHost(), profile?.clerkName ?? '');
      if (saved) {
        const text = t('data.exported', { summary: describeCounts(counts, locale, t('data.nothing')) });
        setResult({ type: 'success', text });
        void message.success(text);
      }
    } catch (error) {
      setResult({ type: 'error', text: t('data.exportFailed', { message: errorText(error) }) });
    } finally {
      setBusy(null);
    }
  }

  async function importFile() {
    setResult(null);
    const opened = await getHost()
      .openFile({ title: t('data.import'), extensions: [stationDataExtension, 'json'] })
      .catch((error: unknown) => {
        setResult({ type: 'error', text: t('data.importRefused', { message: errorText(error) }) });
        return null;
      });
    if (!opened) return;
    setBusy('import');
    try {
      const summary = await restoreExportedFile(database, getHost(), opened.data, {
        otherStation: (station, current) => t('data.otherStation', { station, current }),
      });
      const text = t('data.imported', { summary: describeCounts(summary.restored, locale, t('data.nothing')) });
      setResult({ type: 'success', text });
      void message.success(text);
    } catch (error) {
      setResult({ type: 'error', text: t('data.importRefused', { message: errorText(error) }) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card title={t('data.title')} size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('data.exportHint')}</Typography.Text>
        <Button
          icon={<CloudDownloadOutlined />}
          type="primary"
          loading={busy === 'export'}
          onClick={() => void exportAll()}
        >
          {t('data.export')}
        </Button>
        <Typography.Text type="secondary">{t('data.importHint')}</Typography.Text>
        <Button icon={<UploadOutlined />} loading={busy === 'import'} onClick={() => void importFile()}>
          {t('data.import')}
        </Button>
        {result ? <Alert role="alert" type={result.type} showIcon message={result.text} /> : null}
      </Space>
    </Card>
  );
}

export function BackupsCard() {
  const { t } = useTranslation('settings');
  const locale = useLocale();
  const { message, modal } = App.useApp();
  const database = useDatabase();
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(() => {
    setError(null);
    getHost()
      .listBackups()
      .then(setBackups, (e: unknown) => {
        setBackups([]);
        setError(t('backups.listFailed', { message: errorText(e) }));
      });
  }, [t]);

  useEffect(() => refresh(), [refresh]);

  function restore(backup: BackupInfo) {
    modal.confirm({
      title: t('backups.restore'),
      content: t('backups.restoreConfirm', { time: formatDateTime(backup.createdAt, locale) }),
      onOk: async () => {
        try {
          const summary = await restoreFromBackup(database, getHost(), backup.id);
          void message.success(
            t('backups.restored', {
              summary: `${formatDateTime(summary.createdAt, locale)}：${describeCounts(summary.restored, locale, t('data.nothing'))}`,
            }),
          );
        } catch (e) {
          void message.error(t('backups.restoreFailed', { message: errorText(e) }));
        }
      },
    });
  }

  return (
    <Card
      title={t('backups.title')}
      size="small"
      extra={
        <Button size="small" onClick={refresh}>
          {t('backups.refresh')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('backups.hint')}</Typography.Paragraph>
      {error ? <Alert type="warning" showIcon message={error} style={{ marginBottom: 8 }} /> : null}
      <Table<BackupInfo>
        rowKey="id"
        size="small"
        loading={backups === null}
        dataSource={backups ?? []}
        pagination={{ pageSize: 5, hideOnSinglePage: true }}
        locale={{ emptyText: t('backups.empty') }}
        columns={[
          { title: t('backups.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v, locale) },
          {
            title: t('backups.kind'),
            dataIndex: 'kind',
            render: (k: BackupInfo['kind']) => (
              <Tag color={k === 'latest' ? 'blue' : 'default'}>{t(`backups.${k}`)}</Tag>
            ),
          },
          {
            title: t('backups.size'),
            dataIndex: 'sizeBytes',
            align: 'right',
            render: (n: number) => `${formatNumber(Math.max(1, Math.round(n / 1024)), locale)} KB`,
          },
          {
            title: t('backups.actions'),
            key: 'restore',
            render: (_, backup) => (
              <Button size="small" onClick={() => restore(backup)}>
                {t('backups.restore')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

export function DiagnosticsCard() {
  const { t } = useTranslation('settings');
  const { message } = App.useApp();
  const database = useDatabase();
  const profile = useStationProfile();

  async function exportDiagnostics() {
    try {
      const result = await getHost().exportDiagnostics(await diagnosticsReport(database, profile));
      if (result.saved) void message.success(t('diagnostics.exported'));
    } catch (e) {
      void message.error(t('diagnostics.failed', { message: errorText(e) }));
    }
  }

  return (
    <Card title={t('diagnostics.title')} size="small">
      <Space direction="vertical">
        <Typography.Text type="secondary">{t('diagnostics.hint')}</Typography.Text>
        <Button icon={<FileSearchOutlined />} onClick={() => void exportDiagnostics()}>
          {t('diagnostics.export')}
        </Button>
      </Space>
    </Card>
  );
}

export function WipeCard() {
  const { t } = useTranslation('settings');
  const { message } = App.useApp();
  const database = useDatabase();
  const profile = useStationProfile();
  const word = t('wipe.confirmWord');
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [wiping, setWiping] = useState(false);
  const confirmed = typed.trim() === word;

  async function wipe() {
    if (!confirmed) return;
    setWiping(true);
    try {
      await wipeLocalData(database, getHost(), profile.clerkName);
      // Start over in first run: the database is gone and the app opens a new, empty one.
      window.location.hash = '#/';
      window.location.reload();
    } catch (e) {
      setWiping(false);
      void message.error(t('wipe.failed', { message: errorText(e) }));
    }
  }

  return (
    <Card title={<Typography.Text type="danger">{t('wipe.title')}</Typography.Text>} size="small">
      {wiping ? <Spin fullscreen tip={t('wipe.wiping')} /> : null}
      <Space direction="vertical">
        <Typography.Text type="secondary">{t('wipe.hint')}</Typography.Text>
        <Button
          danger
          icon={<DeleteOutlined />}
          onClick={() => {
            setTyped('');
            setOpen(true);
          }}
        >
          {t('wipe.button')}
        </Button>
      </Space>
      <Modal
        open={open}
        title={t('wipe.confirmTitle')}
        okText={t('wipe.ok')}
        okButtonProps={{ danger: true, disabled: !confirmed }}
        confirmLoading={wiping}
        onOk={() => void wipe()}
        onCancel={() => setOpen(false)}
        cancelButtonProps={{ disabled: wiping }}
        closable={!wiping}
        maskClosable={false}
        destroyOnHidden
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert type="error" showIcon message={t('wipe.confirmBody', { word })} />
          <Input
            aria-label={t('wipe.confirmLabel')}
            placeholder={word}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            status={typed && !confirmed ? 'error' : undefined}
          />
          {typed && !confirmed ? (
            <Typography.Text type="danger">{t('wipe.confirmMismatch', { word })}</Typography.Text>
          ) : null}
        </Space>
      </Modal>
    </Card>
  );
}
