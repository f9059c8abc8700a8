// The documents part on SQL, for both databases: pull by seq, push and reference upserts in one transaction each.
// What differs (how seqs are drawn, how writers of a collection are ordered, how commits are announced) is the
// backend's DocumentSequencer.
import type { SyncedCollection } from '../../../../src-shared/api/sync-protocol';
import { canonicalJson } from '../../../../src-shared/common/canonical-json';
import type {
  CommitListener,
  DocumentStore,
  DocumentWrite,
  PushDecider,
  Scope,
  StoredDocument,
  Township,
} from '../document-store';
import type { SqlDatabase, SqlSession } from './sql-database';
import { writeTownships } from './sql-places';

export interface DocumentSequencer {
  /**
   * Orders the writers of a collection from before their master read until their commit: those of one county
   * (`countyId`), or, for null, every writer of the collection.
   */
  lockCollection(tx: SqlSession, collection: SyncedCollection, countyId: string | null): Promise<void>;
  /** `count` new seqs, ascending, each higher than every seq of the collection committed so far. */
  nextSeqs(tx: SqlSession, count: number): Promise<number[]>;
  /** Tells other server instances about the commit (inside the transaction: sent only if it commits). */
  announce(tx: SqlSession, collection: SyncedCollection, written: readonly StoredDocument[]): Promise<void>;
}

export interface DocumentRow {
  collection: string;
  id: string;
  station_id: string | null;
  county_id: string;
  seq: number;
  deleted: number | boolean;
  body: string;
  updated_at: string;
}

/** The stored columns (not the generated `report_date`, which would be computed for nothing). */
export const documentColumns = 'collection, id, station_id, county_id, seq, deleted, body, updated_at';

export function toDocument(row: DocumentRow): StoredDocument {
  return {
    collection: row.collection as SyncedCollection,
    id: row.id,
    stationId: row.station_id,
    countyId: row.county_id,
    seq: row.seq,
    deleted: Boolean(row.deleted),
    body: JSON.parse(row.body) as Record<string, unknown>,
    storedAt: row.updated_at,
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

/** Rows per INSERT statement (8 parameters each, far below either database's limit). */
const insertChunk = 200;

function insertSql(rows: number): string {
  const values = Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
  return `INSERT INTO documents (${documentColumns}) VALUES ${values}
    ON CONFLICT (collection, id) DO UPDATE SET station_id = excluded.station_id, county_id = excluded.county_id,
      seq = excluded.seq, deleted = excluded.deleted, body = excluded.body, updated_at = excluded.updated_at`;
}

/** The last write of each id, in batch order: a batch naming an id twice stores its last state. */
function lastWritePerId(writes: readonly DocumentWrite[]): DocumentWrite[] {
  const last = new Map<string, DocumentWrite>();
  for (const w of writes) {
    last.delete(w.id);
    last.set(w.id, w);
  }
  return [...last.values()];
}

function sameContent(current: StoredDocument, write: DocumentWrite): boolean {
  return (
    current.deleted === write.deleted &&
    current.stationId === write.stationId &&
    current.countyId === write.countyId &&
    canonicalJson(current.body) === canonicalJson(write.body)
  );
}

export class SqlDocuments implements DocumentStore {
  private readonly listeners = new Set<CommitListener>();

  constructor(
    private readonly db: SqlDatabase,
    private readonly sequencer: DocumentSequencer,
  ) {}

  /** Tells the listeners about a commit (this instance's, or another's announced one). */
  emit(collection: SyncedCollection, documents: readonly StoredDocument[]): void {
    if (documents.length === 0) return;
    for (const listener of this.listeners) {
      try {
        listener(collection, documents);
      } catch {
        // A failing listener (a closed stream) must not undo a committed write.
      }
    }
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  async pull(collection: SyncedCollection, scope: Scope, afterSeq: number, limit: number): Promise<StoredDocument[]> {
    const clause = scopeClause(scope);
    const rows = await this.db.all<DocumentRow>(
      `SELECT ${documentColumns} FROM documents WHERE collection = ? AND seq > ?${clause.sql} ORDER BY seq LIMIT ?`,
      [collection, afterSeq, ...clause.params, limit],
    );
    return rows.map(toDocument);
  }

  async countAfter(collection: SyncedCollection, scope: Scope, afterSeq: number): Promise<number> {
    // Answered from the (collection, station_id|county_id, seq) indexes without reading a body.
    const clause = scopeClause(scope);
    const row = await this.db.get<{ n: number }>(
      `SELECT count(*) AS n FROM documents WHERE collection = ?${clause.sql} AND seq > ?`,
      [collection, ...clause.params, afterSeq],
    );
    return row?.n ?? 0;
  }

  async getDocument(collection: SyncedCollection, id: string): Promise<StoredDocument | null> {
    const row = await this.db.get<DocumentRow>(
      `SELECT ${documentColumns} FROM documents WHERE collection = ? AND id = ?`,
      [collection, id],
    );
    return row ? toDocument(row) : null;
  }

  async listDocuments(collection: SyncedCollection, scope: Scope): Promise<StoredDocument[]> {
    const clause = scopeClause(scope);
    const rows = await this.db.all<DocumentRow>(
      `SELECT ${documentColumns} FROM documents WHERE collection = ?${clause.sql} ORDER BY seq`,
      [collection, ...clause.params],
    );
    return rows.map(toDocument);
  }

  private async readMasters(
    tx: SqlSession,
    collection: SyncedCollection,
    ids: readonly string[],
  ): Promise<Map<string, StoredDocument>> {
    const rows = await tx.all<DocumentRow>(
      `SELECT ${documentColumns} FROM documents WHERE collection = ? AND ${tx.dialect.inJsonArray('id', '?')}`,
      [collection, JSON.stringify([...new Set(ids)])],
    );
    return new Map(rows.map((row) => [row.id, toDocument(row)]));
  }

  private async write(
    tx: SqlSession,
    collection: SyncedCollection,
    writes: readonly DocumentWrite[],
  ): Promise<StoredDocument[]> {
    const unique = lastWritePerId(writes);
    if (unique.length === 0) return [];
    const seqs = await this.sequencer.nextSeqs(tx, unique.length);
    const at = new Date().toISOString();
    const written = unique.map((w, i): StoredDocument => ({ collection, ...w, seq: seqs[i] as number, storedAt: at }));
    for (let start = 0; start < written.length; start += insertChunk) {
      const chunk = written.slice(start, start + insertChunk);
      await tx.run(
        insertSql(chunk.length),
        chunk.flatMap((d) => [
          collection,
          d.id,
          d.stationId,
          d.countyId,
          d.seq,
          d.deleted,
          JSON.stringify(d.body),
          d.storedAt,
        ]),
      );
    }
    await this.sequencer.announce(tx, collection, written);
    return written;
  }

  async push<R>(
    collection: SyncedCollection,
    ids: readonly string[],
    decide: PushDecider<R>,
    countyId?: string,
  ): Promise<R> {
    const { result, written } = await this.db.transaction('write', async (tx) => {
      await this.sequencer.lockCollection(tx, collection, countyId ?? null);
      const masters = await this.readMasters(tx, collection, ids);
      const decision = decide(masters);
      const elsewhere = decision.writes.find((w) => countyId !== undefined && w.countyId !== countyId);
      if (elsewhere) {
        // The decider checks scope before this; a write outside the batch's county would be out of order.
        throw new Error(
          `push of county ${countyId} writes ${collection}/${elsewhere.id} of county ${elsewhere.countyId}`,
        );
      }
      return { result: decision.result, written: await this.write(tx, collection, decision.writes) };
    });
    this.emit(collection, written);
    return result;
  }

  async upsertDocuments(
    collection: SyncedCollection,
    writes: readonly DocumentWrite[],
    townships: readonly Township[] = [],
  ): Promise<StoredDocument[]> {
    const written = await this.db.transaction('write', async (tx) => {
      await this.sequencer.lockCollection(tx, collection, null);
      await writeTownships(tx, townships);
      const current = await this.readMasters(
        tx,
        collection,
        writes.map((w) => w.id),
      );
      const changed = lastWritePerId(writes).filter((w) => {
        const stored = current.get(w.id);
        return stored === undefined || !sameContent(stored, w);
      });
      return this.write(tx, collection, changed);
    });
    this.emit(collection, written);
    return written;
  }

  onCommit(listener: CommitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
