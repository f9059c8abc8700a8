// A minimal JSON-schema type that is assignable to RxDB's RxJsonSchema (without importing rxdb into the domain).

export type JsonSchemaType = 'array' | 'boolean' | 'integer' | 'number' | 'null' | 'object' | 'string';

/** A property schema (draft-07 subset that RxDB and ajv both understand). Use `pattern` for dates, not `format`. */
export interface JsonSchemaProperty {
  type?: JsonSchemaType;
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchemaProperty>;
  required?: readonly string[];
  additionalProperties?: boolean;
  items?: JsonSchemaProperty;
  enum?: readonly (string | number | boolean)[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  multipleOf?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
}

/**
 * A collection's schema. Every key of the document type must appear in `properties`, so a field added to a
 * type without a schema entry is a compile error.
 */
export interface DocumentSchema<T> {
  title: string;
  description?: string;
  /** Bump on every change, with a migration (see RxDB migrationStrategies). */
  version: number;
  primaryKey: keyof T & string;
  type: 'object';
  properties: { [K in keyof T & string]-?: JsonSchemaProperty };
  required: readonly (keyof T & string)[];
  /** Fields and compound fields RxDB indexes; all must be required, strings need maxLength. */
  indexes?: readonly (string | readonly string[])[];
  /** Top-level fields RxDB encrypts at rest (personal data); never indexed. */
  encrypted?: readonly (keyof T & string)[];
  keyCompression?: boolean;
  additionalProperties: false;
}

/** Keywords RxDB adds to JSON schema; ajv must know them (or they must be stripped) to compile a schema. */
export const rxdbSchemaKeywords = [
  'version',
  'primaryKey',
  'indexes',
  'internalIndexes',
  'encrypted',
  'keyCompression',
  'final',
  'ref',
  'sharding',
  'attachments',
  'crdt',
] as const;

/** Any collection's schema, with the document type erased (for tables of schemas and for ajv). */
export interface AnyDocumentSchema {
  title: string;
  description?: string;
  version: number;
  primaryKey: string;
  type: 'object';
  properties: Record<string, JsonSchemaProperty>;
  required: readonly string[];
  indexes?: readonly (string | readonly string[])[];
  encrypted?: readonly string[];
  keyCompression?: boolean;
  additionalProperties: false;
}
