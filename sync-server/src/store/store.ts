// The Store interface: everything the server keeps, behind methods a SQLite or a PostgreSQL implementation can offer.

import type { SyncedCollection } from '../../../src-shared/api/sync-protocol';
import type { OpinionCategory } from '../../../src-shared/opinion/opinion';
import type { DuplicateCandidate } from '../reports/duplicates';
import type {
  OpinionDetailRow,
  SyncReportSourceRow,
  WorkReportFigures,
  WorkReportFiguresQuery,
} from '../reports/report-types';

/** Which documents a caller may see: one station's, one county's, or all (the CLI). */
export type Scope =
  | { kind: 'all' }
  | { kind: 'county'; countyId: string }
  | { kind: 'station'; stationId: string; countyId: string };

/** A document as stored: the body (without `_deleted`) plus the server's bookkeeping kept outside the document. */
export interface StoredDocument {
  collection: SyncedCollection;
  id: string;
  /** The owning station (for the `stations` collection: the station itself); null for county-wide reference data. */
  stationId: string | null;
  countyId: string;
  /** Server-assigned, strictly increasing over the whole database. */
  seq: number;
  deleted: boolean;
  body: Record<string, unknown>;
  /** Server time of the write (ISO 8601). */
  storedAt: string;
}

/** One document to write; the store assigns `seq` and `storedAt`. */
export interface DocumentWrite {
  id: string;
  stationId: string | null;
  countyId: string;
  deleted: boolean;
  body: Record<string, unknown>;
}

/**
 * Decides a push batch from the current master states of the pushed ids. Runs inside the store's transaction and
 * must be synchronous and pure; it throws to refuse the batch, and then nothing is stored.
 */
export type PushDecider<R> = (masters: ReadonlyMap<string, StoredDocument>) => { writes: DocumentWrite[]; result: R };

export interface County {
  id: string;
  name: string;
}

export interface Township {
  id: string;
  countyId: string;
  name: string;
}

export type TokenKind = 'station' | 'staff';

export interface TokenRecord {
  /** SHA-256 of the token (hex); the token itself is never stored. */
  hash: string;
  kind: TokenKind;
  /** Station id or staff user name. */
  subject: string;
  countyId: string;
  stationId: string | null;
  deviceName: string | null;
  createdAt: string;
  revokedAt: string | null;
  /** Null: valid until revoked (station tokens). */
  expiresAt: string | null;
}

export interface StaffAccount {
  user: string;
  countyId: string;
  /** `scrypt$N$r$p$salt$hash`, see security/passwords.ts. */
  passwordHash: string;
}

export interface EnrolmentCode {
  /** SHA-256 of the normalised code. */
  hash: string;
  stationId: string;
  countyId: string;
  createdAt: string;
  expiresAt: string;
}

export type EnrolmentOutcome =
  | { ok: true; stationId: string; countyId: string }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' | 'revoked' };

export interface HeartbeatRecord {
  stationId: string;
  at: string;
  appVersion: string;
  pendingChanges: number;
  lastError: string | null;
  lastSyncAt: string | null;
}

/** Per-station sync state, read by the county sync report. */
export interface StationSyncState {
  stationId: string;
  countyId: string;
  lastHeartbeatAt: string | null;
  appVersion: string | null;
  pendingChanges: number | null;
  lastError: string | null;
  lastSyncAt: string | null;
  lastPullAt: string | null;
  lastPushAt: string | null;
}

export interface AuditEntry {
  at: string;
  /** 'station:<id>', 'staff:<user>' or 'cli'. */
  actor: string;
  action: string;
  target: string | null;
  detail: string | null;
}

/** What GET /readyz reports: whether the store answered a read and took a write just now. */
export interface StoreHealth {
  readable: boolean;
  writable: boolean;
  /** The failure, for the log (never sent to clients). */
  detail?: string;
}

export type CommitListener = (collection: SyncedCollection, documents: readonly StoredDocument[]) => void;

export interface Store {
  // Documents (replication)
  /** Documents in scope with seq > afterSeq, ordered by seq, at most `limit`. */
  pull(collection: SyncedCollection, scope: Scope, afterSeq: number, limit: number): Promise<StoredDocument[]>;
  /** How many documents in scope have seq > afterSeq (the pull's `remaining`); an index range count. */
  countAfter(collection: SyncedCollection, scope: Scope, afterSeq: number): Promise<number>;
  getDocument(collection: SyncedCollection, id: string): Promise<StoredDocument | null>;
  listDocuments(collection: SyncedCollection, scope: Scope): Promise<StoredDocument[]>;
  /** One transaction: reads the masters of `ids`, lets `decide` choose, writes its writes with new seqs. */
  push<R>(collection: SyncedCollection, ids: readonly string[], decide: PushDecider<R>): Promise<R>;
  /**
   * Writes reference data (demo, import) in one transaction, together with any new townships they name;
   * an unchanged document keeps its seq. Returns the documents actually written.
   */
  upsertDocuments(
    collection: SyncedCollection,
    writes: readonly DocumentWrite[],
    townships?: readonly Township[],
  ): Promise<StoredDocument[]>;
  /** Called after each commit that wrote documents. Returns the unsubscribe function. */
  onCommit(listener: CommitListener): () => void;

  // Places
  upsertCounties(counties: readonly County[]): Promise<void>;
  listCounties(): Promise<County[]>;
  getCounty(id: string): Promise<County | null>;
  upsertTownships(townships: readonly Township[]): Promise<void>;
  listTownships(countyId?: string): Promise<Township[]>;

  // Enrolment and tokens
  createEnrolmentCode(code: EnrolmentCode): Promise<void>;
  /** Atomically: checks the code, marks it used, stores the new station token (its station and county from the code). */
  enrol(
    codeHash: string,
    now: string,
    token: Omit<TokenRecord, 'subject' | 'stationId' | 'countyId'>,
  ): Promise<EnrolmentOutcome>;
  createToken(token: TokenRecord): Promise<void>;
  findToken(hash: string): Promise<TokenRecord | null>;
  revokeToken(hash: string, at: string): Promise<void>;
  /** Revokes every token and unused enrolment code of a station; returns the number of tokens revoked. */
  revokeStation(stationId: string, at: string): Promise<number>;

  // County staff
  upsertStaff(account: StaffAccount): Promise<void>;
  getStaff(user: string): Promise<StaffAccount | null>;

  // Sync status
  recordHeartbeat(heartbeat: HeartbeatRecord): Promise<void>;
  recordSyncActivity(stationId: string, kind: 'pull' | 'push', at: string): Promise<void>;
  listStationSyncStates(countyId?: string): Promise<StationSyncState[]>;

  // Audit
  audit(entry: AuditEntry): Promise<void>;
  listAudit(limit: number): Promise<AuditEntry[]>;

  // Reports (aggregated by the database, never by loading every record)
  /** Every (not deleted) station of the county with its sync bookkeeping and station tokens. */
  syncReportRows(countyId: string): Promise<SyncReportSourceRow[]>;
  /** The work report's figures for the county, period and stations (null = the whole county). */
  workReportFigures(query: WorkReportFiguresQuery, stationIds: readonly string[] | null): Promise<WorkReportFigures>;
  /** The opinions of the period for the export's detail sheet, visitor name and phone masked. */
  opinionDetails(query: WorkReportFiguresQuery, stationIds: readonly string[] | null): Promise<OpinionDetailRow[]>;
  /** Opinions of the county and category that another could be merged into (not recorded, merged or rejected). */
  opinionDuplicateCandidates(
    countyId: string,
    category: OpinionCategory,
    excludeId: string,
  ): Promise<DuplicateCandidate[]>;

  // Operations
  /** A consistent copy of the whole store, taken while writes continue. */
  backup(outFile: string): Promise<void>;
  /** Reads and writes a little to tell whether the store works now; never throws (a failure is in the answer). */
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}
