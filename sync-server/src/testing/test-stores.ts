// Both Store implementations for tests: a SQLite file in a temporary folder, or a new database in the run's
// PostgreSQL cluster; suites run once per kind.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PostgresStore } from '../store/postgres-store';
import type { SqlDatabase } from '../store/sql/sql-database';
import { SqliteStore } from '../store/sqlite-store';
import type { Store, StoreKind } from '../store/store';
import { testDatabase } from './test-postgres';

export const storeKinds: readonly StoreKind[] = ['sqlite', 'postgres'];

/** A store opened for one test, and how to remove it. */
export interface OpenedStore<S = Store> {
  store: S;
  /** Where the data lives: the SQLite folder or the PostgreSQL URL (to open a second instance on it). */
  location: string;
  /** The store's database, for tests that look under the Store (query plans, raw rows). */
  sql: SqlDatabase;
  dispose(): Promise<void>;
}

export async function openTestStore(kind: StoreKind): Promise<OpenedStore> {
  if (kind === 'sqlite') {
    const dir = await mkdtemp(path.join(tmpdir(), 'ls-store-'));
    const store = SqliteStore.open(dir);
    return {
      store,
      location: dir,
      sql: store.database,
      async dispose() {
        await store.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const database = await testDatabase();
  const store = await PostgresStore.open(database.url, { poolSize: 4 });
  return {
    store,
    location: database.url,
    sql: store.database,
    // The database is left to the cluster, which is removed when the run ends (dropping each costs more time).
    async dispose() {
      await store.close();
    },
  };
}
