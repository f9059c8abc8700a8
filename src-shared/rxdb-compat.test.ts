// The shared definitions work in a real RxDB: schemas, migration strategies, the generated validators, the merge.
// (Encryption is left to the local-database setup; here `encrypted` is dropped because it needs a password plugin.)

import { addRxPlugin, createRxDatabase, type RxCollectionCreator, wrappedValidateStorageFactory } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { describe, expect, it } from 'vitest';
import { collectionDefinitions } from './collections';
import { createConflictHandler } from './merge/three-way-merge';
import { makeMediationCase, makeOpinion, makeReceptionDay } from './testing/factories';
import { rxdbValidatorFor } from './validation/validate';

// Every schema is at version ≥ 1, so RxDB needs the (free) schema-migration plugin.
addRxPlugin(RxDBMigrationSchemaPlugin);

describe('RxDB compatibility', () => {
  it('creates every collection, validates with the generated validators and queries by the indexes', async () => {
    const storage = wrappedValidateStorageFactory(
      rxdbValidatorFor as Parameters<typeof wrappedValidateStorageFactory>[0],
      'generated',
    )({ storage: getRxStorageMemory() });
    const db = await createRxDatabase({ name: `compat${Date.now()}`, storage });
    const creators: Record<string, RxCollectionCreator> = {};
    for (const [name, def] of Object.entries(collectionDefinitions)) {
      const { encrypted: _encrypted, ...schema } = JSON.parse(JSON.stringify(def.schema));
      creators[name] = {
        schema,
        migrationStrategies: def.migrationStrategies,
        conflictHandler: createConflictHandler(def.name) as RxCollectionCreator['conflictHandler'],
      };
    }
    const collections = await db.addCollections(creators);
    try {
      const opinions = collections.opinions;
      if (!opinions) throw new Error('opinions collection missing');
      await opinions.insert(makeOpinion({ receivedAt: '2026-03-01T00:00:00.000Z' }));
      await opinions.insert(makeOpinion({ receivedAt: '2026-03-02T00:00:00.000Z', status: 'submitted' }));
      await collections.mediationCases?.insert(makeMediationCase());
      await collections.receptionDays?.insert(makeReceptionDay({ status: 'held' }));
      await expect(opinions.insert({ ...makeOpinion(), title: '' })).rejects.toThrow();
      const recorded = await opinions.find({ selector: { status: 'recorded' }, sort: [{ receivedAt: 'desc' }] }).exec();
      expect(recorded).toHaveLength(1);
    } finally {
      await db.close();
    }
  });
});
