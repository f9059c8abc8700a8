// Counts the local changes not yet on the server: the documents of the pushed collections written after the last
// complete sync (see rxdb-internals.ts for why the write time is all there is to go by).
import type { RxCollection } from 'rxdb';
import type { StationCollection } from '../../src-shared/api/sync-protocol';
import type { DatabaseWithCollections } from './replication';
import { writtenAfter } from './rxdb-internals';

export async function countPendingChanges(
  db: DatabaseWithCollections,
  collections: readonly StationCollection[],
  inSyncUpTo: number,
): Promise<number> {
  let total = 0;
  for (const name of collections) {
    const collection = (db.collections as Record<string, RxCollection<unknown>>)[name];
    if (!collection) continue;
    total += await collection.count({ selector: writtenAfter(inSyncUpTo) }).exec();
  }
  return total;
}
