// Settings kept only on this device, as RxDB local documents (never replicated, not a collection).
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import type { LiaisonDatabase } from './database';

/**
 * Which station this installation is, how it runs and who works on it: the one local document behind the app's
 * station profile (see station-identity.ts). Written at first run (training or enrolment) and by restores.
 */
export interface StationIdentity {
  stationId: string;
  countyId: string;
  stationName?: string;
  countyName?: string;
  /** Used in case numbers, e.g. 象州. */
  countyShortName?: string;
  /** Used in case numbers, e.g. 妙皇. */
  stationShortName?: string;
  /** 'B'..'Z' for a station's additional devices (part of case numbers); absent on the first device. */
  deviceCode?: string;
  /** 'training': a local demo station, never synced; 'enrolled': registered with the county. Absent until settled. */
  mode?: 'training' | 'enrolled';
  /** The clerk working on this PC (history entries). Kept in this PC's backups, never in exports; absent until asked. */
  clerkName?: string;
}

/** Sync progress the backup needs: records changed after `lastPushedAt` are not yet on the server. */
export interface SyncState {
  /** ISO time of the last push the server confirmed; null before the first sync. */
  lastPushedAt: string | null;
}

/** The last local backup written through the host bridge. */
export interface BackupState {
  lastBackupAt: string;
  records: number;
}

/** Local settings by key. Other modules may add keys by augmenting this interface. */
export interface LocalSettings {
  'station-identity': StationIdentity;
  'sync-state': SyncState;
  'backup-state': BackupState;
}

export type LocalSettingKey = keyof LocalSettings;

export async function getLocalSetting<K extends LocalSettingKey>(
  db: LiaisonDatabase,
  key: K,
): Promise<LocalSettings[K] | null> {
  const doc = await db.getLocal<LocalSettings[K]>(key);
  return doc ? (doc.toJSON().data as LocalSettings[K]) : null;
}

export async function setLocalSetting<K extends LocalSettingKey>(
  db: LiaisonDatabase,
  key: K,
  value: LocalSettings[K],
): Promise<void> {
  await db.upsertLocal<LocalSettings[K]>(key, value);
}

/** The setting, kept current (null while unset). */
export function localSetting$<K extends LocalSettingKey>(
  db: LiaisonDatabase,
  key: K,
): Observable<LocalSettings[K] | null> {
  return db.getLocal$<LocalSettings[K]>(key).pipe(map((doc) => (doc ? (doc.toJSON().data as LocalSettings[K]) : null)));
}
