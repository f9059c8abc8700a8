// Writing reference data (stations, representatives, departments) from the CLI: validated, one transaction per call.
import type { SyncedCollection } from '../../../src-shared/api/sync-protocol';
import { domainRules } from '../replication/domain-rules';
import { owningStationId } from '../replication/scope';
import type { DocumentWrite, Store, StoredDocument, Township } from '../store/store';

export class InvalidReferenceDocument extends Error {}

/** The store write of a reference document, after checking it against the shared schema. */
export function referenceWrite(collection: SyncedCollection, doc: object): DocumentWrite {
  const body = { ...doc } as Record<string, unknown>;
  const errors = domainRules.validate(collection, body);
  if (errors.length > 0) {
    const detail = errors.map((e) => `${e.field || '(记录)'}: ${e.message}`).join('；');
    throw new InvalidReferenceDocument(`${collection} ${String(body.id)} 不符合数据格式：${detail}`);
  }
  return {
    id: body.id as string,
    stationId: owningStationId(collection, body),
    countyId: body.countyId as string,
    deleted: false,
    body,
  };
}

export async function writeReference(
  store: Store,
  collection: SyncedCollection,
  docs: readonly object[],
  townships: readonly Township[] = [],
): Promise<StoredDocument[]> {
  return store.upsertDocuments(
    collection,
    docs.map((doc) => referenceWrite(collection, doc)),
    townships,
  );
}
