// RxDB's validation wrapper fed with the shared, precompiled ajv validators (the Electron CSP forbids eval).
import { type RxJsonSchema, type RxValidationError, wrappedValidateStorageFactory } from 'rxdb';
import { collectionDefinitions } from '../../src-shared/collections';
import { rxdbValidatorFor } from '../../src-shared/validation/validate';

const noErrors: RxValidationError[] = [];

function getValidator(schema: RxJsonSchema<unknown>): (doc: unknown) => RxValidationError[] {
  // RxDB's own storages (internal store, local documents, replication meta) have no shared schema.
  if (!schema.title || !Object.hasOwn(collectionDefinitions, schema.title)) return () => noErrors;
  return rxdbValidatorFor({ title: schema.title, version: schema.version });
}

/** Wraps a storage so every write is checked against the shared schema before it reaches IndexedDB. */
export const wrappedSharedValidationStorage = wrappedValidateStorageFactory(getValidator, 'shared-ajv');
