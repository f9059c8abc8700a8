// The sync protocol between the station app and the sync server: collection names, routes and wire types.
// Routes follow DESIGN.md ("Sync") exactly; other tools speak them.

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

export const syncRoutes = {
  health: '/healthz',
  enroll: '/v1/enroll',
  login: '/v1/auth/login',
  logout: '/v1/auth/logout',
  heartbeat: '/v1/sync/heartbeat',
  pull: (collection: SyncedCollection) => `/v1/sync/${collection}/pull`,
  push: (collection: SyncedCollection) => `/v1/sync/${collection}/push`,
  stream: (collection: SyncedCollection) => `/v1/sync/${collection}/stream`,
} as const;

/** Sent on every sync request: the server answers 426 when the schema version is outdated. */
export const schemaVersionHeader = 'x-schema-version';
export const appVersionHeader = 'x-app-version';

/** Server-assigned, strictly increasing; never depends on station clocks. */
export interface SyncCheckpoint {
  seq: number;
}

/** A document on the wire: the record plus RxDB's deletion flag. */
export type WireDocument<T> = T & { _deleted: boolean };

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

export interface EnrollRequest {
  code: string;
  deviceName: string;
}

export interface EnrollResponse {
  token: string;
  stationId: string;
  stationName: string;
  countyId: string;
  countyName: string;
}

export interface LoginRequest {
  user: string;
  password: string;
}

export interface LoginResponse {
  token: string;
  user: string;
  countyId: string;
  countyName: string;
  expiresAt: string;
}

export interface HeartbeatRequest {
  appVersion: string;
  pendingChanges: number;
  lastError: string | null;
  lastSyncAt: string | null;
}

/** Every refusal: a stable code for logs and tests, a Chinese message that says what to do next. */
export interface ErrorBody {
  error: string;
  message: string;
  /** For 426: the schema version the server requires. */
  requiredVersion?: number;
  /** A push refused for one document: its index in the request's rows, its id, and the fields at fault
   * (validation errors as `{field, code, message}`, ownership and edit-rule refusals as field names). */
  row?: number;
  id?: string;
  fields?: (string | { field: string; code?: string; message?: string })[];
}
