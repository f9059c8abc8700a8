// The documents part of the Store: replication (pull by seq, push in one transaction), reference-data upserts, commits.
import type { SyncedCollection } from '../../../src-shared/api/sync-protocol';

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
  /**
   * Server-assigned and strictly increasing in commit order within a collection and county (numbers may be
   * skipped): a document committed after a pull's checkpoint always has a higher seq than the checkpoint, for every
   * pull scoped to a county or one of its stations (every route's pull is).
   */
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

export type CommitListener = (collection: SyncedCollection, documents: readonly StoredDocument[]) => void;

export interface DocumentStore {
  /** Documents in scope with seq > afterSeq, ordered by seq, at most `limit`. */
  pull(collection: SyncedCollection, scope: Scope, afterSeq: number, limit: number): Promise<StoredDocument[]>;
  /** How many documents in scope have seq > afterSeq (the pull's `remaining`); an index range count. */
  countAfter(collection: SyncedCollection, scope: Scope, afterSeq: number): Promise<number>;
  getDocument(collection: SyncedCollection, id: string): Promise<StoredDocument | null>;
  listDocuments(collection: SyncedCollection, scope: Scope): Promise<StoredDocument[]>;
  /**
   * One transaction: reads the masters of `ids`, lets `decide` choose, writes its writes with new seqs. `countyId`:
   * the county every write belongs to (the caller's): pushes of different counties then commit side by side on
   * PostgreSQL; a write of another county is refused. Without it the push is ordered with every writer.
   */
  push<R>(collection: SyncedCollection, ids: readonly string[], decide: PushDecider<R>, countyId?: string): Promise<R>;
  /**
   * Writes reference data (demo, import) in one transaction, together with any new townships they name;
   * an unchanged document keeps its seq. Returns the documents actually written.
   */
  upsertDocuments(
    collection: SyncedCollection,
    writes: readonly DocumentWrite[],
    townships?: readonly Township[],
  ): Promise<StoredDocument[]>;
  /**
   * Called after each commit that wrote documents, in commit order: this instance's commits at once, other
   * instances' commits on the same database as they are announced (PostgreSQL). Returns the unsubscribe function.
   */
  onCommit(listener: CommitListener): () => void;
}

/** A township (乡镇/街道) of a county; reference data the import and the reports use. */
export interface Township {
  id: string;
  countyId: string;
  name: string;
}
