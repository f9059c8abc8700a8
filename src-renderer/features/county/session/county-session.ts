// County staff in a browser: sign in with a staff account (a 12-hour session), sign out again, and leave nothing
// of the county on the PC afterwards (county PCs are often shared: the replicated records hold personal data).

import { syncRoutes } from '../../../../src-shared/api/routes';
import type { CountyCredentials, LoginRequest, LoginResponse } from '../../../../src-shared/api/staff-session';
import { syncedCollections } from '../../../../src-shared/api/sync-protocol';
import type { HostApi } from '../../../../src-shared/host/host-api';
import { stopBackupSnapshotter } from '../../../db/backup/backup-snapshotter';
import type { LiaisonDatabase } from '../../../db/database';
import { getHost } from '../../../platform/host';
import { readCredentials, type SyncCredentials, saveCredentials } from '../../../sync/credentials';
import { createSyncClient, normaliseServerUrl } from '../../../sync/sync-client';
import { syncOwnerOf } from '../../../sync/sync-owner';

export interface CountySignInRequest {
  serverUrl: string;
  user: string;
  password: string;
}

export interface CountySignInResult {
  credentials: CountyCredentials;
  /**
   * True when another person's (or another county's) records were on this PC and were removed first: the local
   * database is gone, so the app must reload to open a new, empty one (and sync the new session into it).
   */
  cleared: boolean;
}

/** The same person of the same county on the same server: their local records (and unsent work) may stay. */
export function isSameCountySession(previous: SyncCredentials | null, next: CountyCredentials): boolean {
  return (
    previous?.role === 'county' &&
    previous.serverUrl === next.serverUrl &&
    previous.countyId === next.countyId &&
    previous.user === next.user
  );
}

async function holdsRecords(db: LiaisonDatabase): Promise<boolean> {
  for (const name of syncedCollections) {
    if ((await db.collections[name].count().exec()) > 0) return true;
  }
  return false;
}

/**
 * Signs in. When the database holds records of someone else (a session that expired or was never signed out),
 * they are removed before the new session is stored, so a different staff member always starts clean.
 */
export async function signInCounty(
  request: CountySignInRequest,
  options: { db: LiaisonDatabase; fetch?: typeof fetch; indexedDB?: IDBFactory },
): Promise<CountySignInResult> {
  const host = getHost();
  const serverUrl = normaliseServerUrl(request.serverUrl);
  const { version } = await host.appInfo();
  const client = createSyncClient({
    serverUrl,
    token: null,
    appVersion: version,
    role: 'county',
    fetch: options.fetch,
  });
  const body: LoginRequest = { user: request.user.trim(), password: request.password };
  const session = await client.request<LoginResponse>(syncRoutes.login, { method: 'POST', body });
  const credentials: CountyCredentials = {
    role: 'county',
    serverUrl,
    token: session.token,
    user: session.user,
    countyId: session.countyId,
    countyName: session.countyName,
    expiresAt: session.expiresAt,
    signedInAt: new Date().toISOString(),
  };
  const previous = await readCredentials();
  if (!isSameCountySession(previous, credentials) && (await holdsRecords(options.db))) {
    await host.log('warn', 'records of another county session removed before sign-in', {
      previousUser: previous?.role === 'county' ? previous.user : null,
      user: credentials.user,
    });
    await clearCountyData(options.db, host, options.indexedDB ?? globalThis.indexedDB);
    // Stored without telling the app: the database is gone, only a reload (which opens a new one) may use it.
    await saveCredentials(credentials, { quiet: true });
    return { credentials, cleared: true };
  }
  await saveCredentials(credentials);
  return { credentials, cleared: false };
}

/**
 * Removes everything the county's session left here: stops its replication and the backup snapshotter, deletes the
 * local backups, the database (every IndexedDB store of it) and its key, and the sync token. The app must reload
 * afterwards (the database object is closed); it then opens a new, empty database with a new key.
 */
export async function clearCountyData(
  db: LiaisonDatabase,
  host: HostApi = getHost(),
  factory: IDBFactory | undefined = globalThis.indexedDB,
): Promise<void> {
  // Nothing may write into the database while it goes: first the replication, then the snapshotter.
  await syncOwnerOf(db)?.close();
  await stopBackupSnapshotter(db);
  const removedBackups = await host.deleteBackups();
  const name = db.name;
  await db.remove();
  // RxDB's Dexie storage only empties its stores: the IndexedDB databases themselves go too, files and all.
  if (factory) await deleteIndexedDatabases(factory, `rxdb-dexie-${name}--`);
  // A write that raced the stop (another window of the app) cannot survive the database it came from.
  const removedLate = await host.deleteBackups();
  await host.deleteSecret('syncToken');
  await host.deleteSecret('dbKey');
  await host.log('info', 'county data removed from this PC', { backups: removedBackups + removedLate });
}

/** Deletes the IndexedDB databases whose names start with `prefix`; one still open elsewhere goes when it closes. */
async function deleteIndexedDatabases(factory: IDBFactory, prefix: string): Promise<void> {
  if (typeof factory.databases !== 'function') return;
  const names = (await factory.databases()).flatMap((info) => (info.name?.startsWith(prefix) ? [info.name] : []));
  await Promise.all(
    names.map(
      (name) =>
        new Promise<void>((resolve, reject) => {
          const request = factory.deleteDatabase(name);
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error ?? new Error(`could not delete ${name}`));
          // Another window holds it open: the browser deletes it once that window lets go.
          request.onblocked = () => resolve();
        }),
    ),
  );
}

/**
 * Ends the session on the server (best effort: offline, the session simply expires) and removes the county's data
 * from this PC (see clearCountyData). The caller reloads the app into the sign-in screen.
 */
export async function signOutCounty(
  db: LiaisonDatabase,
  options: { fetch?: typeof fetch; indexedDB?: IDBFactory } = {},
): Promise<void> {
  const host = getHost();
  const credentials = await readCredentials();
  if (credentials?.role === 'county') {
    const { version } = await host.appInfo();
    const client = createSyncClient({
      serverUrl: credentials.serverUrl,
      token: credentials.token,
      appVersion: version,
      role: 'county',
      fetch: options.fetch,
      timeoutMs: 5_000,
    });
    await client.request(syncRoutes.logout, { method: 'POST' }).catch(() => undefined);
  }
  await clearCountyData(db, host, options.indexedDB ?? globalThis.indexedDB);
}
