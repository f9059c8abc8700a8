// Opens the station's local database: RxDB on Dexie (IndexedDB), validated with the shared schemas, personal fields encrypted.
import {
  addRxPlugin,
  createRxDatabase,
  type RxCollection,
  type RxCollectionCreator,
  type RxDatabase,
  type RxJsonSchema,
} from 'rxdb';
import { wrappedKeyEncryptionCryptoJsStorage } from 'rxdb/plugins/encryption-crypto-js';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { type SyncedCollection, syncedCollections } from '../../src-shared/api/sync-protocol';
import { type CollectionDocuments, collectionDefinitions } from '../../src-shared/collections';
import { DomainError } from '../../src-shared/common/domain-error';
import { wrappedChangedDocumentsStorage } from './changed-documents-storage';
import { conflictHandlerFor } from './conflict-handler';
import { wrappedSharedValidationStorage } from './schema-validation';

export const defaultDatabaseName = 'liaison-station';

/** One RxDB collection per synced collection (8 of RxDB's 13 allowed); settings live in local documents. */
export type LiaisonCollections = { [C in SyncedCollection]: RxCollection<CollectionDocuments[C]> };
export type LiaisonDatabase = RxDatabase<LiaisonCollections>;

export interface OpenDatabaseOptions {
  /** IndexedDB database name prefix; tests use a fresh one each. */
  name?: string;
  /** The station's key from the host bridge (see platform/database-key.ts); at least 8 characters. */
  encryptionKey: string;
  /** An IndexedDB implementation (fake-indexeddb in Node); the browser's own by default. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /** Tests only: allow opening the same name twice in one process. */
  ignoreDuplicate?: boolean;
  /** Share changes between tabs (default true in a browser). */
  multiInstance?: boolean;
}

let pluginsAdded = false;

async function addPlugins(): Promise<void> {
  if (pluginsAdded) return;
  pluginsAdded = true;
  addRxPlugin(RxDBMigrationSchemaPlugin);
  addRxPlugin(RxDBLocalDocumentsPlugin);
  // Dev-mode loads a remote page and is slow: development builds only, never production or tests.
  // `env` is undefined outside Vite (tsx and Node run this module for benches and tools).
  if (import.meta.env?.DEV && import.meta.env.MODE !== 'test') {
    const { RxDBDevModePlugin, disableWarnings } = await import('rxdb/plugins/dev-mode');
    disableWarnings();
    addRxPlugin(RxDBDevModePlugin);
  }
}

/** The RxDB collection options of one shared collection definition. */
function collectionCreator<C extends SyncedCollection>(name: C): RxCollectionCreator<CollectionDocuments[C]> {
  const definition = collectionDefinitions[name];
  return {
    // The shared schema type is structurally an RxJsonSchema; rxdb's type is stricter about literal keys.
    schema: definition.schema as unknown as RxJsonSchema<CollectionDocuments[C]>,
    migrationStrategies: definition.migrationStrategies as unknown as RxCollectionCreator['migrationStrategies'],
    autoMigrate: true,
    conflictHandler: conflictHandlerFor(name),
  };
}

export function liaisonStorage(options: Pick<OpenDatabaseOptions, 'indexedDB' | 'IDBKeyRange'> = {}) {
  const dexie = getRxStorageDexie(
    options.indexedDB && options.IDBKeyRange ? { indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange } : {},
  );
  // Validation is outermost so it sees plaintext; encryption sits between it and IndexedDB. Innermost, the seeking
  // "changes since checkpoint" keeps replication linear (see changed-documents-storage.ts).
  const seeking = wrappedChangedDocumentsStorage({ storage: dexie });
  return wrappedSharedValidationStorage({ storage: wrappedKeyEncryptionCryptoJsStorage({ storage: seeking }) });
}

/** Opens (creating or migrating) the local database. Throws DomainError('database_open_failed') when it cannot. */
export async function openLiaisonDatabase(options: OpenDatabaseOptions): Promise<LiaisonDatabase> {
  await addPlugins();
  let db: LiaisonDatabase | undefined;
  try {
    db = await createRxDatabase<LiaisonCollections>({
      name: options.name ?? defaultDatabaseName,
      storage: liaisonStorage(options),
      password: options.encryptionKey,
      multiInstance: options.multiInstance ?? typeof window !== 'undefined',
      localDocuments: true,
      allowSlowCount: true,
      ignoreDuplicate: options.ignoreDuplicate ?? false,
      closeDuplicates: !options.ignoreDuplicate,
    });
    const creators = Object.fromEntries(syncedCollections.map((name) => [name, collectionCreator(name)])) as {
      [C in SyncedCollection]: RxCollectionCreator<CollectionDocuments[C]>;
    };
    await db.addCollections(creators);
    return db;
  } catch (error) {
    await db?.close().catch(() => undefined);
    const failure = new DomainError({
      code: 'database_open_failed',
      message: '本地数据库无法打开，请重新启动程序；如仍失败，可在“设置”中从备份恢复',
      messageEn: `The local database could not be opened: ${error instanceof Error ? error.message : String(error)}`,
    });
    failure.cause = error;
    throw failure;
  }
}
