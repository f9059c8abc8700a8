// One running sync with one set of credentials: the replication, and beside it the small modules that follow it
// (status, connectivity, progress of the current run, pending count, heartbeat, the in-sync mark). Started and
// stopped by the sync owner (sync-owner.ts); tests start one directly.
import type { RxCollection } from 'rxdb';
import type { Subscription } from 'rxjs';
import { combineLatest, debounceTime, filter, firstValueFrom } from 'rxjs';
import { type StationCollection, stationCollections } from '../../src-shared/api/sync-protocol';
import type { LiaisonDatabase } from '../db/database';
import { getHost } from '../platform/host';
import { Connectivity, deviceOnline, watchDeviceConnection } from './connectivity';
import type { SyncCredentials } from './credentials';
import { type Heartbeat, noHeartbeat, startHeartbeat } from './heartbeat';
import { readInSyncMark, recordInSync } from './in-sync-mark';
import { countPendingChanges } from './pending-changes';
import { type LiaisonReplication, type ReplicationEvent, startReplication } from './replication';
import { SyncRun } from './sync-progress';
import { reportToStore, type StatusReport, SyncStatus } from './sync-status';

export interface SyncSessionOptions {
  fetch?: typeof fetch;
  /** Heartbeat period (ms); a heartbeat also follows each completed sync. */
  heartbeatMs?: number;
  retryTime?: number;
  pollMs?: number;
  /** Where the status goes (the zustand store by default). */
  report?: StatusReport;
  isOnline?: () => boolean;
}

export interface SyncSession {
  readonly credentials: SyncCredentials;
  readonly replication: LiaisonReplication;
  /** "立即同步": pulls and pushes now; resolves when in sync (or rejects with the Chinese error). */
  syncNow(): Promise<void>;
  /** Counts local changes not yet on the server. */
  countPending(): Promise<number>;
  stop(): Promise<void>;
}

/** Whom the replication's checkpoints belong to on this database (a station, or one staff member). */
function identityOf(credentials: SyncCredentials): string {
  return credentials.role === 'station' ? `station:${credentials.stationId}` : `county:${credentials.user}`;
}

export async function startSyncSession(
  db: LiaisonDatabase,
  credentials: SyncCredentials,
  options: SyncSessionOptions = {},
): Promise<SyncSession> {
  const isOnline = options.isOnline ?? deviceOnline;
  const { version } = await getHost().appInfo();
  const replication = startReplication(db, {
    serverUrl: credentials.serverUrl,
    token: credentials.token,
    role: credentials.role,
    appVersion: version,
    identity: identityOf(credentials),
    fetch: options.fetch,
    retryTime: options.retryTime,
    pollMs: options.pollMs,
    isOnline,
  });

  let mark = await readInSyncMark(db);
  const status = new SyncStatus(options.report ?? reportToStore);
  const connectivity = new Connectivity(isOnline, status.report);
  status.begin(mark.lastSyncAt, connectivity.reachable);

  const pushedCollections: StationCollection[] = stationCollections.filter((name) => replication.states.has(name));
  let pending = 0;
  const countPending = () => countPendingChanges(db, pushedCollections, mark.inSyncUpTo);
  const refreshPending = async () => {
    try {
      pending = await countPending();
      status.report({ pending });
    } catch {
      // Counting is advisory; the next change tries again.
    }
  };

  const heartbeat: Heartbeat =
    credentials.role === 'station'
      ? startHeartbeat({
          client: replication.client,
          everyMs: options.heartbeatMs ?? 5 * 60_000,
          body: () => ({
            appVersion: version,
            pendingChanges: pending,
            lastError: status.lastError,
            lastSyncAt: mark.lastSyncAt,
          }),
          onAnswered: () => connectivity.set(true),
        })
      : noHeartbeat;

  // The current run: counts for the progress bar while a large sync runs.
  let run: SyncRun | null = null;
  const showProgress = () => {
    if (run && connectivity.reachable) status.report({ progress: run.progress() });
  };
  const startRun = () => {
    if (run) return;
    run = new SyncRun(pending);
    showProgress();
  };

  const onEvent = (event: ReplicationEvent) => {
    if (event.type === 'error' && event.refused) status.refused(event.refused);
    if (event.type === 'pushed') status.pushed(event.collection, event.ids);
    if (event.type === 'error') {
      // Without a network, failing to connect is expected: the status shows 离线 and the pending work, not an error.
      if (event.error.status === 0 && !isOnline()) {
        connectivity.set(false);
        return;
      }
      status.failed(event.error);
      connectivity.set(event.error.status !== 0);
      return;
    }
    connectivity.set(true);
    if (event.count === 0) return;
    startRun();
    if (event.type === 'pulled') run?.pulled(event.collection, event.count, event.remaining);
    else run?.pushed(event.count);
    showProgress();
  };

  let stopped = false;
  const markInSync = async (startedAt: number) => {
    if (stopped) return;
    mark = await recordInSync(db, mark, startedAt);
    connectivity.assume(true);
    status.inSync(mark.lastSyncAt);
    await refreshPending();
    await heartbeat.send();
  };

  const subscriptions: Subscription[] = [replication.events$.subscribe(onEvent)];

  // A run starts the moment one of the collections becomes active (or documents move) and ends when all have been idle for
  // a moment; the short wait keeps one large sync one run while collections take turns.
  const actives = combineLatest([...replication.states.values()].map((state) => state.active$));
  subscriptions.push(
    actives.subscribe((flags) => {
      if (flags.some(Boolean)) startRun();
    }),
    actives.pipe(debounceTime(300)).subscribe((flags) => {
      if (flags.some(Boolean) || !run) return;
      const failed = status.lastError !== null && run.moved === 0;
      run = null;
      if (failed) {
        status.report({ progress: null });
        return;
      }
      // Idle: once the replication confirms it is in sync, everything written before now is on the server.
      const idleAt = Date.now();
      replication
        .awaitInSync()
        .then(() => markInSync(idleAt))
        .catch(() => undefined);
    }),
  );

  // Local writes change the pending count (debounced: a bulk import is one recount).
  for (const name of pushedCollections) {
    const collection = (db.collections as unknown as Record<StationCollection, RxCollection<unknown>>)[name];
    subscriptions.push(collection.$.pipe(debounceTime(500)).subscribe(() => void refreshPending()));
  }

  const stopWatchingDevice = watchDeviceConnection({
    online: () => connectivity.set(true),
    offline: () => {
      connectivity.set(false);
      status.clearNetworkError();
    },
  });
  void refreshPending();

  return {
    credentials,
    replication,
    countPending,
    async syncNow() {
      const startedAt = Date.now();
      status.clearError();
      // The first failure ends the wait: the replication keeps retrying by itself, the clerk sees why now.
      const failure = firstValueFrom(replication.events$.pipe(filter((event) => event.type === 'error'))).then(
        (event) => event.error,
        () => null,
      );
      replication.reSync();
      const error = await Promise.race([replication.awaitInSync().then(() => null), failure]);
      if (error) throw error;
      await markInSync(startedAt - 1);
    },
    async stop() {
      stopped = true;
      heartbeat.stop();
      stopWatchingDevice();
      for (const subscription of subscriptions) subscription.unsubscribe();
      await replication.cancel();
    },
  };
}
