// Brings local data back from the host's backups: by itself at start when the database is empty, or by choice in 设置.
import { DomainError, isDomainError } from '../../../src-shared/common/domain-error';
import { type BackupInfo, type HostApi, parseHostError } from '../../../src-shared/host/host-api';
import type { LiaisonDatabase } from '../database';
import {
  countStationRecords,
  parseStationData,
  type RestoreSummary,
  restoreStationData,
  type StationDataFile,
} from '../transfer/station-data-file';

export type { RestoreSummary } from '../transfer/station-data-file';

/** A backup that could not be used at start (damaged, written with another key, not a valid snapshot). */
export interface UnreadableBackup {
  /** The backup's id, or null for the host's newest backup when it is not listed (its header is damaged). */
  id: string | null;
  reason: string;
}

/** The newest backup that can be read and checked, and the newer ones that could not. */
export interface UsableBackup {
  /** Null when there is none. */
  found: { id: string | null; file: StationDataFile } | null;
  unreadable: UnreadableBackup[];
}

function reasonOf(error: unknown): string {
  if (isDomainError(error)) return error.message;
  const host = parseHostError(error);
  if (host) return host.message;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Finds the newest backup that is readable and passes the data file's checks: the newest state (`latest`) first,
 * then the daily snapshots, newest first. A damaged one is skipped, never restored in part.
 */
export async function readUsableBackup(host: HostApi): Promise<UsableBackup> {
  const unreadable: UnreadableBackup[] = [];
  let listed: BackupInfo[] = [];
  try {
    listed = await host.listBackups();
  } catch (error) {
    unreadable.push({ id: null, reason: reasonOf(error) });
  }
  const latest = listed.filter((b) => b.kind === 'latest');
  const dailies = listed
    .filter((b) => b.kind === 'daily')
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  // A backup whose header is damaged is not listed: the host's own newest is tried first in that case.
  const candidates: (string | null)[] = [...(latest.length > 0 ? latest.map((b) => b.id) : [null])];
  candidates.push(...dailies.map((b) => b.id));
  for (const id of candidates) {
    try {
      const snapshot = id === null ? await host.readBackup() : await host.readBackup(id);
      if (snapshot === null) continue;
      return { found: { id, file: await parseStationData(snapshot) }, unreadable };
    } catch (error) {
      unreadable.push({ id, reason: reasonOf(error) });
    }
  }
  return { found: null, unreadable };
}

/** What happened at start when the database came up empty. */
export interface AutoRestoreOutcome {
  /** What was restored (show it to the clerk), or null. */
  summary: RestoreSummary | null;
  /** The backup restored from ('latest', a daily id, or null for the host's newest). */
  backupId: string | null;
  /** Newer backups that were skipped because they could not be read. */
  unreadable: UnreadableBackup[];
  /** Set when backups exist but none could be read: the app starts empty and says so. */
  problem: DomainError | null;
}

/**
 * At start: when the app holds no station records and the host has a backup, restores the newest readable one and
 * says what it restored (and which newer backups it had to skip). The app starts empty, with a clear message, when
 * no backup can be read.
 */
export async function autoRestore(db: LiaisonDatabase, host: HostApi): Promise<AutoRestoreOutcome> {
  const nothing: AutoRestoreOutcome = { summary: null, backupId: null, unreadable: [], problem: null };
  if ((await countStationRecords(db)) > 0) return nothing;
  const { found, unreadable } = await readUsableBackup(host);
  if (!found) {
    if (unreadable.length === 0) return nothing;
    await host.log('error', 'no backup could be read, starting empty', {
      unreadable: unreadable.map((u) => u.id ?? 'newest'),
    });
    return {
      ...nothing,
      unreadable,
      problem: new DomainError({
        code: 'backup_unreadable',
        message:
          '本机数据库为空，本机的备份也已损坏，无法自动恢复，程序以空白数据启动。如有“导出全部数据”生成的文件，请在首次使用页面选择“从导出文件恢复”；否则请联系县人大常委会，从县级服务器重新同步。',
        messageEn: `No readable backup: ${unreadable.map((u) => `${u.id ?? 'newest'}: ${u.reason}`).join('; ')}`,
      }),
    };
  }
  const { file } = found;
  const total = Object.values(file.counts).reduce((a, b) => a + b, 0);
  if (total === 0 && !file.stationIdentity) return { ...nothing, unreadable };
  const summary = await restoreStationData(db, file, 'newerWins');
  await host.log(unreadable.length > 0 ? 'warn' : 'info', 'local data restored from backup', {
    restored: summary.restored,
    backupId: found.id,
    backupCreatedAt: summary.createdAt,
    skipped: unreadable.map((u) => u.id ?? 'newest'),
  });
  return { summary, backupId: found.id, unreadable, problem: null };
}

/** autoRestore without the details: what was restored, or null. */
export async function autoRestoreIfEmpty(db: LiaisonDatabase, host: HostApi): Promise<RestoreSummary | null> {
  return (await autoRestore(db, host)).summary;
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
