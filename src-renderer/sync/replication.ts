// Replicates the local RxDB collections with the county sync server: one replicateRxCollection per synced
// collection, pulled by server sequence, pushed in batches, kept live through the server's change stream.
import type { RxCollection, RxReplicationPullStreamItem } from 'rxdb';
import { type RxReplicationState, replicateRxCollection } from 'rxdb/plugins/replication';
import { map, type Observable, Subject, timer } from 'rxjs';
import {
  type PullResponse,
  type PushResponse,
  referenceCollections,
  type SyncCheckpoint,
  type SyncedCollection,
  syncedCollections,
  syncRoutes,
} from '../../src-shared/sync/protocol';
import { changeStream } from './change-stream';
import {
  type ClientRole,
  createSyncClient,
  isSyncError,
  networkError,
  type SyncClient,
  type SyncError,
} from './sync-client';

/** What the replication reports, for the status indicator, the 同步 page and the heartbeat. */
export type ReplicationEvent =
  | { type: 'pulled'; collection: SyncedCollection; count: number; remaining: number | null }
  | { type: 'pushed'; collection: SyncedCollection; count: number; conflicts: number }
  | { type: 'error'; collection: SyncedCollection; error: SyncError };

export interface StartReplicationOptions {
  serverUrl: string;
  token: string;
  /** 'station' (default) or 'county' for staff in a browser. */
  role?: ClientRole;
  appVersion: string;
  /** Distinguishes checkpoints of different identities on one database (station id or staff user). */
  identity: string;
  fetch?: typeof fetch;
  /** Wait before retrying a failed request (ms). */
  retryTime?: number;
  /** Collections to replicate (default: all synced collections the database has). */
  collections?: readonly SyncedCollection[];
  /** Seconds between catch-up pulls of the collections without a live stream. */
  pollMs?: number;
  /** Whether the device believes it is online (default navigator.onLine). */
  isOnline?: () => boolean;
}

export interface LiaisonReplication {
  readonly states: ReadonlyMap<SyncedCollection, RxReplicationState<unknown, SyncCheckpoint>>;
  readonly events$: Observable<ReplicationEvent>;
  readonly client: SyncClient;
  /** Pull everything new now (after coming online, or the "立即同步" button). */
  reSync(): void;
  /** Resolves when every collection has pushed and pulled everything it knows of. */
  awaitInSync(): Promise<void>;
  cancel(): Promise<void>;
}

/** Documents per pull request. Photos are up to ~1.5 MB each: small batches stay under the server's body limit. */
export const pullBatchSize: Record<SyncedCollection, number> = {
  stations: 200,
  representatives: 500,
  departments: 200,
  receptionDays: 200,
  opinions: 250,
  mediationCases: 200,
  activities: 200,
  photos: 4,
};
/**
 * Documents per push batch (RxDB reads, pushes and records them together). Opinions go 500 at a time: each batch
 * costs a round trip, a server transaction and RxDB's bookkeeping, so 10,000 opinions push in about half the time
 * they took 100 at a time (bench/sync-chromium.bench.ts); `chunkByBytes` keeps each request under the body limit.
 */
export const pushBatchSize: Record<SyncedCollection, number> = {
  stations: 100,
  representatives: 100,
  departments: 100,
  receptionDays: 100,
  opinions: 500,
  mediationCases: 100,
  activities: 100,
  photos: 3,
};

/**
 * Largest request body a push sends (UTF-8 bytes), under the server's default limit of 8 MiB with room to spare.
 * A batch is sent in several requests when its records are large (long texts, photos); each request is one server
 * transaction, and a resend of rows already stored is no conflict, so a batch interrupted half-way is simply retried.
 */
export const pushBodyBudget = 6 * 1024 * 1024;

const utf8 = new TextEncoder();

/** Splits push rows into consecutive chunks whose JSON stays within `budget` bytes (at least one row each). */
export function chunkByBytes<T>(rows: readonly T[], budget: number): T[][] {
  const chunks: T[][] = [];
  let chunk: T[] = [];
  let size = 2; // the brackets of the array
  for (const row of rows) {
    const bytes = utf8.encode(JSON.stringify(row)).length + 1;
    if (chunk.length > 0 && size + bytes > budget) {
      chunks.push(chunk);
      chunk = [];
      size = 2;
    }
    chunk.push(row);
    size += bytes;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/**
 * Collections kept live through a server-sent event stream. A browser allows six connections per server, so only
 * the records the county works on stream; the others are pulled on a timer and on every RESYNC.
 */
export const streamedCollections: readonly SyncedCollection[] = ['opinions', 'mediationCases'];

function isReference(collection: SyncedCollection): boolean {
  return (referenceCollections as readonly string[]).includes(collection);
}

function asSyncError(error: unknown): SyncError {
  return isSyncError(error) ? error : networkError(error);
}

/** The collections object of an RxDB database, looked up by name. */
export interface DatabaseWithCollections {
  readonly collections: object;
}

function collectionOf(db: DatabaseWithCollections, name: SyncedCollection): RxCollection<unknown> | undefined {
  return (db.collections as Record<string, RxCollection<unknown> | undefined>)[name];
}

export function startReplication(db: DatabaseWithCollections, options: StartReplicationOptions): LiaisonReplication {
  const role = options.role ?? 'station';
  const client = createSyncClient({
    serverUrl: options.serverUrl,
    token: options.token,
    appVersion: options.appVersion,
    role,
    fetch: options.fetch,
  });
  const isOnline = options.isOnline ?? (() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  const events = new Subject<ReplicationEvent>();
  const states = new Map<SyncedCollection, RxReplicationState<unknown, SyncCheckpoint>>();
  const names = (options.collections ?? syncedCollections).filter((name) => collectionOf(db, name) !== undefined);

  for (const name of names) {
    const collection = collectionOf(db, name)!;
    const schemaVersion = collection.schema.version;
    const streamed = streamedCollections.includes(name);
    const stream$: Observable<RxReplicationPullStreamItem<unknown, SyncCheckpoint>> = streamed
      ? changeStream({ client, route: syncRoutes.stream(name), reconnectMs: options.retryTime ?? 5_000, isOnline })
      : timer(options.pollMs ?? 60_000, options.pollMs ?? 60_000).pipe(map(() => 'RESYNC' as const));

    const state = replicateRxCollection<unknown, SyncCheckpoint>({
      // The server address and identity name the checkpoint: a re-enrolled PC starts from the beginning.
      replicationIdentifier: `liaison-${name}-${options.identity}-${options.serverUrl}`,
      collection,
      live: true,
      retryTime: options.retryTime ?? 5_000,
      // One window per station PC; a second tab must not wait for leadership forever.
      waitForLeadership: false,
      autoStart: true,
      pull: {
        batchSize: pullBatchSize[name],
        stream$,
        handler: async (checkpoint, batchSize) => {
          const seq = checkpoint?.seq ?? 0;
          try {
            const response = await client.request<PullResponse<unknown>>(syncRoutes.pull(name), {
              query: { seq, limit: batchSize },
              schemaVersion,
            });
            events.next({
              type: 'pulled',
              collection: name,
              count: response.documents.length,
              remaining: typeof response.remaining === 'number' ? response.remaining : null,
            });
            return { documents: response.documents, checkpoint: response.checkpoint };
          } catch (error) {
            events.next({ type: 'error', collection: name, error: asSyncError(error) });
            throw error;
          }
        },
      },
      // Reference data flows server → station only.
      push: isReference(name)
        ? undefined
        : {
            batchSize: pushBatchSize[name],
            handler: async (rows) => {
              try {
                const conflicts: PushResponse<unknown> = [];
                for (const chunk of chunkByBytes(rows, pushBodyBudget)) {
                  const answer = await client.request<PushResponse<unknown>>(syncRoutes.push(name), {
                    body: chunk,
                    schemaVersion,
                  });
                  conflicts.push(...answer);
                }
                events.next({
                  type: 'pushed',
                  collection: name,
                  count: rows.length - conflicts.length,
                  conflicts: conflicts.length,
                });
                return conflicts;
              } catch (error) {
                events.next({ type: 'error', collection: name, error: asSyncError(error) });
                throw error;
              }
            },
          },
    });
    states.set(name, state as RxReplicationState<unknown, SyncCheckpoint>);
  }

  const reSync = () => {
    for (const state of states.values()) state.reSync();
  };
  // Back online: skip the retry wait and catch up at once.
  if (typeof window !== 'undefined' && typeof window.addEventListener === 'function') {
    window.addEventListener('online', reSync);
  }

  return {
    states,
    events$: events.asObservable(),
    client,
    reSync,
    async awaitInSync() {
      await Promise.all([...states.values()].map((state) => state.awaitInSync()));
    },
    async cancel() {
      if (typeof window !== 'undefined' && typeof window.removeEventListener === 'function') {
        window.removeEventListener('online', reSync);
      }
      await Promise.all([...states.values()].map((state) => state.cancel()));
      events.complete();
    },
  };
}
