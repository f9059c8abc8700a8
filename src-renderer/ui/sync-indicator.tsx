// The header's sync indicator: online/offline, pending uploads, progress, last sync and last error (from the sync store).
import { CloudOutlined, CloudSyncOutlined, DisconnectOutlined, WarningOutlined } from '@ant-design/icons';
import { Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format';
import { useLocale } from '../i18n/i18n';
import { useSyncStatusStore } from '../state/sync-status-store';

/** A one-line summary of the sync state (also used on 工作台). */
export function useSyncSummary(): { text: string; color: string; detail: string } {
  const { t } = useTranslation();
  const locale = useLocale();
  const { online, lastSyncAt, pending, progress, lastError } = useSyncStatusStore();
  const last = lastSyncAt ? t('sync.lastSyncAt', { time: formatDateTime(lastSyncAt, locale) }) : t('sync.never');
  if (progress) {
    const text =
      progress.total === null
        ? t('sync.syncingUnknown', { done: progress.done })
        : t('sync.syncing', { done: progress.done, total: progress.total });
    return { text, color: 'processing', detail: last };
  }
  if (lastError) return { text: t('sync.error', { message: lastError }), color: 'error', detail: last };
  const state = online ? t('sync.online') : t('sync.offline');
  const text = pending > 0 ? `${state} · ${t('sync.pending', { count: pending })}` : state;
  return { text, color: online ? 'success' : 'default', detail: last };
}

export function SyncIndicator() {
  const { t } = useTranslation();
  const { online, progress, lastError } = useSyncStatusStore();
  const summary = useSyncSummary();
  const icon = progress ? (
    <CloudSyncOutlined spin />
  ) : lastError ? (
    <WarningOutlined />
  ) : online ? (
    <CloudOutlined />
  ) : (
    <DisconnectOutlined />
  );
  return (
    <Tooltip title={summary.detail}>
      <Tag color={summary.color} icon={icon} role="status" aria-label={t('sync.indicatorLabel')}>
        <Space size={4}>{summary.text}</Space>
      </Tag>
    </Tooltip>
  );
}
