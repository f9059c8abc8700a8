// 设置's data-safety commands: export all data, restore an exported file, wipe this PC, the diagnostics report.
import { collectionDefinitions } from '../../../src-shared/collections';
import { DomainError } from '../../../src-shared/common/domain-error';
import type { Locale } from '../../../src-shared/common/labels';
import type { HostApi } from '../../../src-shared/host/host-api';
import { type SyncedCollection, syncedCollections } from '../../../src-shared/sync/protocol';
import type { StationProfile } from '../../app/app-types';
import { saveStationProfile } from '../../app/station-profile';
import type { LiaisonDatabase } from '../../db/database';
import { getLocalSetting, setLocalSetting } from '../../db/local-settings';
import {
  buildStationSnapshot,
  type CollectionCounts,
  exportStationData,
  parseStationData,
  type RestoreSummary,
  restoreStationData,
  serializeStationData,
} from '../../db/transfer/station-data-file';

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
 * Restores an exported file into an app without station records. The file is checked completely first (a foreign
 * or damaged file is refused and nothing changes). A training installation adopts the file's station; an enrolled
 * one accepts only its own station's file.
 */
export async function restoreExportedFile(
  db: LiaisonDatabase,
  host: HostApi,
  bytes: Uint8Array,
  profile: StationProfile | null,
  messages: { otherStation: (station: string, current: string) => string },
): Promise<RestoreSummary> {
  const file = await parseStationData(bytes);
  const fileStationId = file.stationIdentity?.stationId ?? file.stationId;
  if (profile?.mode === 'enrolled' && fileStationId && fileStationId !== profile.stationId) {
    const name = file.stationIdentity?.stationName ?? fileStationId;
    throw new DomainError({
      code: 'file_other_station',
      message: messages.otherStation(name, profile.stationName),
      messageEn: `The file belongs to station ${fileStationId}, this PC is ${profile.stationId}`,
    });
  }
  const summary = await restoreStationData(db, file, 'emptyOnly');
  if (profile && fileStationId && fileStationId !== profile.stationId) {
    await adoptStation(db, profile, fileStationId, file.stationIdentity?.countyId);
  }
  await host.log('info', 'station data restored from an exported file', { restored: summary.restored });
  return summary;
}

/** A training installation takes over the restored station: identity, profile, and the demo reference data goes. */
async function adoptStation(
  db: LiaisonDatabase,
  profile: StationProfile,
  stationId: string,
  countyIdOfFile: string | undefined,
): Promise<void> {
  const station = (await db.stations.findOne(stationId).exec())?.toMutableJSON(false) ?? null;
  const countyId = station?.countyId ?? countyIdOfFile ?? profile.countyId;
  const identity = (await getLocalSetting(db, 'station-identity')) ?? null;
  await setLocalSetting(db, 'station-identity', {
    stationId,
    countyId,
    ...(station ? { stationName: station.name, countyName: station.countyName } : {}),
  });
  // The demo station set up at first run (its station, representatives, departments) is not part of this data.
  const oldStationId = identity?.stationId ?? profile.stationId;
  const oldCountyId = identity?.countyId ?? profile.countyId;
  if (oldStationId !== stationId) {
    await db.stations.find({ selector: { id: { $eq: oldStationId } } }).remove();
    await db.representatives.find({ selector: { stationId: { $eq: oldStationId } } }).remove();
    if (oldCountyId !== countyId) await db.departments.find({ selector: { countyId: { $eq: oldCountyId } } }).remove();
  }
  await saveStationProfile(db, {
    ...profile,
    stationId,
    countyId,
    stationName: station?.name ?? stationId,
    countyName: station?.countyName ?? '',
    countyShortName: station?.countyShortName ?? '',
    stationShortName: station?.shortName ?? '',
  });
}

/**
 * Wipes this PC for a move: every record, photo and setting, the database itself and its key, then reloads into
 * first run. The host's newest backup is overwritten with an empty one first, so the start-up restore does not bring
 * the data straight back (older daily backups stay, encrypted, until they rotate out).
 */
export async function wipeLocalData(db: LiaisonDatabase, host: HostApi, clerkName: string): Promise<void> {
  await host.log('warn', 'local data wiped by the clerk', { by: clerkName });
  for (const name of syncedCollections) await db.collections[name].find().remove();
  for (const key of ['station-identity', 'sync-state', 'backup-state']) {
    await (await db.getLocal(key))?.remove();
  }
  const empty = await serializeStationData(await buildStationSnapshot(db, { kind: 'backup' }));
  await writeWithRetry(host, empty);
  // The profile goes with the database (not before it), so first run appears only after the reload.
  await host.deleteSecret('syncToken');
  await db.remove();
  // A backup the snapshotter had already started may land after ours: write the empty one last, once more.
  await writeWithRetry(host, empty);
  await host.deleteSecret('dbKey');
}

/** The automatic backup may be writing the same file at this moment; try again briefly before giving up. */
async function writeWithRetry(host: HostApi, snapshot: string, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await host.writeBackup(snapshot);
      return;
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
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
