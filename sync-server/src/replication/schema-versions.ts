// The schema version the server requires per collection: the shared schemas' current versions.

import type { SyncedCollection } from '../../../src-shared/api/sync-protocol';
import { schemaVersions } from '../../../src-shared/collections';

export function requiredSchemaVersion(collection: SyncedCollection): number {
  return schemaVersions[collection];
}

export function requiredSchemaVersions(): Record<SyncedCollection, number> {
  return { ...schemaVersions };
}
