// Test support: a fresh local database on fake-indexeddb, enrolled to the test station with its reference data.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { newId } from '../../../src-shared/common/ids';
import { makeStation, TEST_COUNTY_ID, TEST_STATION_ID } from '../../../src-shared/testing/factories';
import { type LiaisonDatabase, openLiaisonDatabase } from '../database';
import { setLocalSetting } from '../local-settings';

export const TEST_DB_KEY = 'test-database-key-0123456789';

export interface TestDatabase {
  db: LiaisonDatabase;
  name: string;
  /** The IndexedDB the database lives in (read it raw, or reopen on it). */
  indexedDB: IDBFactory;
  reopen(): Promise<LiaisonDatabase>;
}

/** Opens a new, empty database in its own fake IndexedDB. `enrolled` also stores the station identity and station. */
export async function openTestDatabase(options: { enrolled?: boolean; name?: string } = {}): Promise<TestDatabase> {
  const indexedDB = new IDBFactory();
  const name = options.name ?? `test-${newId().toLowerCase()}`;
  const open = () =>
    openLiaisonDatabase({ name, encryptionKey: TEST_DB_KEY, indexedDB, IDBKeyRange, multiInstance: false });
  const db = await open();
  if (options.enrolled ?? true) {
    await setLocalSetting(db, 'station-identity', { stationId: TEST_STATION_ID, countyId: TEST_COUNTY_ID });
    await db.stations.insert(makeStation());
  }
  return { db, name, indexedDB, reopen: open };
}

/** Every value stored in every object store of the fake IndexedDB, as one JSON string (what a disk reader would see). */
export async function rawIndexedDbContents(indexedDB: IDBFactory): Promise<string> {
  const chunks: unknown[] = [];
  for (const info of await indexedDB.databases()) {
    if (!info.name) continue;
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(info.name as string);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    for (const storeName of Array.from(idb.objectStoreNames)) {
      const rows = await new Promise<unknown[]>((resolve, reject) => {
        const request = idb.transaction(storeName, 'readonly').objectStore(storeName).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      chunks.push({ db: info.name, store: storeName, rows });
    }
    idb.close();
  }
  return JSON.stringify(chunks);
}
