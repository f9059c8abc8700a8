// The fields every synced record carries, and the roles that may change them.

/** Who makes a change: the station clerk (offline, at the station) or county staff (online). `system` is the app itself (merge, migration). */
export type Role = 'station' | 'county' | 'system';

/** One line of a record's history. History is append-only and merged as a set (by `id`), so no entry is ever lost. */
export interface HistoryEntry {
  /** Client-generated id (see ids.ts); makes the history mergeable as a set. */
  id: string;
  /** ISO 8601 timestamp of the change. */
  at: string;
  /** Display name of the person (or 'system'). */
  by: string;
  role: Role;
  /** The command or event, e.g. 'submit', 'assign', 'revealPersonalData', 'mergeConflict'. */
  action: string;
  /** Status before and after, for lifecycle commands. */
  from?: string;
  to?: string;
  note?: string;
  /** For merge conflicts: the field whose value was overwritten, and that value (JSON). */
  field?: string;
  overwritten?: string;
}

/** Fields shared by all synced records (reference data and station records). */
export interface SyncedDocument {
  /** Client-generated, time-ordered id (ULID); the primary key everywhere. */
  id: string;
  /** County the record belongs to: the server scopes county staff by it. */
  countyId: string;
  createdAt: string;
  updatedAt: string;
}

/** Station records also name their station: the server scopes a station's token by it. */
export interface StationRecord extends SyncedDocument {
  stationId: string;
  history: HistoryEntry[];
}
