// Who may read and write what: the caller's scope per collection, and where a document belongs.
import type { SyncedCollection } from '../../../src-shared/api/sync-protocol';
import { referenceCollections } from '../../../src-shared/api/sync-protocol';
import type { Caller } from '../plugins/auth';
import type { Scope, StoredDocument } from '../store/store';

export function isReferenceCollection(collection: SyncedCollection): boolean {
  return (referenceCollections as readonly string[]).includes(collection);
}

/**
 * The documents a caller may read. A station reads its own records, its own station document, the representatives
 * grouped into it, and its county's departments; county staff read their whole county.
 */
export function readScope(caller: Caller, collection: SyncedCollection): Scope {
  if (caller.kind === 'staff') return { kind: 'county', countyId: caller.countyId };
  if (collection === 'departments') return { kind: 'county', countyId: caller.countyId };
  return { kind: 'station', stationId: caller.stationId, countyId: caller.countyId };
}

export function inScope(scope: Scope, doc: Pick<StoredDocument, 'stationId' | 'countyId'>): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'county':
      return doc.countyId === scope.countyId;
    case 'station':
      return doc.stationId === scope.stationId;
  }
}

/** The station a document belongs to, kept in its own column so scoped pulls use an index. */
export function owningStationId(collection: SyncedCollection, body: Record<string, unknown>): string | null {
  if (collection === 'stations') return typeof body.id === 'string' ? body.id : null;
  if (collection === 'departments') return null;
  return typeof body.stationId === 'string' ? body.stationId : null;
}
