// Runs the sync of this PC: starts the replication from the stored credentials, feeds the sync status store
// (online, last success, pending, progress, last error), records progress for the backup and sends heartbeats.

import type { MangoQuerySelector, RxCollection, RxDocumentData } from 'rxdb';
import type { Subscription } from 'rxjs';
import { combineLatest, debounceTime, filter, firstValueFrom } from 'rxjs';
import { syncRoutes } from '../../src-shared/api/routes';
import {
  type HeartbeatRequest,
  type StationCollection,
  type SyncedCollection,
  stationCollections,
} from '../../src-shared/api/sync-protocol';
import type { LiaisonDatabase } from '../db/database';
import { getLocalSetting, setLocalSetting } from '../db/local-settings';
import { getHost } from '../platform/host';
import { type SyncRefusal, type SyncStatusState, useSyncStatusStore } from '../state/sync-status-store';
import { readCredentials, type SyncCredentials } from './credentials';
import { type LiaisonReplication, type ReplicationEvent, startReplication } from './replication';

declare module '../db/local-settings' {
  interface LocalSettings {
    /** Sync bookkeeping kept by the sync module (see sync-engine.ts). */
    'sync-progress': SyncProgressSetting;
  }
}

export interface SyncProgressSetting {
  /** ISO time the last sync finished with everything pushed and pulled. */
  lastSyncAt: string | null;
  /** Local write time (ms, RxDB's `_meta.lwt`) up to which every change is known to be on the server. */
  inSyncUpTo: number;
}

type StatusPatch = Partial<Omit<SyncStatusState, 'update'>>;

export interface SyncEngineOptions {
  fetch?: typeof fetch;
  /** Heartbeat period (ms); a heartbeat also follows each completed sync. */
  heartbeatMs?: number;
  retryTime?: number;
  pollMs?: number;
  /** Where the status goes (the zustand store by default). */
  report?: (patch: StatusPatch) => void;
  isOnline?: () => boolean;
}

export interface SyncEngine {
  readonly credentials: SyncCredentials;
  readonly replication: LiaisonReplication;
  /** "立即同步": pulls and pushes now; resolves when in sync (or rejects with the Chinese error). */
  syncNow(): Promise<void>;
  /** Counts local changes not yet on the server. */
  countPending(): Promise<number>;
  stop(): Promise<void>;
}

/** The replication's flag on a document that came from the server unchanged (see RxDB's replication protocol). */
function replicationFlag(identifier: string): string {
  return `rxdbreplication${identifier}`;
}

function revisionHeight(rev: string): number {
  return Number.parseInt(rev.split('-')[0] ?? '0', 10);
}

/** A document changed here since it was last written by the server (or never sent). */
function isLocalChange(data: RxDocumentData<unknown>, flag: string): boolean {
  const meta = data._meta as Record<string, unknown>;
  return meta[flag] !== revisionHeight(data._rev);
}

let current: SyncEngine | null = null;

/** The running engine (for the 同步 page); null in training mode or before enrolment. */
export function getSyncEngine(): SyncEngine | null {
  return current;
}

export async function startSyncEngine(
  db: LiaisonDatabase,
  credentials: SyncCredentials,
  options: SyncEngineOptions = {},
): Promise<SyncEngine> {
  const report = options.report ?? ((patch: StatusPatch) => useSyncStatusStore.getState().update(patch));
  const isOnline = options.isOnline ?? (() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  const { version } = await getHost().appInfo();
  const identity = credentials.role === 'station' ? `station:${credentials.stationId}` : `county:${credentials.user}`;
  const replication = startReplication(db, {
    serverUrl: credentials.serverUrl,
    token: credentials.token,
    role: credentials.role,
    appVersion: version,
    identity,
    fetch: options.fetch,
    retryTime: options.retryTime,
    pollMs: options.pollMs,
    isOnline,
  });

  let progressSetting: SyncProgressSetting = (await getLocalSetting(db, 'sync-progress')) ?? {
    lastSyncAt: null,
    inSyncUpTo: 0,
  };
  let lastError: string | null = null;
  let lastErrorIsNetwork = false;
  // Records the server refused, by collection and id, until they are stored.
  const refusals = new Map<string, SyncRefusal>();
  const reportRefusals = () => report({ refusals: [...refusals.values()] });
  let pending = 0;
  // Whether the server answered lately; while it does not, no progress is shown (nothing moves), only pending work.
  let reachable = isOnline();
  const setReachable = (value: boolean) => {
    reachable = value;
    report(value ? { online: true } : { online: false, progress: null });
  };
  report({ lastSyncAt: progressSetting.lastSyncAt, online: reachable, lastError: null, progress: null, refusals: [] });

  const pushedCollections = stationCollections.filter((name) => replication.states.has(name));
  const countPending = async (): Promise<number> => {
    let total = 0;
    for (const name of pushedCollections) {
      const state = replication.states.get(name)!;
      const collection = (db.collections as unknown as Record<StationCollection, RxCollection<unknown>>)[name];
      const flag = replicationFlag(state.replicationIdentifier);
      // Only documents written after the last complete sync can be unsent; `_meta.lwt` is indexed by RxDB.
      const selector = { '_meta.lwt': { $gt: progressSetting.inSyncUpTo } } as MangoQuerySelector<unknown>;
      const docs = await collection.find({ selector }).exec();
      for (const doc of docs) if (isLocalChange(doc._data as RxDocumentData<unknown>, flag)) total++;
    }
    return total;
  };

  const refreshPending = async () => {
    try {
      pending = await countPending();
      report({ pending });
    } catch {
      // Counting is advisory; the next change tries again.
    }
  };

  // The current run: counts for the progress bar while a large sync runs.
  let run: { pulled: number; pushed: number; pushTotal: number; remaining: Map<SyncedCollection, number> } | null =
    null;
  const startRun = () => {
    if (run) return;
    run = { pulled: 0, pushed: 0, pushTotal: pending, remaining: new Map() };
    showProgress();
  };
  const showProgress = () => {
    if (!run || !reachable) return;
    const done = run.pulled + run.pushed;
    const remaining = [...run.remaining.values()].reduce((sum, n) => sum + n, 0);
    const knowsPull = run.remaining.size > 0;
    report({
      progress: { done, total: knowsPull ? done + remaining + Math.max(0, run.pushTotal - run.pushed) : null },
    });
  };

  const sendHeartbeat = async () => {
    if (credentials.role !== 'station') return;
    const body: HeartbeatRequest = {
      appVersion: version,
      pendingChanges: pending,
      lastError,
      lastSyncAt: progressSetting.lastSyncAt,
    };
    try {
      await replication.client.request(syncRoutes.heartbeat, { method: 'POST', body });
      setReachable(true);
    } catch {
      // The replication reports connection problems itself.
    }
  };

  const onEvent = (event: ReplicationEvent) => {
    if (event.type === 'error' && event.refused) {
      for (const refusal of event.refused) refusals.set(`${refusal.collection}:${refusal.id}`, refusal);
      reportRefusals();
    }
    if (event.type === 'pushed' && refusals.size > 0) {
      let changed = false;
      for (const id of event.ids) changed = refusals.delete(`${event.collection}:${id}`) || changed;
      if (changed) reportRefusals();
    }
    if (event.type === 'error') {
      // Without a network, failing to connect is expected: the status shows 离线 and the pending work, not an error.
      if (event.error.status === 0 && !isOnline()) {
        setReachable(false);
        return;
      }
      lastError = event.error.message;
      lastErrorIsNetwork = event.error.status === 0;
      report({ lastError });
      setReachable(event.error.status !== 0);
      return;
    }
    setReachable(true);
    if (event.count === 0) return;
    startRun();
    if (!run) return;
    if (event.type === 'pulled') {
      run.pulled += event.count;
      if (event.remaining !== null) run.remaining.set(event.collection, event.remaining);
    } else {
      run.pushed += event.count;
    }
    showProgress();
  };

  let stopped = false;
  const markInSync = async (startedAt: number) => {
    if (stopped) return;
    // Never moves back: a "立即同步" started earlier than the last idle moment must not recount synced work.
    progressSetting = {
      lastSyncAt: new Date().toISOString(),
      inSyncUpTo: Math.max(progressSetting.inSyncUpTo, startedAt),
    };
    await setLocalSetting(db, 'sync-progress', progressSetting);
    // The backup snapshotter reads this: records changed later are not yet on the server.
    await setLocalSetting(db, 'sync-state', { lastPushedAt: progressSetting.lastSyncAt });
    lastError = null;
    reachable = true;
    // In sync means every batch went through: nothing refused is left.
    refusals.clear();
    report({ lastSyncAt: progressSetting.lastSyncAt, lastError: null, progress: null, online: true, refusals: [] });
    await refreshPending();
    await sendHeartbeat();
  };

  const subscriptions: Subscription[] = [];
  subscriptions.push(replication.events$.subscribe(onEvent));

  // A run starts the moment one of the collections becomes active (or documents move) and ends when all have been idle for
  // a moment; the short wait keeps one large sync one run while collections take turns.
  const actives = [...replication.states.values()].map((state) => state.active$);
  subscriptions.push(
    combineLatest(actives).subscribe((flags) => {
      if (flags.some(Boolean)) startRun();
    }),
  );
  subscriptions.push(
    combineLatest(actives)
      .pipe(debounceTime(300))
      .subscribe((flags) => {
        if (flags.some(Boolean) || !run) return;
        const failed = lastError !== null && run.pulled + run.pushed === 0;
        run = null;
        if (failed) {
          report({ progress: null });
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

  const onOnline = () => setReachable(true);
  const onOffline = () => {
    setReachable(false);
    if (lastErrorIsNetwork) {
      lastError = null;
      report({ lastError: null });
    }
  };
  if (typeof window !== 'undefined' && typeof window.addEventListener === 'function') {
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
  }
  const heartbeatTimer = setInterval(() => void sendHeartbeat(), options.heartbeatMs ?? 5 * 60_000);
  void refreshPending();

  const engine: SyncEngine = {
    credentials,
    replication,
    countPending,
    async syncNow() {
      const startedAt = Date.now();
      lastError = null;
      report({ lastError: null });
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
      clearInterval(heartbeatTimer);
      if (typeof window !== 'undefined' && typeof window.removeEventListener === 'function') {
        window.removeEventListener('online', onOnline);
        window.removeEventListener('offline', onOffline);
      }
      for (const subscription of subscriptions) subscription.unsubscribe();
      await replication.cancel();
      if (current === engine) current = null;
    },
  };
  current = engine;
  return engine;
}

/** Starts the sync when this PC holds credentials (enrolled station or signed-in county staff); null otherwise. */
export async function startSyncIfEnrolled(
  db: LiaisonDatabase,
  options: SyncEngineOptions = {},
): Promise<SyncEngine | null> {
  const credentials = await readCredentials();
  if (!credentials) return null;
  if (current) await current.stop();
  return startSyncEngine(db, credentials, options);
}
