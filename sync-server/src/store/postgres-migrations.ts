// The PostgreSQL schema as an ordered list of steps keyed on the `schema_migrations` table; each step runs once, in
// its own transaction, under an advisory lock so that instances starting together migrate once. Steps are history:
// never edit one that has shipped, add the next.
import type pg from 'pg';
import { StoreVersionError } from './store-errors';

export interface PostgresMigration {
  version: number;
  description: string;
  sql: string;
}

/**
 * Version 1: the same tables as the SQLite file at its version 3. Ids and dates compare and sort by bytes
 * (COLLATE "C"), as in SQLite; bodies are jsonb; the report date is a stored generated column.
 */
const version1 = `
CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL);

-- One sequence for every collection; writers of a collection are ordered by an advisory lock (see postgres-store.ts).
CREATE SEQUENCE document_seq AS bigint;

-- An opinion's Asia/Shanghai (UTC+8) date of receivedAt, a mediation case's registeredOn, a reception day's and an
-- activity's date; NULL when the text is not a date (as SQLite's date() answers). Immutable for the generated column:
-- a text without offset is read as UTC whatever the session's time zone.
CREATE FUNCTION ls_report_date(collection text, body jsonb) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE SET timezone = 'UTC' AS $$
BEGIN
  RETURN CASE collection
    WHEN 'opinions' THEN
      to_char(((body ->> 'receivedAt')::timestamptz AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD')
    WHEN 'mediationCases' THEN body ->> 'registeredOn'
    WHEN 'receptionDays' THEN body ->> 'date'
    WHEN 'activities' THEN body ->> 'date'
  END;
EXCEPTION WHEN others THEN
  RETURN NULL;
END $$;

-- Days between two date texts, NULL when either is not a date (as SQLite's julianday() difference answers).
CREATE FUNCTION ls_days_between(from_date text, to_date text) RETURNS integer
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  RETURN to_date::date - from_date::date;
EXCEPTION WHEN others THEN
  RETURN NULL;
END $$;

CREATE TABLE documents (
  collection text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  station_id text COLLATE "C",
  county_id text COLLATE "C" NOT NULL,
  seq bigint NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  body jsonb NOT NULL,
  updated_at text NOT NULL,
  report_date text COLLATE "C" GENERATED ALWAYS AS (ls_report_date(collection, body)) STORED,
  PRIMARY KEY (collection, id)
);
CREATE UNIQUE INDEX documents_seq ON documents (collection, seq);
CREATE INDEX documents_county_seq ON documents (collection, county_id, seq);
CREATE INDEX documents_station_seq ON documents (collection, station_id, seq);
CREATE INDEX documents_report_date ON documents (collection, county_id, report_date);
CREATE INDEX documents_station_report_date ON documents (collection, station_id, report_date);

CREATE TABLE counties (id text COLLATE "C" PRIMARY KEY, name text NOT NULL);
CREATE TABLE townships (
  id text COLLATE "C" PRIMARY KEY,
  county_id text COLLATE "C" NOT NULL REFERENCES counties (id),
  name text NOT NULL,
  UNIQUE (county_id, name)
);

CREATE TABLE enrolment_codes (
  hash text PRIMARY KEY,
  station_id text COLLATE "C" NOT NULL,
  county_id text COLLATE "C" NOT NULL,
  created_at text NOT NULL,
  expires_at text NOT NULL,
  used_at text,
  revoked_at text
);
CREATE INDEX enrolment_codes_station ON enrolment_codes (station_id);
CREATE TABLE tokens (
  hash text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('station', 'staff')),
  subject text NOT NULL,
  county_id text COLLATE "C" NOT NULL,
  station_id text COLLATE "C",
  device_name text,
  created_at text NOT NULL,
  revoked_at text,
  expires_at text
);
CREATE INDEX tokens_station ON tokens (station_id);
CREATE TABLE staff ("user" text PRIMARY KEY, county_id text COLLATE "C" NOT NULL, password_hash text NOT NULL);
CREATE TABLE rate_limits (key text PRIMARY KEY, hits integer NOT NULL, reset_at bigint NOT NULL);

CREATE TABLE heartbeats (
  station_id text COLLATE "C" NOT NULL,
  device text,
  at text NOT NULL,
  app_version text NOT NULL,
  pending_changes bigint NOT NULL,
  last_error text,
  last_sync_at text
);
CREATE INDEX heartbeats_station ON heartbeats (station_id, at);
CREATE INDEX heartbeats_at ON heartbeats (at);
CREATE TABLE device_status (
  device text PRIMARY KEY,
  station_id text COLLATE "C" NOT NULL,
  at text NOT NULL,
  app_version text NOT NULL,
  pending_changes bigint NOT NULL,
  last_error text,
  last_sync_at text,
  history_at text
);
CREATE INDEX device_status_station ON device_status (station_id);
CREATE TABLE station_sync (
  station_id text COLLATE "C" PRIMARY KEY,
  last_heartbeat_at text,
  app_version text,
  pending_changes bigint,
  last_error text,
  last_sync_at text,
  last_pull_at text,
  last_push_at text
);
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at text NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  target text,
  detail text
);
`;

export const postgresMigrations: readonly PostgresMigration[] = [
  { version: 1, description: 'documents, places, access, device status, audit, reports', sql: version1 },
];

export const postgresSchemaVersion = (postgresMigrations.at(-1) as PostgresMigration).version;

/** Advisory lock key (two int4, apart from the writer locks) held while one instance migrates. */
const migrationLock = [0x4c54, 0] as const;

const versionTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version integer PRIMARY KEY,
  description text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

/** The database's schema version (0: nothing of ours yet). */
export async function readPostgresSchemaVersion(client: pg.ClientBase): Promise<number> {
  const table = await client.query<{ exists: boolean }>(
    "SELECT to_regclass('schema_migrations') IS NOT NULL AS exists",
  );
  if (!table.rows[0]?.exists) return 0;
  const row = await client.query<{ version: number }>(
    'SELECT coalesce(max(version), 0)::int AS version FROM schema_migrations',
  );
  return row.rows[0]?.version ?? 0;
}

/** Brings the database up to date step by step; refuses a database from a newer server. Returns the versions. */
export async function migratePostgres(
  pool: pg.Pool,
  where: string,
  migrations: readonly PostgresMigration[] = postgresMigrations,
): Promise<{ from: number; to: number }> {
  const latest = (migrations.at(-1) as PostgresMigration).version;
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1, $2)', [...migrationLock]);
    try {
      const from = await readPostgresSchemaVersion(client);
      if (from > latest) throw new StoreVersionError(from, latest, where);
      await client.query(versionTable);
      for (const step of migrations) {
        if (step.version <= from) continue;
        await client.query('BEGIN');
        try {
          await client.query(step.sql);
          await client.query('INSERT INTO schema_migrations (version, description) VALUES ($1, $2)', [
            step.version,
            step.description,
          ]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
      return { from, to: latest };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, $2)', [...migrationLock]);
    }
  } finally {
    client.release();
  }
}
