// The embedded Store: one SQLite file (liaison.sqlite) in the data folder, WAL mode, via better-sqlite3; its parts
// are the shared SQL implementations (sql/), its schema the steps of sqlite-migrations.ts.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ComposedStore } from './composed-store';
import type { SqlDatabase } from './sql/sql-database';
import type { DocumentSequencer } from './sql/sql-documents';
import { sqlStoreParts } from './sql/sql-store-parts';
import { SqliteDatabase } from './sql/sqlite-database';
import { migrateSqlite } from './sqlite-migrations';
import type { StoreKind } from './store';

export const databaseFileName = 'liaison.sqlite';

/**
 * One writer at a time (BEGIN IMMEDIATE holds the file's write lock from the master read to the commit), so seqs
 * from one counter in `meta` are in commit order; nothing to announce, one process serves the file.
 */
const sqliteSequencer: DocumentSequencer = {
  async lockCollection() {},
  async nextSeqs(tx, count) {
    const row = await tx.get<{ value: number | string }>(
      "UPDATE meta SET value = CAST(value AS INTEGER) + ? WHERE key = 'seq' RETURNING value",
      [count],
    );
    if (!row) throw new Error('seq counter missing');
    const last = Number(row.value);
    return Array.from({ length: count }, (_, i) => last - count + 1 + i);
  },
  async announce() {},
};

/** How often a long-running server refreshes the planner's statistics (as SQLite recommends: every few hours). */
const optimizeIntervalMs = 6 * 60 * 60 * 1000;

export interface SqliteStoreOptions {
  /** Wraps the database the parts use: the storage-fault tests put a disk that fails there. */
  wrapDatabase?: (db: SqlDatabase) => SqlDatabase;
}

export class SqliteStore extends ComposedStore {
  readonly kind: StoreKind = 'sqlite';
  readonly schemaVersion: number;
  private readonly sql: SqliteDatabase;
  private readonly optimizeTimer: NodeJS.Timeout;

  private constructor(
    readonly file: string,
    db: Database.Database,
    sql: SqliteDatabase,
    schemaVersion: number,
    wrapDatabase: (db: SqlDatabase) => SqlDatabase,
  ) {
    const parts = wrapDatabase(sql);
    super(sqlStoreParts(parts, sqliteSequencer), parts);
    this.sql = sql;
    this.schemaVersion = schemaVersion;
    // Statistics for the planner: on open for tables that need them (never analysed or much changed), then periodically.
    db.pragma('optimize=0x10002');
    this.optimizeTimer = setInterval(() => void this.optimize().catch(() => {}), optimizeIntervalMs);
    this.optimizeTimer.unref();
  }

  /** Opens (creating when missing, migrating when older) the store in `dataDir`; refuses a file from a newer server. */
  static open(dataDir: string, options: SqliteStoreOptions = {}): SqliteStore {
    mkdirSync(dataDir, { recursive: true });
    return SqliteStore.openFile(path.join(dataDir, databaseFileName), options);
  }

  /** Opens the store in a given file (e.g. `migrate-store --from FILE`). */
  static openFile(file: string, options: SqliteStoreOptions = {}): SqliteStore {
    const db = new Database(file);
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      // Another process (the CLI's backup, an import) may hold the write lock for a moment.
      db.pragma('busy_timeout = 5000');
      const { to } = migrateSqlite(db, file);
      return new SqliteStore(file, db, new SqliteDatabase(db), to, options.wrapDatabase ?? ((sql) => sql));
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** The connection, for tools that read tables directly (migrate-store). */
  get database(): SqliteDatabase {
    return this.sql;
  }

  async optimize(): Promise<void> {
    if (this.sql.db.open) await this.sql.run('PRAGMA optimize');
  }

  async backup(outFile: string): Promise<void> {
    // VACUUM INTO reads one snapshot (a WAL read transaction), so writers carry on and the copy is consistent.
    mkdirSync(path.dirname(outFile), { recursive: true });
    const tmp = `${outFile}.partial`;
    rmSync(tmp, { force: true });
    await this.sql.run('VACUUM INTO ?', [tmp]);
    renameSync(tmp, outFile);
  }

  async close(): Promise<void> {
    clearInterval(this.optimizeTimer);
    if (!this.sql.db.open) return;
    try {
      this.sql.db.pragma('optimize');
    } catch {
      // Statistics are an optimisation: a read-only or full disk must not keep the store from closing.
    }
    this.sql.db.close();
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
