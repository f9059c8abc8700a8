// A Store made of its parts: every call goes to the part of its concern; driver errors that are storage faults
// become typed errors (disk full → 507), and bookkeeping writes are best-effort so they never fail a read or a push.

import type { SyncedCollection } from '../../../src-shared/api/sync-protocol';
import type { OpinionCategory } from '../../../src-shared/opinion/opinion';
import type { DuplicateCandidate } from '../reports/duplicates';
import type {
  OpinionDetailRow,
  SyncReportSourceRow,
  WorkReportFigures,
  WorkReportFiguresQuery,
} from '../reports/report-types';
import type { SqlDatabase } from './sql/sql-database';
import type {
  AuditEntry,
  CommitListener,
  County,
  DeviceStatus,
  DocumentWrite,
  EnrolmentCode,
  EnrolmentOutcome,
  HeartbeatRecord,
  PushDecider,
  RateLimitHit,
  Scope,
  StaffAccount,
  StationSyncState,
  Store,
  StoredDocument,
  StoreHealth,
  StoreKind,
  StoreParts,
  TokenRecord,
  Township,
} from './store';
import { classifyStorageError, StorageError, StorageUnavailableError } from './store-errors';

export abstract class ComposedStore implements Store {
  abstract readonly kind: StoreKind;
  abstract readonly schemaVersion: number;
  /** The last write's storage fault, cleared by the next write that succeeds. */
  private writeFault: StorageError | null = null;

  protected constructor(
    protected readonly parts: StoreParts,
    private readonly probeDatabase: SqlDatabase,
  ) {}

  /** A read, or a write of a probe row in `meta`, straight to the database (not through the guards). */
  private async probe(kind: 'read' | 'write'): Promise<void> {
    if (kind === 'read') await this.probeDatabase.get('SELECT value FROM meta WHERE key = ?', ['healthProbe']);
    else
      await this.probeDatabase.run(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        ['healthProbe', new Date().toISOString()],
      );
  }
  abstract optimize(): Promise<void>;
  abstract backup(outFile: string): Promise<void>;
  abstract close(): Promise<void>;

  private async read<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw classifyStorageError(error);
    }
  }

  private async write<T>(run: () => Promise<T>): Promise<T> {
    try {
      const result = await run();
      this.writeFault = null;
      return result;
    } catch (error) {
      const classified = classifyStorageError(error);
      if (classified instanceof StorageError) this.writeFault = classified;
      throw classified;
    }
  }

  async health(): Promise<StoreHealth> {
    const attempt = async (kind: 'read' | 'write') => {
      try {
        await this.probe(kind);
        return null;
      } catch (error) {
        const classified = classifyStorageError(error);
        return classified instanceof StorageError ? classified : new StorageUnavailableError(error);
      }
    };
    const readFault = await attempt('read');
    const writeFault = readFault ?? (await attempt('write'));
    this.writeFault = writeFault;
    const health: StoreHealth = {
      kind: this.kind,
      state: readFault ? 'unavailable' : writeFault ? 'degraded' : 'ok',
      readable: readFault === null,
      writable: writeFault === null,
      error: readFault?.code ?? writeFault?.code ?? null,
      schemaVersion: this.schemaVersion,
    };
    // The driver's own words (the typed error's cause), for the log.
    const cause = writeFault?.cause;
    if (writeFault) health.detail = cause instanceof Error ? cause.message : writeFault.message;
    return health;
  }

  /** The fault of the last failed write, if no write succeeded since (for metrics, without probing). */
  get lastWriteFault(): StorageError | null {
    return this.writeFault;
  }

  // Documents
  pull(collection: SyncedCollection, scope: Scope, afterSeq: number, limit: number): Promise<StoredDocument[]> {
    return this.read(() => this.parts.documents.pull(collection, scope, afterSeq, limit));
  }
  countAfter(collection: SyncedCollection, scope: Scope, afterSeq: number): Promise<number> {
    return this.read(() => this.parts.documents.countAfter(collection, scope, afterSeq));
  }
  getDocument(collection: SyncedCollection, id: string): Promise<StoredDocument | null> {
    return this.read(() => this.parts.documents.getDocument(collection, id));
  }
  listDocuments(collection: SyncedCollection, scope: Scope): Promise<StoredDocument[]> {
    return this.read(() => this.parts.documents.listDocuments(collection, scope));
  }
  push<R>(collection: SyncedCollection, ids: readonly string[], decide: PushDecider<R>, countyId?: string): Promise<R> {
    return this.write(() => this.parts.documents.push(collection, ids, decide, countyId));
  }
  upsertDocuments(
    collection: SyncedCollection,
    writes: readonly DocumentWrite[],
    townships?: readonly Township[],
  ): Promise<StoredDocument[]> {
    return this.write(() => this.parts.documents.upsertDocuments(collection, writes, townships));
  }
  onCommit(listener: CommitListener): () => void {
    return this.parts.documents.onCommit(listener);
  }

  // Places
  upsertCounties(counties: readonly County[]): Promise<void> {
    return this.write(() => this.parts.places.upsertCounties(counties));
  }
  listCounties(): Promise<County[]> {
    return this.read(() => this.parts.places.listCounties());
  }
  getCounty(id: string): Promise<County | null> {
    return this.read(() => this.parts.places.getCounty(id));
  }
  upsertTownships(townships: readonly Township[]): Promise<void> {
    return this.write(() => this.parts.places.upsertTownships(townships));
  }
  listTownships(countyId?: string): Promise<Township[]> {
    return this.read(() => this.parts.places.listTownships(countyId));
  }

  // Access
  createEnrolmentCode(code: EnrolmentCode): Promise<void> {
    return this.write(() => this.parts.access.createEnrolmentCode(code));
  }
  enrol(
    codeHash: string,
    now: string,
    token: Omit<TokenRecord, 'subject' | 'stationId' | 'countyId'>,
  ): Promise<EnrolmentOutcome> {
    return this.write(() => this.parts.access.enrol(codeHash, now, token));
  }
  createToken(token: TokenRecord): Promise<void> {
    return this.write(() => this.parts.access.createToken(token));
  }
  findToken(hash: string): Promise<TokenRecord | null> {
    return this.read(() => this.parts.access.findToken(hash));
  }
  revokeToken(hash: string, at: string): Promise<void> {
    return this.write(() => this.parts.access.revokeToken(hash, at));
  }
  revokeStation(stationId: string, at: string): Promise<number> {
    return this.write(() => this.parts.access.revokeStation(stationId, at));
  }
  upsertStaff(account: StaffAccount): Promise<void> {
    return this.write(() => this.parts.access.upsertStaff(account));
  }
  getStaff(user: string): Promise<StaffAccount | null> {
    return this.read(() => this.parts.access.getStaff(user));
  }
  hitRateLimit(key: string, windowMs: number, nowMs: number): Promise<RateLimitHit> {
    return this.write(() => this.parts.access.hitRateLimit(key, windowMs, nowMs));
  }

  // Device status and audit
  recordHeartbeat(heartbeat: HeartbeatRecord): Promise<void> {
    return this.write(() => this.parts.status.recordHeartbeat(heartbeat));
  }
  listDeviceStatuses(stationId: string): Promise<DeviceStatus[]> {
    return this.read(() => this.parts.status.listDeviceStatuses(stationId));
  }
  heartbeatHistory(stationId: string, limit: number): Promise<HeartbeatRecord[]> {
    return this.read(() => this.parts.status.heartbeatHistory(stationId, limit));
  }
  pruneHeartbeats(before: string): Promise<number> {
    return this.write(() => this.parts.status.pruneHeartbeats(before));
  }
  /** Best-effort: resolves false instead of rejecting, so a pull still answers and a committed push stays a success. */
  async recordSyncActivity(stationId: string, kind: 'pull' | 'push', at: string): Promise<boolean> {
    try {
      return await this.write(() => this.parts.status.recordSyncActivity(stationId, kind, at));
    } catch {
      return false;
    }
  }
  listStationSyncStates(countyId?: string): Promise<StationSyncState[]> {
    return this.read(() => this.parts.status.listStationSyncStates(countyId));
  }
  audit(entry: AuditEntry): Promise<void> {
    return this.write(() => this.parts.status.audit(entry));
  }
  listAudit(limit: number): Promise<AuditEntry[]> {
    return this.read(() => this.parts.status.listAudit(limit));
  }

  // Reports
  syncReportRows(countyId: string): Promise<SyncReportSourceRow[]> {
    return this.read(() => this.parts.reports.syncReportRows(countyId));
  }
  workReportFigures(query: WorkReportFiguresQuery, stationIds: readonly string[] | null): Promise<WorkReportFigures> {
    return this.read(() => this.parts.reports.workReportFigures(query, stationIds));
  }
  opinionDetails(query: WorkReportFiguresQuery, stationIds: readonly string[] | null): Promise<OpinionDetailRow[]> {
    return this.read(() => this.parts.reports.opinionDetails(query, stationIds));
  }
  opinionDuplicateCandidates(
    countyId: string,
    category: OpinionCategory,
    excludeId: string,
  ): Promise<DuplicateCandidate[]> {
    return this.read(() => this.parts.reports.opinionDuplicateCandidates(countyId, category, excludeId));
  }
}
