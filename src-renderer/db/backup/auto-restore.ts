// Brings local data back from the host's backups: by itself at start when the database is empty, or by choice in 设置.
import { DomainError } from '../../../src-shared/common/domain-error';
import type { HostApi } from '../../../src-shared/host/host-api';
import type { LiaisonDatabase } from '../database';
import {
  countStationRecords,
  parseStationData,
  type RestoreSummary,
  restoreStationData,
} from '../transfer/station-data-file';

export type { RestoreSummary } from '../transfer/station-data-file';

/**
 * At start: when the app holds no station records and the host has a backup, restores it and returns what was
 * restored (for the clerk to see); null when nothing was needed or there is no backup.
 */
export async function autoRestoreIfEmpty(db: LiaisonDatabase, host: HostApi): Promise<RestoreSummary | null> {
  if ((await countStationRecords(db)) > 0) return null;
  const snapshot = await host.readBackup();
  if (!snapshot) return null;
  const file = await parseStationData(snapshot);
  const total = Object.values(file.counts).reduce((a, b) => a + b, 0);
  if (total === 0 && !file.stationIdentity) return null;
  const summary = await restoreStationData(db, file, 'newerWins');
  await host.log('info', 'local data restored from backup', {
    restored: summary.restored,
    backupCreatedAt: summary.createdAt,
  });
  return summary;
}

/** The clerk chose a backup in 设置: records missing here are added, older ones replaced; newer local work is kept. */
export async function restoreFromBackup(
  db: LiaisonDatabase,
  host: HostApi,
  backupId?: string,
): Promise<RestoreSummary> {
  const snapshot = await host.readBackup(backupId);
  if (!snapshot) {
    throw new DomainError({
      code: 'backup_not_found',
      message: '找不到所选的备份，请刷新备份列表后重新选择',
      messageEn: `Backup ${backupId ?? 'latest'} not found`,
    });
  }
  const summary = await restoreStationData(db, await parseStationData(snapshot), 'newerWins');
  await host.log('info', 'local data restored from a chosen backup', { backupId, restored: summary.restored });
  return summary;
}

/** A sentence for the clerk: “已从 2026-03-02 10:30 的备份恢复：群众意见建议 12 条、接待日 3 条”. */
export function describeRestore(summary: RestoreSummary, labels: Readonly<Record<string, string>>): string {
  const parts = Object.entries(summary.restored)
    .filter(([, n]) => n > 0)
    .map(([name, n]) => `${labels[name] ?? name} ${n} 条`);
  const when = summary.createdAt
    ? new Date(summary.createdAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })
    : '';
  return `已从${when ? ` ${when} 的` : ''}备份恢复：${parts.length > 0 ? parts.join('、') : '没有需要恢复的记录'}`;
}
