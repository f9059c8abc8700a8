// Replication conflicts: resolved field by field with the shared three-way merge, so no side's edit is lost.
import type { RxConflictHandler } from 'rxdb';
import type { SyncedCollection } from '../../src-shared/api/sync-protocol';
import type { CollectionDocuments } from '../../src-shared/collections';
import { createConflictHandler } from '../../src-shared/merge/three-way-merge';

/** RxDB's conflict handler for a collection: `isEqual` ignores bookkeeping, `resolve` merges base/local/remote. */
export function conflictHandlerFor<C extends SyncedCollection>(
  collection: C,
): RxConflictHandler<CollectionDocuments[C]> {
  // The shared handler has RxDB's shape; RxDB's WithDeleted<T> adds only `_deleted`, which the merge carries along.
  return createConflictHandler<CollectionDocuments[C]>(collection) as unknown as RxConflictHandler<
    CollectionDocuments[C]
  >;
}
