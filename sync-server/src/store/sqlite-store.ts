// The embedded Store: one SQLite file (liaison.sqlite) in the data folder, WAL mode, via better-sqlite3.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { SyncedCollection } from '../../../src-shared/api/sync-protocol';
import { canonicalJson } from '../../../src-shared/common/canonical-json';
import type { OpinionCategory } from '../../../src-shared/opinion/opinion';
import type { DuplicateCandidate } from '../reports/duplicates';
import type {
  OpinionDetailRow,
  SyncReportSourceRow,
  WorkReportFigures,
  WorkReportFiguresQuery,
} from '../reports/report-types';
import { sqliteSyncReportRows } from '../reports/sync-report';
import { reportDateExpression, sqliteOpinionDetails, sqliteWorkReportFigures } from '../reports/work-report-sql';
import type {
  AuditEntry,
  CommitListener,
  County,
  DocumentWrite,
  EnrolmentCode,
  EnrolmentOutcome,
  HeartbeatRecord,
  PushDecider,
  Scope,
  StaffAccount,
  StationSyncState,
  Store,
  StoredDocument,
  StoreHealth,
  TokenRecord,
  Township,
} from './store';

export const databaseFileName = 'liaison.sqlite';

/** Bumped when the tables change; `migrate` brings older files up to date. */
const schemaVersion = 2;

const ddl = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
  collection TEXT NOT NULL,
  id TEXT NOT NULL,
  station_id TEXT,
  county_id TEXT NOT NULL,
  seq INTEGER NOT NULL UNIQUE,
  deleted INTEGER NOT NULL DEFAULT 0,
  body TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (collection, id)
);
CREATE INDEX IF NOT EXISTS documents_seq ON documents (collection, seq);
CREATE INDEX IF NOT EXISTS documents_county_seq ON documents (collection, county_id, seq);
CREATE INDEX IF NOT EXISTS documents_station_seq ON documents (collection, station_id, seq);
CREATE TABLE IF NOT EXISTS counties (id TEXT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS townships (
  id TEXT PRIMARY KEY,
  county_id TEXT NOT NULL REFERENCES counties(id),
  name TEXT NOT NULL,
  UNIQUE (county_id, name)
);
CREATE TABLE IF NOT EXISTS enrolment_codes (
  hash TEXT PRIMARY KEY,
  station_id TEXT NOT NULL,
  county_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT,
  revoked_at TEXT
);
CREATE TABLE IF NOT EXISTS tokens (
  hash TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('station', 'staff')),
  subject TEXT NOT NULL,
  county_id TEXT NOT NULL,
  station_id TEXT,
  device_name TEXT,
  created_at TEXT NOT NULL,
  revoked_at TEXT,
  expires_at TEXT
);
CREATE INDEX IF NOT EXISTS tokens_station ON tokens (station_id);
CREATE TABLE IF NOT EXISTS staff (
  user TEXT PRIMARY KEY,
  county_id TEXT NOT NULL,
  password_hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS heartbeats (
  station_id TEXT NOT NULL,
  at TEXT NOT NULL,
  app_version TEXT NOT NULL,
  pending_changes INTEGER NOT NULL,
  last_error TEXT,
  last_sync_at TEXT
);
CREATE INDEX IF NOT EXISTS heartbeats_station ON heartbeats (station_id, at);
CREATE TABLE IF NOT EXISTS station_sync (
  station_id TEXT PRIMARY KEY,
  last_heartbeat_at TEXT,
  app_version TEXT,
  pending_changes INTEGER,
  last_error TEXT,
  last_sync_at TEXT,
  last_pull_at TEXT,
  last_push_at TEXT
);
CREATE TABLE IF NOT EXISTS audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT,
  detail TEXT
);
`;

interface DocumentRow {
  collection: string;
  id: string;
  station_id: string | null;
  county_id: string;
  seq: number;
  deleted: number;
  body: string;
  updated_at: string;
}

interface TokenRow {
  hash: string;
  kind: 'station' | 'staff';
  subject: string;
  county_id: string;
  station_id: string | null;
  device_name: string | null;
  created_at: string;
  revoked_at: string | null;
  expires_at: string | null;
}

/** The stored columns (not the generated `report_date`, which would be computed for nothing). */
const documentColumns = 'collection, id, station_id, county_id, seq, deleted, body, updated_at';

function toDocument(row: DocumentRow): StoredDocument {
  return {
    collection: row.collection as SyncedCollection,
    id: row.id,
    stationId: row.station_id,
    countyId: row.county_id,
    seq: row.seq,
    deleted: row.deleted === 1,
    body: JSON.parse(row.body) as Record<string, unknown>,
    storedAt: row.updated_at,
  };
}

function toToken(row: TokenRow): TokenRecord {
  return {
    hash: row.hash,
    kind: row.kind,
    subject: row.subject,
    countyId: row.county_id,
    stationId: row.station_id,
    deviceName: row.device_name,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    expiresAt: row.expires_at,
  };
}

function scopeClause(scope: Scope): { sql: string; params: unknown[] } {
  switch (scope.kind) {
    case 'all':
      return { sql: '', params: [] };
    case 'county':
      return { sql: ' AND county_id = ?', params: [scope.countyId] };
    case 'station':
      return { sql: ' AND station_id = ?', params: [scope.stationId] };
  }
}

export class SqliteStore implements Store {
  readonly file: string;
  private readonly db: Database.Database;
  private readonly listeners = new Set<CommitListener>();
  /** Prepared statements of the per-request and per-row paths: preparing costs more than running them. */
  private readonly statements = new Map<string, Database.Statement>();

  private constructor(file: string) {
    this.file = file;
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    // Another process (the CLI's backup, an import) may hold the write lock for a moment.
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
  }

  /** Opens (creating when missing) the store in `dataDir`. */
  static open(dataDir: string): SqliteStore {
    mkdirSync(dataDir, { recursive: true });
    return new SqliteStore(path.join(dataDir, databaseFileName));
  }

  private migrate(): void {
    this.db.exec(ddl);
    this.db
      .prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING')
      .run('schemaVersion', String(schemaVersion));
    this.db.prepare("INSERT INTO meta (key, value) VALUES ('seq', '0') ON CONFLICT(key) DO NOTHING").run();
    // 2: reports filter by a record's date (see reports/work-report-sql.ts); a virtual generated column costs no
    // space in the rows, and its index makes a county's period an index range.
    const columns = this.db.prepare('PRAGMA table_xinfo(documents)').all() as { name: string }[];
    if (!columns.some((c) => c.name === 'report_date')) {
      this.db.transaction(() => {
        this.db.exec(
          `ALTER TABLE documents ADD COLUMN report_date TEXT GENERATED ALWAYS AS (${reportDateExpression}) VIRTUAL`,
        );
        this.db.exec(
          'CREATE INDEX IF NOT EXISTS documents_report_date ON documents (collection, county_id, report_date)',
        );
        this.db.exec(
          'CREATE INDEX IF NOT EXISTS documents_station_report_date ON documents (collection, station_id, report_date)',
        );
        this.db.prepare("UPDATE meta SET value = ? WHERE key = 'schemaVersion'").run(String(schemaVersion));
      })();
    }
  }

  /** The prepared statement of `sql`, prepared once per store. */
  private prepared(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private nextSeq(): number {
    const row = this.prepared(
      "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'seq' RETURNING value",
    ).get() as { value: number | string } | undefined;
    if (!row) throw new Error('seq counter missing');
    return Number(row.value);
  }

  private readDocument(collection: SyncedCollection, id: string): StoredDocument | null {
    const row = this.prepared(`SELECT ${documentColumns} FROM documents WHERE collection = ? AND id = ?`).get(
      collection,
      id,
    ) as DocumentRow | undefined;
    return row ? toDocument(row) : null;
  }

  private writeDocument(collection: SyncedCollection, write: DocumentWrite, at: string): StoredDocument {
    const seq = this.nextSeq();
    const body = JSON.stringify(write.body);
    this.prepared(
      `INSERT INTO documents (collection, id, station_id, county_id, seq, deleted, body, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (collection, id) DO UPDATE SET station_id = excluded.station_id, county_id = excluded.county_id,
           seq = excluded.seq, deleted = excluded.deleted, body = excluded.body, updated_at = excluded.updated_at`,
    ).run(collection, write.id, write.stationId, write.countyId, seq, write.deleted ? 1 : 0, body, at);
    return { collection, ...write, seq, storedAt: at };
  }

  private emit(collection: SyncedCollection, documents: StoredDocument[]): void {
    if (documents.length === 0) return;
    for (const listener of this.listeners) {
      try {
        listener(collection, documents);
      } catch {
        // A failing listener (a closed stream) must not undo a committed write.
      }
    }
  }

  async pull(collection: SyncedCollection, scope: Scope, afterSeq: number, limit: number): Promise<StoredDocument[]> {
    const clause = scopeClause(scope);
    const rows = this.prepared(
      `SELECT ${documentColumns} FROM documents WHERE collection = ? AND seq > ?${clause.sql} ORDER BY seq LIMIT ?`,
    ).all(collection, afterSeq, ...clause.params, limit) as DocumentRow[];
    return rows.map(toDocument);
  }

  async countAfter(collection: SyncedCollection, scope: Scope, afterSeq: number): Promise<number> {
    // Answered from the (collection, station_id|county_id, seq) indexes without reading a body.
    const clause = scopeClause(scope);
    const row = this.prepared(`SELECT count(*) AS n FROM documents WHERE collection = ?${clause.sql} AND seq > ?`).get(
      collection,
      ...clause.params,
      afterSeq,
    ) as { n: number };
    return row.n;
  }

  async getDocument(collection: SyncedCollection, id: string): Promise<StoredDocument | null> {
    return this.readDocument(collection, id);
  }

  async listDocuments(collection: SyncedCollection, scope: Scope): Promise<StoredDocument[]> {
    const clause = scopeClause(scope);
    const rows = this.db
      .prepare(`SELECT ${documentColumns} FROM documents WHERE collection = ?${clause.sql} ORDER BY seq`)
      .all(collection, ...clause.params) as DocumentRow[];
    return rows.map(toDocument);
  }

  async push<R>(collection: SyncedCollection, ids: readonly string[], decide: PushDecider<R>): Promise<R> {
    const written: StoredDocument[] = [];
    const run = this.db.transaction((): R => {
      const masters = new Map<string, StoredDocument>();
      for (const id of new Set(ids)) {
        const doc = this.readDocument(collection, id);
        if (doc) masters.set(id, doc);
      }
      const { writes, result } = decide(masters);
      const at = new Date().toISOString();
      for (const write of writes) written.push(this.writeDocument(collection, write, at));
      return result;
    });
    // IMMEDIATE takes the write lock before reading, so no other writer slips in between read and write.
    const result = run.immediate();
    this.emit(collection, written);
    return result;
  }

  async upsertDocuments(
    collection: SyncedCollection,
    writes: readonly DocumentWrite[],
    townships: readonly Township[] = [],
  ): Promise<StoredDocument[]> {
    const written: StoredDocument[] = [];
    const run = this.db.transaction(() => {
      this.writeTownships(townships);
      const at = new Date().toISOString();
      for (const write of writes) {
        const current = this.readDocument(collection, write.id);
        const unchanged =
          current !== null &&
          current.deleted === write.deleted &&
          current.stationId === write.stationId &&
          current.countyId === write.countyId &&
          canonicalJson(current.body) === canonicalJson(write.body);
        if (!unchanged) written.push(this.writeDocument(collection, write, at));
      }
    });
    run.immediate();
    this.emit(collection, written);
    return written;
  }

  onCommit(listener: CommitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async upsertCounties(counties: readonly County[]): Promise<void> {
    const stmt = this.db.prepare(
      'INSERT INTO counties (id, name) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name',
    );
    this.db.transaction(() => {
      for (const c of counties) stmt.run(c.id, c.name);
    })();
  }

  async listCounties(): Promise<County[]> {
    return this.db.prepare('SELECT id, name FROM counties ORDER BY id').all() as County[];
  }

  async getCounty(id: string): Promise<County | null> {
    return (this.db.prepare('SELECT id, name FROM counties WHERE id = ?').get(id) as County | undefined) ?? null;
  }

  private writeTownships(townships: readonly Township[]): void {
    const stmt = this.db.prepare(
      'INSERT INTO townships (id, county_id, name) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET county_id = excluded.county_id, name = excluded.name',
    );
    for (const t of townships) stmt.run(t.id, t.countyId, t.name);
  }

  async upsertTownships(townships: readonly Township[]): Promise<void> {
    this.db.transaction(() => this.writeTownships(townships))();
  }

  async listTownships(countyId?: string): Promise<Township[]> {
    const sql = 'SELECT id, county_id AS countyId, name FROM townships';
    return (
      countyId === undefined
        ? this.db.prepare(`${sql} ORDER BY county_id, id`).all()
        : this.db.prepare(`${sql} WHERE county_id = ? ORDER BY id`).all(countyId)
    ) as Township[];
  }

  async createEnrolmentCode(code: EnrolmentCode): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO enrolment_codes (hash, station_id, county_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(code.hash, code.stationId, code.countyId, code.createdAt, code.expiresAt);
  }

  async enrol(
    codeHash: string,
    now: string,
    token: Omit<TokenRecord, 'subject' | 'stationId' | 'countyId'>,
  ): Promise<EnrolmentOutcome> {
    const run = this.db.transaction((): EnrolmentOutcome => {
      const code = this.db.prepare('SELECT * FROM enrolment_codes WHERE hash = ?').get(codeHash) as
        | {
            station_id: string;
            county_id: string;
            expires_at: string;
            used_at: string | null;
            revoked_at: string | null;
          }
        | undefined;
      if (!code) return { ok: false, reason: 'unknown' };
      if (code.used_at) return { ok: false, reason: 'used' };
      if (code.revoked_at) return { ok: false, reason: 'revoked' };
      if (code.expires_at <= now) return { ok: false, reason: 'expired' };
      this.db.prepare('UPDATE enrolment_codes SET used_at = ? WHERE hash = ?').run(now, codeHash);
      this.insertToken({ ...token, stationId: code.station_id, subject: code.station_id, countyId: code.county_id });
      return { ok: true, stationId: code.station_id, countyId: code.county_id };
    });
    return run.immediate();
  }

  private insertToken(t: TokenRecord): void {
    this.db
      .prepare(
        `INSERT INTO tokens (hash, kind, subject, county_id, station_id, device_name, created_at, revoked_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(t.hash, t.kind, t.subject, t.countyId, t.stationId, t.deviceName, t.createdAt, t.revokedAt, t.expiresAt);
  }

  async createToken(token: TokenRecord): Promise<void> {
    this.insertToken(token);
  }

  async findToken(hash: string): Promise<TokenRecord | null> {
    const row = this.prepared('SELECT * FROM tokens WHERE hash = ?').get(hash) as TokenRow | undefined;
    return row ? toToken(row) : null;
  }

  async revokeToken(hash: string, at: string): Promise<void> {
    this.db.prepare('UPDATE tokens SET revoked_at = ? WHERE hash = ? AND revoked_at IS NULL').run(at, hash);
  }

  async revokeStation(stationId: string, at: string): Promise<number> {
    return this.db.transaction(() => {
      this.db
        .prepare(
          'UPDATE enrolment_codes SET revoked_at = ? WHERE station_id = ? AND used_at IS NULL AND revoked_at IS NULL',
        )
        .run(at, stationId);
      return this.db
        .prepare("UPDATE tokens SET revoked_at = ? WHERE kind = 'station' AND station_id = ? AND revoked_at IS NULL")
        .run(at, stationId).changes;
    })();
  }

  async upsertStaff(account: StaffAccount): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO staff (user, county_id, password_hash) VALUES (?, ?, ?)
         ON CONFLICT(user) DO UPDATE SET county_id = excluded.county_id, password_hash = excluded.password_hash`,
      )
      .run(account.user, account.countyId, account.passwordHash);
  }

  async getStaff(user: string): Promise<StaffAccount | null> {
    const row = this.db
      .prepare('SELECT user, county_id AS countyId, password_hash AS passwordHash FROM staff WHERE user = ?')
      .get(user) as StaffAccount | undefined;
    return row ?? null;
  }

  async recordHeartbeat(h: HeartbeatRecord): Promise<void> {
    this.db.transaction(() => {
      this.db
        .prepare(
          'INSERT INTO heartbeats (station_id, at, app_version, pending_changes, last_error, last_sync_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(h.stationId, h.at, h.appVersion, h.pendingChanges, h.lastError, h.lastSyncAt);
      this.db
        .prepare(
          `INSERT INTO station_sync (station_id, last_heartbeat_at, app_version, pending_changes, last_error, last_sync_at)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT(station_id) DO UPDATE SET last_heartbeat_at = excluded.last_heartbeat_at,
             app_version = excluded.app_version, pending_changes = excluded.pending_changes,
             last_error = excluded.last_error, last_sync_at = excluded.last_sync_at`,
        )
        .run(h.stationId, h.at, h.appVersion, h.pendingChanges, h.lastError, h.lastSyncAt);
    })();
  }

  async recordSyncActivity(stationId: string, kind: 'pull' | 'push', at: string): Promise<void> {
    const column = kind === 'pull' ? 'last_pull_at' : 'last_push_at';
    this.prepared(
      `INSERT INTO station_sync (station_id, ${column}) VALUES (?, ?)
         ON CONFLICT(station_id) DO UPDATE SET ${column} = excluded.${column}`,
    ).run(stationId, at);
  }

  async listStationSyncStates(countyId?: string): Promise<StationSyncState[]> {
    // Every station appears, also those that never synced (the report shows them as "never").
    const sql = `SELECT d.id AS stationId, d.county_id AS countyId, s.last_heartbeat_at AS lastHeartbeatAt,
        s.app_version AS appVersion, s.pending_changes AS pendingChanges, s.last_error AS lastError,
        s.last_sync_at AS lastSyncAt, s.last_pull_at AS lastPullAt, s.last_push_at AS lastPushAt
      FROM documents d LEFT JOIN station_sync s ON s.station_id = d.id
      WHERE d.collection = 'stations' AND d.deleted = 0${countyId === undefined ? '' : ' AND d.county_id = ?'}
      ORDER BY d.county_id, d.id`;
    const stmt = this.db.prepare(sql);
    return (countyId === undefined ? stmt.all() : stmt.all(countyId)) as StationSyncState[];
  }

  async audit(entry: AuditEntry): Promise<void> {
    this.db
      .prepare('INSERT INTO audit_log (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)')
      .run(entry.at, entry.actor, entry.action, entry.target, entry.detail);
  }

  async listAudit(limit: number): Promise<AuditEntry[]> {
    return this.db
      .prepare('SELECT at, actor, action, target, detail FROM audit_log ORDER BY id DESC LIMIT ?')
      .all(limit) as AuditEntry[];
  }

  async syncReportRows(countyId: string): Promise<SyncReportSourceRow[]> {
    return sqliteSyncReportRows(this.db, countyId);
  }

  async workReportFigures(
    query: WorkReportFiguresQuery,
    stationIds: readonly string[] | null,
  ): Promise<WorkReportFigures> {
    return sqliteWorkReportFigures(this.db, query, stationIds);
  }

  async opinionDetails(
    query: WorkReportFiguresQuery,
    stationIds: readonly string[] | null,
  ): Promise<OpinionDetailRow[]> {
    return sqliteOpinionDetails(this.db, query, stationIds);
  }

  async opinionDuplicateCandidates(
    countyId: string,
    category: OpinionCategory,
    excludeId: string,
  ): Promise<DuplicateCandidate[]> {
    return this.db
      .prepare(
        `SELECT d.id, d.station_id AS stationId, coalesce(json_extract(s.body, '$.name'), '') AS stationName,
           coalesce(json_extract(s.body, '$.townshipName'), '') AS townshipName,
           json_extract(d.body, '$.category') AS category, json_extract(d.body, '$.status') AS status,
           json_extract(d.body, '$.receivedAt') AS receivedAt, json_extract(d.body, '$.title') AS title,
           json_extract(d.body, '$.content') AS content
         FROM documents d LEFT JOIN documents s ON s.collection = 'stations' AND s.id = d.station_id
         WHERE d.collection = 'opinions' AND d.county_id = ? AND d.deleted = 0 AND d.id <> ?
           AND json_extract(d.body, '$.category') = ?
           AND json_extract(d.body, '$.status') NOT IN ('recorded', 'merged', 'rejected')`,
      )
      .all(countyId, excludeId, category) as DuplicateCandidate[];
  }

  async backup(outFile: string): Promise<void> {
    // VACUUM INTO reads one snapshot (a WAL read transaction), so writers carry on and the copy is consistent.
    mkdirSync(path.dirname(outFile), { recursive: true });
    const tmp = `${outFile}.partial`;
    rmSync(tmp, { force: true });
    this.db.prepare('VACUUM INTO ?').run(tmp);
    renameSync(tmp, outFile);
  }

  async health(): Promise<StoreHealth> {
    let readable = false;
    try {
      this.prepared("SELECT value FROM meta WHERE key = 'seq'").get();
      readable = true;
      // A real (tiny) commit: only a write through to the file shows a full disk or a read-only file system.
      this.prepared(
        "INSERT INTO meta (key, value) VALUES ('healthCheckedAt', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      ).run(new Date().toISOString());
      return { readable, writable: true };
    } catch (err) {
      return { readable, writable: false, detail: err instanceof Error ? err.message : String(err) };
    }
  }

  async close(): Promise<void> {
    this.listeners.clear();
    if (this.db.open) this.db.close();
  }
}

export class RestoreError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Checks that `file` is an intact backup of this server (integrity check, expected tables). */
export function verifyBackupFile(file: string): void {
  if (!existsSync(file)) throw new RestoreError('backup_not_found', `找不到备份文件 ${file}，请检查路径`);
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new RestoreError('backup_corrupt', '备份文件已损坏（完整性检查未通过），请换一个备份');
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
        (r) => r.name,
      ),
    );
    for (const t of ['documents', 'tokens', 'meta']) {
      if (!tables.has(t)) throw new RestoreError('backup_invalid', '该文件不是联络站同步服务器的备份，请换一个备份');
    }
  } catch (err) {
    if (err instanceof RestoreError) throw err;
    throw new RestoreError('backup_invalid', '该文件不是有效的 SQLite 备份，请换一个备份');
  } finally {
    db?.close();
  }
}

/**
 * Replaces the store in `dataDir` with the backup `fromFile` (the server must be stopped). The current file, if any,
 * is kept beside it as `liaison.sqlite.before-restore-<time>`. Returns that path, or null when there was none.
 */
export function restoreSqliteBackup(dataDir: string, fromFile: string): string | null {
  verifyBackupFile(fromFile);
  mkdirSync(dataDir, { recursive: true });
  const target = path.join(dataDir, databaseFileName);
  const staging = `${target}.restoring`;
  rmSync(staging, { force: true });
  // Copy through SQLite rather than the file system, so the result is a clean, checkpointed database.
  const source = new Database(fromFile, { readonly: true });
  try {
    source.prepare('VACUUM INTO ?').run(staging);
  } finally {
    source.close();
  }
  let kept: string | null = null;
  if (existsSync(target)) {
    // Fold the WAL into the old file first, so the kept copy is complete on its own.
    const old = new Database(target);
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.close();
    kept = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(target, kept);
  }
  rmSync(`${target}-wal`, { force: true });
  rmSync(`${target}-shm`, { force: true });
  renameSync(staging, target);
  return kept;
}
