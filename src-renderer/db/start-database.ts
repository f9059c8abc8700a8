// App start: opens the local database with the host's key, restores from a backup when it is empty or unreadable,
// and starts the backup snapshotter.

import { removeRxDatabase } from 'rxdb';
import { type DomainError, isDomainError } from '../../src-shared/common/domain-error';
import type { HostApi } from '../../src-shared/host/host-api';
import { getOrCreateDatabaseKey } from '../platform/database-key';
import { autoRestore, type RestoreSummary, readUsableBackup, type UnreadableBackup } from './backup/auto-restore';
import {
  type BackupSnapshotter,
  type BackupSnapshotterOptions,
  startBackupSnapshotter,
} from './backup/backup-snapshotter';
import {
  defaultDatabaseName,
  type LiaisonDatabase,
  liaisonStorage,
  type OpenDatabaseOptions,
  openLiaisonDatabase,
} from './database';
import { completeStationIdentity, mergeLegacyStationProfile } from './station-identity';

export interface StartedDatabase {
  db: LiaisonDatabase;
  /** What was restored from a backup at this start (show it to the clerk), or null. */
  restored: RestoreSummary | null;
  /** Set when the old database could not be opened and was replaced (its data came back from the backup). */
  recoveredFrom: DomainError | null;
  /** Newer backups skipped at this start's restore because they could not be read (the clerk is told). */
  skippedBackups: UnreadableBackup[];
  /** Set when the database came up empty and no backup could be read: the app starts empty and says why. */
  backupProblem: DomainError | null;
  snapshotter: BackupSnapshotter;
}

export interface StartDatabaseOptions extends Omit<OpenDatabaseOptions, 'encryptionKey'> {
  host: HostApi;
  snapshotter?: BackupSnapshotterOptions;
}

export async function startLocalDatabase(options: StartDatabaseOptions): Promise<StartedDatabase> {
  const { host } = options;
  const encryptionKey = await getOrCreateDatabaseKey(host);
  const openOptions: OpenDatabaseOptions = { ...options, encryptionKey };
  let db: LiaisonDatabase;
  let recoveredFrom: DomainError | null = null;
  try {
    db = await openLiaisonDatabase(openOptions);
  } catch (error) {
    // Unreadable database: only replace it when a backup can bring the work back.
    const backup = await readUsableBackup(host);
    if (!backup.found || !isDomainError(error)) throw error;
    await host.log('error', 'local database unreadable, replacing it and restoring from backup', {
      error: error.messageEn,
    });
    // The password only satisfies the encryption wrapper: removing reads no encrypted field.
    await removeRxDatabase(
      options.name ?? defaultDatabaseName,
      liaisonStorage(options),
      options.multiInstance ?? typeof window !== 'undefined',
      encryptionKey,
    );
    db = await openLiaisonDatabase(openOptions);
    recoveredFrom = error;
  }
  await mergeLegacyStationProfile(db);
  const outcome = await autoRestore(db, host);
  // A restored identity may lack names or the mode (older files): complete it; a missing clerk's name is asked.
  await completeStationIdentity(db, host);
  const snapshotter = startBackupSnapshotter(db, host, options.snapshotter);
  return {
    db,
    restored: outcome.summary,
    recoveredFrom,
    skippedBackups: outcome.summary ? outcome.unreadable : [],
    backupProblem: outcome.problem,
    snapshotter,
  };
}
