// The PostgreSQL Store, for a city or the province: several server instances on one database. Its parts are the
// shared SQL implementations (sql/); what PostgreSQL adds is ordering concurrent writers and announcing commits.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { type SyncedCollection, syncedCollections } from '../../../src-shared/api/sync-protocol';
import { ComposedStore } from './composed-store';
import type { CommitListener, StoredDocument } from './document-store';
import { migratePostgres } from './postgres-migrations';
import { PostgresDatabase, pgTypes } from './sql/postgres-database';
import type { SqlSession } from './sql/sql-database';
import {
  type DocumentRow,
  type DocumentSequencer,
  documentColumns,
  type SqlDocuments,
  toDocument,
} from './sql/sql-documents';
import { sqlStoreParts } from './sql/sql-store-parts';
import type { StoreKind } from './store';
import { StoreUnsupportedError } from './store-errors';

/** The channel on which every instance announces its document commits. */
const commitChannel = 'ls_document_commits';
/** Advisory lock space ("LS") for the per-collection writer locks; the second key is the collection's index. */
const writerLockSpace = 0x4c53;
/** How far back a re-established listener looks for commits it may have missed. */
const catchUpMs = 5 * 60_000;

/** What a commit announcement carries: who committed, the collection and its seq range (the documents are read back). */
interface CommitNotice {
  origin: string;
  collection: SyncedCollection;
  from: number;
  to: number;
}

/**
 * Waits for the writers of the collection in the county (null: every writer of the collection) on every instance,
 * and keeps new ones waiting until this transaction ends. A county's writers take the collection's lock shared and
 * their county's exclusively; a collection-wide writer (reference data, migrate-store) takes the collection's
 * exclusively. (Lock keys are hashes: a collision only makes two counties wait for each other.)
 */
export async function lockCollectionWriters(
  tx: SqlSession,
  collection: SyncedCollection,
  countyId: string | null,
): Promise<void> {
  const collectionKey = syncedCollections.indexOf(collection);
  if (countyId === null) {
    await tx.run('SELECT pg_advisory_xact_lock(?::int, ?::int)', [writerLockSpace, collectionKey]);
    return;
  }
  // One statement, taken left to right: the collection's lock shared, then the county's.
  await tx.run('SELECT pg_advisory_xact_lock_shared(?::int, ?::int), pg_advisory_xact_lock(?::int, hashtext(?))', [
    writerLockSpace,
    collectionKey,
    collectionKey,
    countyId,
  ]);
}

/**
 * Seqs come from one sequence; a transaction-level advisory lock per collection and county is taken before the
 * master read and held until the commit. So within a collection and county, seqs are drawn in commit order: a
 * reader that has seen seq N of a county has seen every commit of that county with a lower seq, and no instance
 * hands out a checkpoint that skips a document committed later (numbers of rolled-back writes are simply never
 * used). Every pull is scoped to a county or one of its stations, so its checkpoint only moves within one county;
 * counties commit side by side.
 */
function postgresSequencer(origin: string): DocumentSequencer {
  return {
    lockCollection: lockCollectionWriters,
    async nextSeqs(tx, count) {
      const rows = await tx.all<{ seq: number }>(
        "SELECT nextval('document_seq') AS seq FROM generate_series(1, ?::int)",
        [count],
      );
      return rows.map((r) => Number(r.seq)).sort((a, b) => a - b);
    },
    async announce(tx, collection, written) {
      const seqs = written.map((d) => d.seq);
      const notice: CommitNotice = { origin, collection, from: Math.min(...seqs), to: Math.max(...seqs) };
      // Delivered at commit, in commit order, to every listening instance (and never for a rolled-back write).
      await tx.run('SELECT pg_notify(?, ?)', [commitChannel, JSON.stringify(notice)]);
    },
  };
}

export interface PostgresStoreOptions {
  /** Connections in the pool (default 10). */
  poolSize?: number;
  /** Shown in pg_stat_activity. */
  applicationName?: string;
}

/** Hides the password of a connection URL (for messages and logs). */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

export class PostgresStore extends ComposedStore {
  readonly kind: StoreKind = 'postgres';
  /** This instance, so that it skips its own announcements (its listeners heard of its commits already). */
  private readonly origin: string;
  private readonly documents: SqlDocuments;
  private listener: pg.Client | null = null;
  private listening: Promise<void> | null = null;
  /** Announced commits are read back and emitted one after another, in the order they were announced. */
  private announced: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly sql: PostgresDatabase,
    readonly schemaVersion: number,
    private readonly url: string,
  ) {
    const origin = randomUUID();
    const parts = sqlStoreParts(sql, postgresSequencer(origin));
    super(parts, sql);
    this.origin = origin;
    this.documents = parts.documents;
  }

  /** Connects, migrates (refusing a database from a newer server) and returns the store. */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      application_name: options.applicationName ?? 'liaison-sync-server',
      types: pgTypes,
    });
    // An idle connection dropped by the server: the pool discards it; the next query reports any lasting fault.
    pool.on('error', () => {});
    try {
      const { to } = await migratePostgres(pool, redactDatabaseUrl(url));
      return new PostgresStore(pool, new PostgresDatabase(pool), to, url);
    } catch (error) {
      await pool.end();
      throw error;
    }
  }

  /** The database, for tools that read tables directly (migrate-store, tests). */
  get database(): PostgresDatabase {
    return this.sql;
  }

  override onCommit(listener: CommitListener): () => void {
    const off = super.onCommit(listener);
    this.listening ??= this.listen().catch(() => {
      this.listening = null;
    });
    return off;
  }

  /** Resolves once this instance hears other instances' commits (after the first onCommit). */
  async whenListening(): Promise<void> {
    await this.listening;
  }

  /** A dedicated connection LISTENs to the commit channel; when it drops it reconnects and catches up. */
  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, types: pgTypes, application_name: 'liaison-listener' });
    client.on('error', () => {});
    client.on('notification', (message) => {
      if (message.channel !== commitChannel || !message.payload) return;
      const notice = JSON.parse(message.payload) as CommitNotice;
      if (notice.origin === this.origin) return;
      this.announced = this.announced.then(() => this.readAnnounced(notice)).catch(() => {});
    });
    client.on('end', () => {
      if (this.listener === client) this.listener = null;
      if (!this.closed) setTimeout(() => this.relisten(), 1000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${commitChannel}`);
    if (this.closed) {
      await client.end();
      return;
    }
    this.listener = client;
  }

  /** After a lost LISTEN connection: listen again, and ask open streams to pull what they missed. */
  private relisten(): void {
    if (this.closed || this.listener) return;
    this.listening = this.listen()
      .then(() => this.catchUp())
      .catch(() => {
        this.listening = null;
        if (!this.closed) setTimeout(() => this.relisten(), 5000).unref();
      });
  }

  /** Commits announced while the listener was away: each collection's documents of the last minutes, as one event. */
  private async catchUp(): Promise<void> {
    for (const collection of syncedCollections) {
      const rows = await this.sql.all<DocumentRow>(
        `SELECT ${documentColumns} FROM documents WHERE collection = ? AND updated_at >= ? ORDER BY seq LIMIT 1000`,
        [collection, new Date(Date.now() - catchUpMs).toISOString()],
      );
      this.documents.emit(collection, rows.map(toDocument));
    }
  }

  private async readAnnounced(notice: CommitNotice): Promise<void> {
    if (this.documents.listenerCount === 0) return;
    // The commit's documents of that collection (any overwritten since moved beyond `to`, and are announced again).
    const rows = await this.sql.all<DocumentRow>(
      `SELECT ${documentColumns} FROM documents WHERE collection = ? AND seq BETWEEN ? AND ? ORDER BY seq`,
      [notice.collection, notice.from, notice.to],
    );
    const documents: StoredDocument[] = rows.map(toDocument);
    this.documents.emit(notice.collection, documents);
  }

  /** PostgreSQL's autovacuum analyses changed tables by itself (see sync-server/README.md). */
  async optimize(): Promise<void> {}

  async backup(): Promise<void> {
    throw new StoreUnsupportedError(
      'backup_unsupported',
      'PostgreSQL 数据库请用 pg_dump 备份（见 sync-server/README.md “选择数据库”一节），backup 命令只用于内置 SQLite 文件',
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => {});
    await this.announced;
    await this.pool.end();
  }
}
