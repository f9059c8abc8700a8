// The schema version the server requires per collection: the shared schemas' current versions.
import { schemaVersions } from '../../../src-shared/collections';
import type { SyncedCollection } from '../../../src-shared/sync/protocol';

export function requiredSchemaVersion(collection: SyncedCollection): number {
  return schemaVersions[collection];
}

export function requiredSchemaVersions(): Record<SyncedCollection, number> {
  return { ...schemaVersions };
}
