// The replication protocol between the app and the sync server: the collections, the version headers, pull, push
// and heartbeat bodies (routes in routes.ts, refusals in errors.ts). DESIGN.md ("Sync") describes the exchange.

/** Collections replicated between station and server. Reference data flows server → station only. */
export const referenceCollections = ['stations', 'representatives', 'departments'] as const;
export const stationCollections = ['receptionDays', 'opinions', 'mediationCases', 'activities', 'photos'] as const;
export const syncedCollections = [...referenceCollections, ...stationCollections] as const;

export type ReferenceCollection = (typeof referenceCollections)[number];
export type StationCollection = (typeof stationCollections)[number];
export type SyncedCollection = (typeof syncedCollections)[number];

export function isSyncedCollection(name: string): name is SyncedCollection {
  return (syncedCollections as readonly string[]).includes(name);
}

/** Sent on every sync request: the server answers 426 when the schema version is outdated. */
export const schemaVersionHeader = 'x-schema-version';
export const appVersionHeader = 'x-app-version';

/** Server-assigned, strictly increasing; never depends on station clocks. */
export interface SyncCheckpoint {
  seq: number;
}

/** A document on the wire: the record plus RxDB's deletion flag. */
export type WireDocument<T> = T & { _deleted: boolean };

/** GET syncRoutes.pull(collection): the documents after `seq`, at most `limit` of them. */
export interface PullQuery {
  seq: number;
  limit: number;
}

export interface PullResponse<T> {
  documents: WireDocument<T>[];
  checkpoint: SyncCheckpoint;
  /** Optional: documents in the caller's scope still waiting after this batch, so clients can show progress. */
  remaining?: number;
}

export interface PushRow<T> {
  assumedMasterState?: WireDocument<T> | null;
  newDocumentState: WireDocument<T>;
}

/** The push reply: the master states that conflicted (empty when all were written). */
export type PushResponse<T> = WireDocument<T>[];

/** GET syncRoutes.stream(collection), server-sent events: 'RESYNC' on connecting, then each commit in scope. */
export type StreamEvent<T> = 'RESYNC' | { documents: WireDocument<T>[]; checkpoint: SyncCheckpoint };

/** POST syncRoutes.heartbeat: a station's state, for the county's sync report. */
export interface HeartbeatRequest {
  appVersion: string;
  pendingChanges: number;
  lastError: string | null;
  lastSyncAt: string | null;
}
