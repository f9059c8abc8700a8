// The SQLite file's schema as an ordered list of steps keyed on `PRAGMA user_version`; each step runs once, in its
// own transaction. Steps are history: never edit one that has shipped, add the next.
import type Database from 'better-sqlite3';
import { StoreVersionError } from './store-errors';

export interface SqliteMigration {
  version: number;
  description: string;
  up(db: Database.Database): void;
}

/** Version 1: the tables of the first server (documents with a global seq, places, access, status, audit). */
const version1 = `
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
INSERT INTO meta (key, value) VALUES ('seq', '0') ON CONFLICT (key) DO NOTHING;
`;

/**
 * Version 2's report date: an opinion's Asia/Shanghai (UTC+8) date of `receivedAt`, a mediation case's
 * `registeredOn`, a reception day's and an activity's `date`.
 */
const reportDateExpression = `CASE collection
  WHEN 'opinions' THEN date(json_extract(body, '$.receivedAt'), '+8 hours')
  WHEN 'mediationCases' THEN json_extract(body, '$.registeredOn')
  WHEN 'receptionDays' THEN json_extract(body, '$.date')
  WHEN 'activities' THEN json_extract(body, '$.date')
END`;

export const sqliteMigrations: readonly SqliteMigration[] = [
  { version: 1, description: 'documents, places, access, sync status, audit', up: (db) => db.exec(version1) },
  {
    version: 2,
    description: 'report date: a virtual generated column (no space in the rows) and its indexes',
    up: (db) => {
      db.exec(
        `ALTER TABLE documents ADD COLUMN report_date TEXT GENERATED ALWAYS AS (${reportDateExpression}) VIRTUAL`,
      );
      db.exec('CREATE INDEX documents_report_date ON documents (collection, county_id, report_date)');
      db.exec('CREATE INDEX documents_station_report_date ON documents (collection, station_id, report_date)');
    },
  },
  {
    version: 3,
    description: 'heartbeats: latest per device, bounded history; shared rate-limit counters',
    up: (db) =>
      db.exec(`
        ALTER TABLE heartbeats ADD COLUMN device TEXT;
        UPDATE heartbeats SET device = station_id;
        CREATE INDEX heartbeats_at ON heartbeats (at);
        CREATE TABLE device_status (
          device TEXT PRIMARY KEY,
          station_id TEXT NOT NULL,
          at TEXT NOT NULL,
          app_version TEXT NOT NULL,
          pending_changes INTEGER NOT NULL,
          last_error TEXT,
          last_sync_at TEXT,
          history_at TEXT
        );
        CREATE INDEX device_status_station ON device_status (station_id);
        INSERT INTO device_status
          SELECT station_id, station_id, last_heartbeat_at, app_version, coalesce(pending_changes, 0), last_error,
            last_sync_at, NULL
          FROM station_sync WHERE last_heartbeat_at IS NOT NULL AND app_version IS NOT NULL;
        CREATE TABLE rate_limits (key TEXT PRIMARY KEY, hits INTEGER NOT NULL, reset_at INTEGER NOT NULL);
      `),
  },
];

export const sqliteSchemaVersion = (sqliteMigrations.at(-1) as SqliteMigration).version;

function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/**
 * The file's schema version. Files written before versions were kept in `user_version` (0) are recognised by their
 * tables: no tables is a new file (0), `documents` without `report_date` is version 1, with it version 2.
 */
export function readSqliteSchemaVersion(db: Database.Database): number {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > 0) return version;
  if (!hasTable(db, 'documents')) return 0;
  const columns = db.prepare('PRAGMA table_xinfo(documents)').all() as { name: string }[];
  return columns.some((c) => c.name === 'report_date') ? 2 : 1;
}

/** Brings the file up to date step by step; refuses a file from a newer server. Returns the versions. */
export function migrateSqlite(
  db: Database.Database,
  where: string,
  migrations: readonly SqliteMigration[] = sqliteMigrations,
): { from: number; to: number } {
  const from = readSqliteSchemaVersion(db);
  const latest = (migrations.at(-1) as SqliteMigration).version;
  if (from > latest) throw new StoreVersionError(from, latest, where);
  for (const step of migrations) {
    if (step.version <= from) continue;
    db.transaction(() => {
      step.up(db);
      db.pragma(`user_version = ${step.version}`);
    }).immediate();
  }
  return { from, to: latest };
}
