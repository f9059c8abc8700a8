// Replicates the local RxDB collections with the county sync server: one replicateRxCollection per synced
// collection, pulled by server sequence, pushed in batches, kept live through the server's change stream.

import type { RxCollection, RxReplicationPullStreamItem, RxReplicationWriteToMasterRow } from 'rxdb';
import { type RxReplicationState, replicateRxCollection } from 'rxdb/plugins/replication';
import { map, type Observable, Subject, timer } from 'rxjs';
import { syncRoutes } from '../../src-shared/api/routes';
import {
  type PullResponse,
  referenceCollections,
  type SyncCheckpoint,
  type SyncedCollection,
  syncedCollections,
} from '../../src-shared/api/sync-protocol';
import type { SyncRefusal } from '../state/sync-status-store';
import { changeStream } from './change-stream';
import { type PushedDocument, PushLedger, pushedDocumentOf } from './push-ledger';
import { describeRefusal } from './refused-record';
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
  | { type: 'pushed'; collection: SyncedCollection; count: number; conflicts: number; ids: string[] }
  /** `refused`: documents the server refused (the rest of their batch was stored); they are retried as they are. */
  | { type: 'error'; collection: SyncedCollection; error: SyncError; refused?: SyncRefusal[] };

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

type PushRowOf = RxReplicationWriteToMasterRow<unknown>;
type MasterState = PushRowOf['newDocumentState'];

function idOf(row: PushRowOf): string | undefined {
  const id = (row.newDocumentState as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

/** The row of `chunk` a refusal names: by id when given (stable), else by its index in the request. */
function refusedIndex(chunk: readonly { row: PushRowOf }[], error: SyncError): number {
  const refusal = error.refusal;
  if (!refusal) return -1;
  if (refusal.id !== undefined) {
    const byId = chunk.findIndex((item) => idOf(item.row) === refusal.id);
    if (byId >= 0) return byId;
  }
  return refusal.row !== undefined && refusal.row >= 0 && refusal.row < chunk.length ? refusal.row : -1;
}

/** The document as stored here now, in the replication's form (no _meta, _rev, _attachments); null if gone. */
async function currentState(collection: RxCollection<unknown>, id: string): Promise<MasterState | null> {
  const [found] = await collection.storageInstance.findDocumentsById([id], true);
  if (!found) return null;
  const { _meta, _rev, _attachments, ...state } = found;
  return state as MasterState;
}

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

  /**
   * Pushes a batch. When the server refuses one document (400/403 naming it), the batch's other documents are
   * pushed without it, so they are stored; the refused one stays here exactly as it is, is reported (which record,
   * why) and the batch fails, so RxDB retries it later: then only the documents the server has not answered are
   * sent again (the ledger knows them by id and state), a refused one in its current local state, so the clerk's
   * correction goes through without a restart.
   */
  async function pushBatch(
    name: SyncedCollection,
    collection: RxCollection<unknown>,
    schemaVersion: number,
    ledger: PushLedger<MasterState>,
    rows: PushRowOf[],
  ): Promise<MasterState[]> {
    const entries = rows.map((row) => ({ row, doc: pushedDocumentOf(row.newDocumentState) }));
    const refusedNow = new Set<string>();
    const refusals: { row: PushRowOf; error: SyncError }[] = [];
    try {
      // Each round either answers every open row or sets one aside as refused: at most rows.length + 1 rounds.
      for (;;) {
        const open: { row: PushRowOf; doc: PushedDocument }[] = [];
        for (const { row, doc } of entries) {
          if (ledger.isAnswered(doc) || refusedNow.has(doc.key)) continue;
          const id = idOf(row);
          // A row refused before goes again as the clerk has it now (corrected, or still the same).
          const latest = ledger.wasRefused(doc) && id ? await currentState(collection, id) : null;
          open.push({ row: latest ? { ...row, newDocumentState: latest } : row, doc });
        }
        if (open.length === 0) break;
        let refusedInRound = false;
        for (const chunk of chunkByBytes(open, pushBodyBudget)) {
          let answer: MasterState[];
          try {
            answer = await client.request<MasterState[]>(syncRoutes.push(name), {
              body: chunk.map((item) => item.row),
              schemaVersion,
            });
          } catch (error) {
            const syncError = asSyncError(error);
            const refused = chunk[refusedIndex(chunk, syncError)];
            if (!refused) throw error;
            // Nothing of this request was stored (one transaction): the others go again without it.
            refusedNow.add(refused.doc.key);
            ledger.refused(refused.doc);
            refusals.push({ row: refused.row, error: syncError });
            refusedInRound = true;
            break;
          }
          const conflictsById = new Map(answer.map((doc) => [(doc as { id?: unknown }).id, doc]));
          for (const item of chunk) ledger.answered(item.doc, conflictsById.get(idOf(item.row)) ?? null);
        }
        if (!refusedInRound) break;
      }
    } catch (error) {
      events.next({ type: 'error', collection: name, error: asSyncError(error) });
      throw error;
    }
    const first = refusals[0];
    if (first) {
      const refused = refusals.map(({ row, error }) =>
        describeRefusal(name, row.newDocumentState as Record<string, unknown>, error),
      );
      events.next({ type: 'error', collection: name, error: first.error, refused });
      // RxDB keeps the batch and retries it after `retryTime`; nothing is marked as pushed.
      throw first.error;
    }
    const conflicts = ledger.settle(entries.map((entry) => entry.doc));
    const conflictIds = new Set(conflicts.map((doc) => (doc as { id?: unknown }).id));
    const ids = rows.flatMap((row) => {
      const id = idOf(row);
      return id && !conflictIds.has(id) ? [id] : [];
    });
    events.next({
      type: 'pushed',
      collection: name,
      count: rows.length - conflicts.length,
      conflicts: conflicts.length,
      ids,
    });
    return conflicts;
  }

  for (const name of names) {
    const collection = collectionOf(db, name)!;
    const schemaVersion = collection.schema.version;
    const streamed = streamedCollections.includes(name);
    const ledger = new PushLedger<MasterState>();
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
            handler: (rows) => pushBatch(name, collection, schemaVersion, ledger, rows),
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
