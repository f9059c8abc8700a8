// Startup: open the station database with the host's key (created on first start), restore from the host's backup
// when it comes up empty (the notice stays until dismissed), and rebuild the station profile after a restore.
import { collectionDefinitions } from '../../src-shared/collections';
import type { SyncedCollection } from '../../src-shared/sync/protocol';
import type { RestoreSummary } from '../db/backup/auto-restore';
import type { LiaisonDatabase } from '../db/database';
import { getLocalSetting } from '../db/local-settings';
import { startLocalDatabase } from '../db/start-database';
import { getHost } from '../platform/host';
import type { RestoreNotice, StationProfile } from './app-types';
import { saveStationProfile, stationProfileDocId } from './station-profile';

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

/**
 * A restore brings back the station identity but not this PC's profile: rebuild it from the identity and the
 * station record, with an empty clerk name so that the clerk is asked for it.
 */
async function recoverProfile(database: AppDatabase): Promise<void> {
  if (await database.getLocal(stationProfileDocId)) return;
  const identity = await getLocalSetting(database, 'station-identity');
  if (!identity) return;
  const station = await database.stations.findOne(identity.stationId).exec();
  const enrolled = (await getHost().getSecret('syncToken')) !== null;
  const profile: StationProfile = {
    stationId: identity.stationId,
    countyId: identity.countyId,
    stationName: station?.name ?? identity.stationName ?? identity.stationId,
    countyName: station?.countyName ?? identity.countyName ?? '',
    countyShortName: station?.countyShortName ?? '',
    stationShortName: station?.shortName ?? '',
    clerkName: '',
    mode: enrolled ? 'enrolled' : 'training',
  };
  await saveStationProfile(database, profile);
}

export async function startDatabase(): Promise<StartupResult> {
  const started = await startLocalDatabase({ host: getHost() });
  const database = started.db;
  await recoverProfile(database);
  const restoreNotice = started.restored
    ? { backupCreatedAt: started.restored.createdAt, summary: summarizeRestore(started.restored) }
    : null;
  return { database, restoreNotice };
}
