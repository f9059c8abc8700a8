// 设置's data-safety commands: export all data, wipe this PC, the diagnostics report (restoring an exported file is
// db/transfer/restore-exported-file.ts, shared with first run).

import { type SyncedCollection, syncedCollections } from '../../../src-shared/api/sync-protocol';
import { collectionDefinitions } from '../../../src-shared/collections';
import type { Locale } from '../../../src-shared/common/labels';
import type { HostApi } from '../../../src-shared/host/host-api';
import type { StationProfile } from '../../app/app-types';
import { stopBackupSnapshotter } from '../../db/backup/backup-snapshotter';
import type { LiaisonDatabase } from '../../db/database';
import { getLocalSetting } from '../../db/local-settings';
import { type CollectionCounts, exportStationData } from '../../db/transfer/station-data-file';

/** "群众意见建议 3 条、照片 1 条" (collections with records only). */
export function describeCounts(counts: Partial<CollectionCounts>, locale: Locale, nothing: string): string {
  const parts = syncedCollections
    .filter((name) => (counts[name] ?? 0) > 0)
    .map((name) => {
      const label = collectionLabel(name, locale);
      return locale === 'en' ? `${counts[name]} ${label}` : `${label} ${counts[name]} 条`;
    });
  return parts.length > 0 ? parts.join(locale === 'en' ? ', ' : '、') : nothing;
}

/** A collection's name for the clerk: its schema description without the parenthesised note. */
export function collectionLabel(name: SyncedCollection, locale: Locale): string {
  if (locale === 'en') return name;
  return (collectionDefinitions[name].schema.description ?? name).replace(/\(.*\)$/, '');
}

/** Exports every record and photo through the host (a download in a browser); logs who exported personal data. */
export async function exportAllData(db: LiaisonDatabase, host: HostApi, clerkName: string) {
  const exported = await exportStationData(db);
  const result = await host.saveFile({
    suggestedName: exported.fileName,
    mimeType: 'application/json',
    data: exported.data,
  });
  if (result.saved) {
    // Personal information left the app: who and how much is logged (个人信息保护法), never the data itself.
    await host.log('info', 'station data exported', { by: clerkName, counts: exported.counts });
  }
  return { saved: result.saved, counts: exported.counts };
}

/**
 * Wipes this PC for a move: every record, photo and setting, the database itself and its key, then reloads into
 * first run. The backup snapshotter is stopped first (a write under way finishes), then every backup is deleted, so
 * neither the start-up restore nor anyone reading the backups folder finds the wiped data again.
 */
export async function wipeLocalData(db: LiaisonDatabase, host: HostApi, clerkName: string): Promise<void> {
  await host.log('warn', 'local data wiped by the clerk', { by: clerkName });
  // From here on no backup of this data can be written, not even one that had already started.
  await stopBackupSnapshotter(db);
  for (const name of syncedCollections) await db.collections[name].find().remove();
  for (const key of ['sync-state', 'backup-state']) await (await db.getLocal(key))?.remove();
  const removed = await host.deleteBackups();
  // The station identity (the app's profile) goes with the database, not before it: first run appears only after
  // the reload, when every backup is gone.
  await host.deleteSecret('syncToken');
  await db.remove();
  // Another window of the app on this PC may have written one meanwhile: delete again, once the database is gone.
  const removedLate = await host.deleteBackups();
  await host.deleteSecret('dbKey');
  await host.log('info', 'local backups deleted by the wipe', { removed: removed + removedLate });
}

/** Facts for support, without personal data: versions, counts, mode, backup state. */
export async function diagnosticsReport(
  db: LiaisonDatabase,
  profile: StationProfile,
): Promise<Record<string, unknown>> {
  const counts: Record<string, number> = {};
  for (const name of syncedCollections) counts[name] = await db.collections[name].count().exec();
  return {
    stationId: profile.stationId,
    countyId: profile.countyId,
    mode: profile.mode,
    counts,
    schemaVersions: Object.fromEntries(syncedCollections.map((n) => [n, collectionDefinitions[n].schema.version])),
    backup: await getLocalSetting(db, 'backup-state'),
    sync: await getLocalSetting(db, 'sync-state'),
    language: navigator.language,
    screen: `${window.screen.width}x${window.screen.height}`,
  };
}
