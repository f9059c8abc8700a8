// Gives the Dexie storage a "changed documents since checkpoint" that seeks by (lwt, id), so replication batches
// stay linear when many documents share one write time (a bulk insert, a migration, a restore, a pulled batch).
import {
  getPrimaryFieldOfPrimaryKey,
  type MangoQuery,
  normalizeMangoQuery,
  prepareQuery,
  RX_META_LWT_MINIMUM,
  type RxDocumentData,
  type RxStorage,
  type RxStorageDefaultCheckpoint,
  type RxStorageInstance,
  type RxStorageInstanceCreationParams,
} from 'rxdb';

/**
 * Why: without this method RxDB runs one query `lwt > L OR (lwt = L AND id > I)`. Its `$or` keeps the id out of the
 * index range, so every batch scans again from the first document of time L: N documents written by one bulk write
 * cost N²/(2·batch) cursor steps (10,000 opinions pushed 100 at a time: 500,000 steps). Two range queries on the
 * `[_meta.lwt+id]` index that RxDB creates for exactly this read only the documents they return.
 */
export async function changedDocumentsSince<RxDocType, Internals, InstanceCreationOptions>(
  instance: RxStorageInstance<RxDocType, Internals, InstanceCreationOptions, RxStorageDefaultCheckpoint>,
  limit: number,
  checkpoint?: RxStorageDefaultCheckpoint,
): Promise<{ documents: RxDocumentData<RxDocType>[]; checkpoint: RxStorageDefaultCheckpoint }> {
  const schema = instance.schema;
  const primaryPath = getPrimaryFieldOfPrimaryKey(schema.primaryKey) as string;
  const index = ['_meta.lwt', primaryPath];
  const sort = [{ '_meta.lwt': 'asc' }, { [primaryPath]: 'asc' }] as MangoQuery<RxDocType>['sort'];
  const run = async (selector: Record<string, unknown>, max: number) => {
    const query = normalizeMangoQuery<RxDocType>(schema, {
      selector: selector as MangoQuery<RxDocType>['selector'],
      sort,
      skip: 0,
      limit: max,
      index,
    });
    return (await instance.query(prepareQuery(schema, query))).documents;
  };

  const documents: RxDocumentData<RxDocType>[] = [];
  const sinceLwt = checkpoint ? checkpoint.lwt : RX_META_LWT_MINIMUM;
  if (checkpoint) {
    // The rest of the documents written at the checkpoint's time, after its id.
    documents.push(...(await run({ '_meta.lwt': { $eq: sinceLwt }, [primaryPath]: { $gt: checkpoint.id } }, limit)));
  }
  if (documents.length < limit) {
    documents.push(...(await run({ '_meta.lwt': { $gt: sinceLwt } }, limit - documents.length)));
  }
  const last = documents.at(-1);
  return {
    documents,
    checkpoint: last
      ? { id: (last as Record<string, unknown>)[primaryPath] as string, lwt: last._meta.lwt }
      : (checkpoint ?? { id: '', lwt: 0 }),
  };
}

/** Wraps a storage whose instances lack `getChangedDocumentsSince` (Dexie) with the seeking version above. */
export function wrappedChangedDocumentsStorage<Internals, InstanceCreationOptions>(args: {
  storage: RxStorage<Internals, InstanceCreationOptions>;
}): RxStorage<Internals, InstanceCreationOptions> {
  return Object.assign({}, args.storage, {
    async createStorageInstance<RxDocType>(
      params: RxStorageInstanceCreationParams<RxDocType, InstanceCreationOptions>,
    ): Promise<RxStorageInstance<RxDocType, Internals, InstanceCreationOptions>> {
      const instance = (await args.storage.createStorageInstance<RxDocType>(params)) as RxStorageInstance<
        RxDocType,
        Internals,
        InstanceCreationOptions,
        RxStorageDefaultCheckpoint
      >;
      // Added on the instance itself, as RxDB's own wrappers do; the outer wrappers (encryption, validation,
      // the collection's) forward the method when the instance has it.
      if (!instance.getChangedDocumentsSince) {
        instance.getChangedDocumentsSince = (limit, checkpoint) => changedDocumentsSince(instance, limit, checkpoint);
      }
      return instance;
    },
  });
}
