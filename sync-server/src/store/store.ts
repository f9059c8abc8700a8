// The Store: everything the server keeps, as the union of small parts by concern (documents, places, access,
// device status and audit, reports) plus operations; SQLite and PostgreSQL implement each part once on SQL.
import type { AccessStore } from './access-store';
import type { DocumentStore } from './document-store';
import type { PlaceStore } from './place-store';
import type { ReportStore } from './report-store';
import type { StatusStore } from './status-store';
import type { StorageFaultCode } from './store-errors';

export type * from './access-store';
export type * from './document-store';
export type * from './place-store';
export type * from './report-store';
export type * from './status-store';

export type StoreKind = 'sqlite' | 'postgres';

/** The storage's state for the health routes: `degraded` reads but cannot write (e.g. a full disk). */
export interface StoreHealth {
  kind: StoreKind;
  state: 'ok' | 'degraded' | 'unavailable';
  readable: boolean;
  writable: boolean;
  /** The fault when not ok. */
  error: StorageFaultCode | null;
  /** The driver's message when not ok, for the log only (it may name paths or hosts; never sent to clients). */
  detail?: string;
  schemaVersion: number;
}

export interface StoreOperations {
  readonly kind: StoreKind;
  /** The database's schema version (after the migrations this server ran at open). */
  readonly schemaVersion: number;
  /** Tries a read and a small write (a probe row), so it tells a full disk from a healthy one. */
  health(): Promise<StoreHealth>;
  /** Keeps the query planner's statistics fresh (SQLite `PRAGMA optimize`; PostgreSQL leaves it to autovacuum). */
  optimize(): Promise<void>;
  /** A consistent copy of the whole store, taken while writes continue (SQLite; PostgreSQL refuses: use pg_dump). */
  backup(outFile: string): Promise<void>;
  close(): Promise<void>;
}

export interface Store extends DocumentStore, PlaceStore, AccessStore, StatusStore, ReportStore, StoreOperations {}

/** The parts a Store is made of, each implemented and tested on its own. */
export interface StoreParts {
  documents: DocumentStore;
  places: PlaceStore;
  access: AccessStore;
  status: StatusStore;
  reports: ReportStore;
}
