// Choosing the store: a PostgreSQL URL (LS_DATABASE_URL or --database) selects PostgreSQL, else the embedded
// SQLite file in the data folder (the default: nothing to install).
import path from 'node:path';
import { PostgresStore, redactDatabaseUrl } from './postgres-store';
import { databaseFileName, SqliteStore } from './sqlite-store';
import type { Store } from './store';

export interface StoreLocation {
  /** The data folder holding liaison.sqlite (used when there is no database URL). */
  dataDir: string;
  /** `postgres://…` or `postgresql://…`; null for the embedded SQLite file. */
  databaseUrl: string | null;
}

/** Whether a URL names a PostgreSQL database (the only kind of URL the server accepts). */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** Opens (and migrates) the configured store; refuses a database from a newer server (StoreVersionError). */
export async function openStore(location: StoreLocation, options: { poolSize?: number } = {}): Promise<Store> {
  if (location.databaseUrl) return PostgresStore.open(location.databaseUrl, options);
  return SqliteStore.open(location.dataDir);
}

/** Where the data lives, for messages (passwords hidden). */
export function storeDescription(location: StoreLocation): string {
  return location.databaseUrl
    ? `PostgreSQL ${redactDatabaseUrl(location.databaseUrl)}`
    : `SQLite ${path.join(location.dataDir, databaseFileName)}`;
}
