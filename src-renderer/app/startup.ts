// Startup: open the station database with the host's key (created on first start), restore from the host's backup
// when it comes up empty (the notice stays until dismissed; the db completes the station profile after a restore).

import type { SyncedCollection } from '../../src-shared/api/sync-protocol';
import { collectionDefinitions } from '../../src-shared/collections';
import type { RestoreSummary } from '../db/backup/auto-restore';
import type { LiaisonDatabase } from '../db/database';
import { type StartedDatabase, startLocalDatabase } from '../db/start-database';
import { getHost } from '../platform/host';
import type { RestoreNotice } from './app-types';

export type AppDatabase = LiaisonDatabase;

export interface StartupResult {
  database: AppDatabase;
  restoreNotice: RestoreNotice | null;
}

/** "群众意见建议 12 条、接待日 3 条" from what the restore brought back. */
export function summarizeRestore(summary: RestoreSummary): string {
  return Object.entries(summary.restored)
    .filter(([, count]) => count > 0)
    .map(([name, count]) => {
      const label = collectionDefinitions[name as SyncedCollection]?.schema.description ?? name;
      return `${label.replace(/\(.*\)$/, '')} ${count} 条`;
    })
    .join('、');
}

export async function startDatabase(): Promise<StartupResult> {
  const started = await startLocalDatabase({ host: getHost() });
  const database = started.db;
  return { database, restoreNotice: restoreNoticeOf(started) };
}

/** The notice for the clerk: what came back and from when, how many damaged backups were skipped, or why nothing. */
export function restoreNoticeOf(
  started: Pick<StartedDatabase, 'restored' | 'skippedBackups' | 'backupProblem'>,
): RestoreNotice | null {
  if (started.backupProblem) return { backupCreatedAt: '', summary: '', problem: started.backupProblem.message };
  if (!started.restored) return null;
  const notice: RestoreNotice = {
    backupCreatedAt: started.restored.createdAt,
    summary: summarizeRestore(started.restored),
  };
  if (started.skippedBackups.length > 0) notice.skippedBackups = started.skippedBackups.length;
  return notice;
}
