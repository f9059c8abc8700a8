// The collection schemas satisfy RxDB's own schema checks (dev-mode) and its RxJsonSchema type.

import type { RxJsonSchema } from 'rxdb';
import { checkSchema } from 'rxdb/plugins/dev-mode';
import { describe, expect, it } from 'vitest';
import { syncedCollections } from './api/sync-protocol';
import { collectionDefinitions, schemaVersions } from './collections';
import type { Opinion } from './opinion/opinion';
import { opinionSchema, opinionSchemaV0, opinionSchemaV1 } from './opinion/opinion';

// Compile-time: our schema type is assignable to RxDB's.
const asRx: RxJsonSchema<Opinion> = opinionSchema;

describe('collection schemas', () => {
  it('has a definition for every synced collection, named as in the protocol', () => {
    expect(Object.keys(collectionDefinitions).sort()).toEqual([...syncedCollections].sort());
    for (const name of syncedCollections) {
      expect(collectionDefinitions[name].name).toBe(name);
      expect(collectionDefinitions[name].schema.title).toBe(name);
      expect(schemaVersions[name]).toBe(collectionDefinitions[name].schema.version);
    }
    expect(asRx.primaryKey).toBe('id');
  });

  it.each(syncedCollections)('%s passes RxDB dev-mode checkSchema', (name) => {
    const schema = JSON.parse(JSON.stringify(collectionDefinitions[name].schema)) as unknown as RxJsonSchema<unknown>;
    expect(() => checkSchema(schema)).not.toThrow();
  });

  it('opinion v0 and v1 pass checkSchema too; v0 has flat visitor fields, v1 lacks the newest-first key', () => {
    for (const old of [opinionSchemaV0, opinionSchemaV1]) {
      expect(() => checkSchema(JSON.parse(JSON.stringify(old)) as unknown as RxJsonSchema<unknown>)).not.toThrow();
    }
    expect(opinionSchemaV1.version).toBe(opinionSchema.version - 1);
    expect(opinionSchemaV0.version).toBe(opinionSchema.version - 2);
    expect(Object.keys(opinionSchemaV0.properties)).toContain('visitorName');
    expect(Object.keys(opinionSchema.properties)).not.toContain('visitorName');
    expect(Object.keys(opinionSchemaV1.properties)).not.toContain('receivedAtDesc');
    expect(opinionSchema.required).toContain('receivedAtDesc');
  });

  it.each(syncedCollections)(
    '%s: indexed fields are required and bounded, encrypted fields are not indexed',
    (name) => {
      const { schema, personalFields } = collectionDefinitions[name];
      const props = schema.properties as Record<string, { type?: string; maxLength?: number; minimum?: number }>;
      const indexed = (schema.indexes ?? []).flatMap((i) => (typeof i === 'string' ? [i] : [...i]));
      for (const field of indexed) {
        expect(schema.required as readonly string[]).toContain(field);
        const prop = props[field];
        if (prop?.type === 'string') expect(prop.maxLength).toBeGreaterThan(0);
        if (prop?.type === 'integer' || prop?.type === 'number') expect(prop.minimum).toBeDefined();
        expect(schema.encrypted ?? []).not.toContain(field);
      }
      expect([...(schema.encrypted ?? [])].sort()).toEqual([...personalFields].sort());
      for (const field of Object.keys(schema.properties)) expect(field.startsWith('_')).toBe(false);
    },
  );

  it('has a migration strategy for every version step', () => {
    for (const name of syncedCollections) {
      const { schema, migrationStrategies } = collectionDefinitions[name];
      for (let v = 1; v <= schema.version; v++) expect(typeof migrationStrategies[v]).toBe('function');
    }
  });
});
