// Keeps a copy of unsynced work outside IndexedDB: after changes settle, writes a snapshot through the host bridge.
import { merge, type Subscription } from 'rxjs';
import { stationCollections } from '../../../src-shared/api/sync-protocol';
import type { HostApi } from '../../../src-shared/host/host-api';
import type { LiaisonDatabase } from '../database';
import { getLocalSetting, setLocalSetting } from '../local-settings';
import { buildStationSnapshot, serializeStationData } from '../transfer/station-data-file';

export interface BackupSnapshotterOptions {
  /** Quiet time after the last change before writing (default 10 s). */
  debounceMs?: number;
  /** Longest wait while changes keep coming (default 30 s): a backup is never older than a minute. */
  maxWaitMs?: number;
  now?: () => Date;
}

export interface BackupSnapshotter {
  /** Writes a backup now (also used at shutdown); resolves when the host confirmed it. */
  flush(): Promise<void>;
  /** No backup is written after this; resolves when a write already under way has finished. */
  stop(): Promise<void>;
  /** The last error of a backup write, null after a success. */
  readonly lastError: unknown;
}

/** The snapshotter running on each open database, so that a wipe can stop it (see stopBackupSnapshotter). */
const runningSnapshotters = new WeakMap<LiaisonDatabase, BackupSnapshotter>();

/**
 * Stops the snapshotter of this database, if one runs, and waits for a write already under way: after this no
 * backup of the database's data can be written any more (the wipe deletes the backups next).
 */
export async function stopBackupSnapshotter(db: LiaisonDatabase): Promise<void> {
  await runningSnapshotters.get(db)?.stop();
}

/**
 * Subscribes to the station-record collections; after each burst of changes writes every station record changed
 * since the last confirmed push (`sync-state.lastPushedAt`; before any sync: all of them) plus their photos.
 */
export function startBackupSnapshotter(
  db: LiaisonDatabase,
  host: HostApi,
  options: BackupSnapshotterOptions = {},
): BackupSnapshotter {
  const debounceMs = options.debounceMs ?? 10_000;
  const maxWaitMs = options.maxWaitMs ?? 30_000;
  let quietTimer: ReturnType<typeof setTimeout> | undefined;
  let maxTimer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const state = { lastError: null as unknown };

  function clearTimers(): void {
    if (quietTimer) clearTimeout(quietTimer);
    if (maxTimer) clearTimeout(maxTimer);
    quietTimer = undefined;
    maxTimer = undefined;
  }

  async function write(): Promise<void> {
    const syncState = await getLocalSetting(db, 'sync-state');
    const snapshot = await buildStationSnapshot(db, {
      kind: 'backup',
      changedSince: syncState?.lastPushedAt ?? null,
      ...(options.now ? { now: options.now } : {}),
    });
    const info = await host.writeBackup(await serializeStationData(snapshot));
    const records = Object.values(snapshot.counts).reduce((a, b) => a + b, 0);
    await setLocalSetting(db, 'backup-state', { lastBackupAt: info.createdAt, records });
  }

  function flush(): Promise<void> {
    clearTimers();
    if (stopped) return running;
    // One write at a time; a flush during a write runs after it, so the newest state always lands last.
    running = running.then(write).then(
      () => {
        state.lastError = null;
      },
      (error: unknown) => {
        state.lastError = error;
        void host.log('error', 'backup write failed', {
          error: error instanceof Error ? error.message : String(error),
        });
      },
    );
    return running;
  }

  function changed(): void {
    if (stopped) return;
    if (quietTimer) clearTimeout(quietTimer);
    quietTimer = setTimeout(() => void flush(), debounceMs);
    maxTimer ??= setTimeout(() => void flush(), maxWaitMs);
  }

  const subscription: Subscription = merge(...stationCollections.map((name) => db.collections[name].$)).subscribe(
    changed,
  );

  const snapshotter: BackupSnapshotter = {
    flush,
    stop() {
      stopped = true;
      clearTimers();
      subscription.unsubscribe();
      if (runningSnapshotters.get(db) === snapshotter) runningSnapshotters.delete(db);
      return running;
    },
    get lastError() {
      return state.lastError;
    },
  };
  // A second snapshotter on the same database replaces the first (which stops).
  void runningSnapshotters.get(db)?.stop();
  runningSnapshotters.set(db, snapshotter);
  return snapshotter;
}
