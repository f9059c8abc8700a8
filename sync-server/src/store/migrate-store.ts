// `migrate-store`: moves a county's SQLite file into a PostgreSQL database (empty, or already holding other
// counties) in one transaction, and checks that every row arrived: counts per table and per collection.
import type Database from 'better-sqlite3';
import { syncedCollections } from '../../../src-shared/api/sync-protocol';
import { lockCollectionWriters, PostgresStore } from './postgres-store';
import type { SqlSession } from './sql/sql-database';
import { SqliteStore } from './sqlite-store';

/** One table (or one collection of `documents`): rows in the SQLite file and rows of it found in PostgreSQL. */
export interface MigratedCount {
  table: string;
  source: number;
  target: number;
}

export interface StoreMigration {
  counts: MigratedCount[];
  /** Added to every seq (0 into an empty database: stations keep their checkpoints). */
  seqOffset: number;
  ok: boolean;
}

export class MigrateStoreError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface TableCopy {
  table: string;
  /** Columns in both stores, in insert order. */
  columns: string[];
  /** The key a row is found by in the target; null for history tables (counted by rows added). */
  key: string | null;
  /** Places may already be in a database shared by several counties: kept, not duplicated. */
  upsert?: string;
}

const tables: TableCopy[] = [
  { table: 'counties', columns: ['id', 'name'], key: 'id', upsert: 'ON CONFLICT (id) DO NOTHING' },
  {
    table: 'townships',
    columns: ['id', 'county_id', 'name'],
    key: 'id',
    upsert: 'ON CONFLICT (id) DO NOTHING',
  },
  {
    table: 'enrolment_codes',
    columns: ['hash', 'station_id', 'county_id', 'created_at', 'expires_at', 'used_at', 'revoked_at'],
    key: 'hash',
  },
  {
    table: 'tokens',
    columns: [
      'hash',
      'kind',
      'subject',
      'county_id',
      'station_id',
      'device_name',
      'created_at',
      'revoked_at',
      'expires_at',
    ],
    key: 'hash',
  },
  { table: 'staff', columns: ['"user"', 'county_id', 'password_hash'], key: '"user"' },
  {
    table: 'station_sync',
    columns: [
      'station_id',
      'last_heartbeat_at',
      'app_version',
      'pending_changes',
      'last_error',
      'last_sync_at',
      'last_pull_at',
      'last_push_at',
    ],
    key: 'station_id',
  },
  {
    table: 'device_status',
    columns: [
      'device',
      'station_id',
      'at',
      'app_version',
      'pending_changes',
      'last_error',
      'last_sync_at',
      'history_at',
    ],
    key: 'device',
  },
  {
    table: 'heartbeats',
    columns: ['station_id', 'device', 'at', 'app_version', 'pending_changes', 'last_error', 'last_sync_at'],
    key: null,
  },
  { table: 'audit_log', columns: ['at', 'actor', 'action', 'target', 'detail'], key: null },
];

const documentColumns = ['collection', 'id', 'station_id', 'county_id', 'seq', 'deleted', 'body', 'updated_at'];
/** Rows per INSERT (PostgreSQL takes at most 65,535 parameters). */
const chunkRows = 500;

async function insertRows(
  tx: SqlSession,
  table: string,
  columns: string[],
  rows: unknown[][],
  suffix = '',
): Promise<void> {
  for (let start = 0; start < rows.length; start += chunkRows) {
    const chunk = rows.slice(start, start + chunkRows);
    const values = chunk.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ');
    await tx.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values} ${suffix}`, chunk.flat());
  }
}

/**
 * Older servers stored any number a station reported as its pending changes (even 1e23); PostgreSQL keeps a bigint,
 * so a count beyond 2^53 is kept as the largest safe integer.
 */
function pendingChanges(value: unknown): unknown {
  if (typeof value !== 'number' || Number.isSafeInteger(value)) return value;
  return Number.isFinite(value) && value < 0 ? 0 : Number.MAX_SAFE_INTEGER;
}

async function count(tx: SqlSession, sql: string, params: unknown[] = []): Promise<number> {
  return Number((await tx.get<{ n: number }>(sql, params))?.n ?? 0);
}

/** Copies the SQLite file into the PostgreSQL database; rolled back (nothing written) unless every count matches. */
export async function migrateSqliteToPostgres(fromFile: string, toUrl: string): Promise<StoreMigration> {
  // Opening brings the file to the current schema first, as the server does at start.
  const source = SqliteStore.openFile(fromFile);
  try {
    const target = await PostgresStore.open(toUrl, { poolSize: 1 });
    try {
      const migration = await copy(source.database.db, target);
      // A bulk load: the planner's statistics now, rather than at autovacuum's next round.
      if (migration.ok) await target.database.run('ANALYZE');
      return migration;
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}

async function copy(db: Database.Database, target: PostgresStore): Promise<StoreMigration> {
  const counts: MigratedCount[] = [];
  let seqOffset = 0;
  const result = await target.database
    .transaction('write', async (tx) => {
      // Running servers finish their writes first and wait for this one: then the file's seqs, in their order, go
      // after every seq drawn so far. Into a new database they stay as they are, so stations keep their checkpoints.
      for (const collection of syncedCollections) await lockCollectionWriters(tx, collection, null);
      const fresh = await tx.get<{ fresh: boolean }>(
        'SELECT NOT is_called AND NOT EXISTS (SELECT 1 FROM documents) AS fresh FROM document_seq',
      );
      seqOffset = fresh?.fresh ? 0 : await count(tx, "SELECT nextval('document_seq') AS n");
      const clashes = db.prepare('SELECT collection, id FROM documents').all() as { collection: string; id: string }[];
      const existing = await count(
        tx,
        'SELECT count(*) AS n FROM documents d JOIN jsonb_to_recordset(?::jsonb) AS s(collection text, id text) ON s.collection = d.collection AND s.id = d.id',
        [JSON.stringify(clashes)],
      );
      if (existing > 0) {
        throw new MigrateStoreError(
          'migrate_target_has_documents',
          `目标数据库已有 ${existing} 条相同编号的记录（该县的数据可能已迁移过），未写入任何数据`,
        );
      }

      for (const t of tables) {
        const sourceRows = (
          db
            .prepare(`SELECT ${t.columns.join(', ')} FROM ${t.table} ORDER BY rowid`)
            .raw()
            .all() as unknown[][]
        ).map((row) => row.map((value, i) => (t.columns[i] === 'pending_changes' ? pendingChanges(value) : value)));
        const before = await count(tx, `SELECT count(*) AS n FROM ${t.table}`);
        await insertRows(tx, t.table, t.columns, sourceRows, t.upsert);
        const found =
          t.key === null
            ? (await count(tx, `SELECT count(*) AS n FROM ${t.table}`)) - before
            : await count(tx, `SELECT count(*) AS n FROM ${t.table} WHERE ${t.key} = ANY(?::text[])`, [
                sourceRows.map((r) => String(r[t.columns.indexOf(t.key as string)])),
              ]);
        counts.push({ table: t.table, source: sourceRows.length, target: found });
      }

      for (const collection of syncedCollections) {
        const rows = (
          db
            .prepare(`SELECT ${documentColumns.join(', ')} FROM documents WHERE collection = ? ORDER BY seq`)
            .raw()
            .all(collection) as unknown[][]
        ).map((r) => {
          const [c, id, stationId, countyId, seq, deleted, body, updatedAt] = r;
          return [c, id, stationId, countyId, Number(seq) + seqOffset, deleted === 1, body, updatedAt];
        });
        await insertRows(tx, 'documents', documentColumns, rows);
        const found = await count(
          tx,
          'SELECT count(*) AS n FROM documents WHERE collection = ? AND id = ANY(?::text[])',
          [collection, rows.map((r) => String(r[1]))],
        );
        counts.push({ table: `documents/${collection}`, source: rows.length, target: found });
      }
      const maxSeq = await count(tx, 'SELECT coalesce(max(seq), 0) AS n FROM documents');
      if (maxSeq > 0) {
        await tx.get("SELECT setval('document_seq', greatest(?::bigint, (SELECT last_value FROM document_seq)))", [
          maxSeq,
        ]);
      }

      const ok = counts.every((c) => c.source === c.target);
      if (!ok) throw new MismatchedCounts(counts);
      return { counts, seqOffset, ok };
    })
    .catch((error: unknown) => {
      if (error instanceof MismatchedCounts) return { counts: error.counts, seqOffset, ok: false };
      throw error;
    });
  return result;
}

/** Thrown inside the transaction so that it rolls back; reported as counts, not as an error. */
class MismatchedCounts extends Error {
  constructor(readonly counts: MigratedCount[]) {
    super('counts differ');
  }
}
