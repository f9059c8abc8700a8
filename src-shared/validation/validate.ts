// Validation against the shared schemas with the generated (CSP-safe) ajv validators; per-field errors in Chinese.

import type { FieldError } from '../api/errors';
import type { SyncedCollection } from '../api/sync-protocol';
import { collectionDefinitions } from '../collections';
import type { AnyDocumentSchema, JsonSchemaProperty } from '../common/json-schema';
import { rxdbSchemaKeywords } from '../common/json-schema';
import type { Label } from '../common/labels';
import { datePattern, dateTimePattern, idNumberPattern, phonePattern, timePattern } from '../common/schema-parts';
import { validators } from './generated/validators.js';
import type { AjvErrorObject, GeneratedValidator } from './generated-validator';

/**
 * A field error (src-shared/api/errors.ts) with its English text too, for the app's forms; the server sends the
 * Chinese one. Codes: required, tooLong, tooShort, invalidFormat, notInList, tooSmall, tooLarge, notInteger,
 * invalidType, unknownField, tooManyItems, tooFewItems, invalid. The message names the field's Chinese label.
 */
export interface LocalisedFieldError extends FieldError {
  messageEn: string;
}

export interface ValidationResult {
  valid: boolean;
  errors: LocalisedFieldError[];
}

/** The validator of a schema version; undefined when there is none (an unknown version). */
export function generatedValidator(collection: string, version: number): GeneratedValidator | undefined {
  const table = validators as unknown as Record<string, GeneratedValidator>;
  return table[`${collection}_v${version}`];
}

/** Removes RxDB's internal fields (_deleted, _rev, _meta, _attachments) before validating a stored document. */
function withoutInternalFields(doc: unknown): unknown {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return doc;
  return Object.fromEntries(Object.entries(doc).filter(([key]) => !key.startsWith('_')));
}

function pathOf(error: AjvErrorObject): string {
  const base = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'required' && typeof error.params.missingProperty === 'string') {
    base.push(error.params.missingProperty);
  }
  return base.join('.');
}

function labelFor(collection: SyncedCollection, field: string): Label {
  const def = collectionDefinitions[collection];
  const withoutIndexes = field
    .split('.')
    .filter((s) => !/^\d+$/.test(s))
    .join('.');
  const label = def.nestedFieldLabels[withoutIndexes] ?? def.fieldLabels[withoutIndexes];
  if (label) return label;
  const last = withoutIndexes.split('.').pop() ?? field;
  return def.fieldLabels[last] ?? { 'zh-CN': field || '记录', en: field || 'record' };
}

function formatHint(pattern: unknown): Label | undefined {
  switch (pattern) {
    case datePattern:
      return { 'zh-CN': '日期，格式为“年-月-日”(如2026-03-01)', en: 'a date YYYY-MM-DD' };
    case dateTimePattern:
      return { 'zh-CN': '日期时间', en: 'an ISO date-time' };
    case timePattern:
      return { 'zh-CN': '时间，格式为“时:分”(如09:30)', en: 'a time HH:mm' };
    case phonePattern:
      return { 'zh-CN': '电话号码(只含数字)', en: 'a phone number' };
    case idNumberPattern:
      return { 'zh-CN': '18位身份证号码', en: 'an 18-character ID number' };
    default:
      return undefined;
  }
}

function toFieldError(collection: SyncedCollection, error: AjvErrorObject): LocalisedFieldError {
  const field = pathOf(error);
  const label = labelFor(collection, field);
  const zh = label['zh-CN'];
  const p = error.params;
  const limit = typeof p.limit === 'number' ? p.limit : undefined;
  switch (error.keyword) {
    case 'required':
      return { field, code: 'required', message: `请填写“${zh}”`, messageEn: `${label.en} is required` };
    case 'minLength':
      return limit === 1
        ? { field, code: 'required', message: `请填写“${zh}”`, messageEn: `${label.en} is required` }
        : {
            field,
            code: 'tooShort',
            message: `“${zh}”至少需要${limit}个字，请补充`,
            messageEn: `${label.en} needs at least ${limit} characters`,
          };
    case 'maxLength':
      return {
        field,
        code: 'tooLong',
        message: `“${zh}”不能超过${limit}个字，请删减`,
        messageEn: `${label.en} must be at most ${limit} characters`,
      };
    case 'pattern': {
      const hint = formatHint(p.pattern);
      return {
        field,
        code: 'invalidFormat',
        message: hint ? `“${zh}”应为${hint['zh-CN']}，请检查` : `“${zh}”的格式不正确，请检查`,
        messageEn: hint ? `${label.en} must be ${hint.en}` : `${label.en} has an invalid format`,
      };
    }
    case 'enum':
      return {
        field,
        code: 'notInList',
        message: `“${zh}”的取值无效，请从列表中选择`,
        messageEn: `${label.en} must be one of the listed values`,
      };
    case 'minimum':
      return {
        field,
        code: 'tooSmall',
        message: `“${zh}”不能小于${limit}`,
        messageEn: `${label.en} must be at least ${limit}`,
      };
    case 'maximum':
      return {
        field,
        code: 'tooLarge',
        message: `“${zh}”不能大于${limit}`,
        messageEn: `${label.en} must be at most ${limit}`,
      };
    case 'multipleOf':
      return { field, code: 'notInteger', message: `“${zh}”须为整数`, messageEn: `${label.en} must be a whole number` };
    case 'type':
      return p.type === 'integer'
        ? { field, code: 'notInteger', message: `“${zh}”须为整数`, messageEn: `${label.en} must be a whole number` }
        : {
            field,
            code: 'invalidType',
            message: `“${zh}”的内容类型不正确，请重新填写`,
            messageEn: `${label.en} must be of type ${String(p.type)}`,
          };
    case 'additionalProperties': {
      const extra = String(p.additionalProperty);
      const path = field ? `${field}.${extra}` : extra;
      return {
        field: path,
        code: 'unknownField',
        message: `无法识别的字段“${path}”，请升级到最新版本后重试`,
        messageEn: `Unknown field "${path}"`,
      };
    }
    case 'maxItems':
      return {
        field,
        code: 'tooManyItems',
        message: `“${zh}”最多只能有${limit}项`,
        messageEn: `${label.en} may have at most ${limit} items`,
      };
    case 'minItems':
      return {
        field,
        code: 'tooFewItems',
        message: `“${zh}”至少需要${limit}项`,
        messageEn: `${label.en} needs at least ${limit} items`,
      };
    default:
      return {
        field,
        code: 'invalid',
        message: `“${zh}”不符合要求，请检查`,
        messageEn: `${label.en} is invalid (${error.keyword})`,
      };
  }
}

/** Validates a document of a collection (current schema version). RxDB's `_` fields are ignored. */
export function validateDocument(collection: SyncedCollection, doc: unknown, version?: number): ValidationResult {
  const v = version ?? collectionDefinitions[collection].schema.version;
  const validator = generatedValidator(collection, v);
  if (!validator) {
    return {
      valid: false,
      errors: [
        {
          field: '',
          code: 'unknownSchemaVersion',
          message: `数据版本${v}无法识别，请升级到最新版本`,
          messageEn: `Unknown schema version ${v} of ${collection}`,
        },
      ],
    };
  }
  if (validator(withoutInternalFields(doc))) return { valid: true, errors: [] };
  const errors = (validator.errors ?? []).map((e) => toFieldError(collection, e));
  // One message per field and code: allErrors may report a field twice (e.g. pattern and maxLength).
  const seen = new Set<string>();
  return {
    valid: false,
    errors: errors.filter((e) => {
      const key = `${e.field}|${e.code}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  };
}

/** Errors keyed by field, for forms (first error per field). */
export function errorsByField(result: ValidationResult): Record<string, LocalisedFieldError> {
  const out: Record<string, LocalisedFieldError> = {};
  for (const error of result.errors) out[error.field] ??= error;
  return out;
}

/** RxDB's validation error shape (rxdb/plugins/validate: RxValidationError). */
export interface RxValidationErrorLike {
  field: string;
  message: string;
}

/**
 * A validator for RxDB's `wrappedValidateStorageFactory(rxdbValidatorFor, 'generated')`: it picks the generated
 * validator by the schema's title (= collection name) and version, so the renderer validates without `new Function`.
 * RxDB's own internal stores (other titles) are not validated; a known collection at an unknown version throws.
 */
export function rxdbValidatorFor(schema: {
  title?: string;
  version: number;
}): (doc: unknown) => RxValidationErrorLike[] {
  const title = schema.title ?? '';
  if (!Object.hasOwn(collectionDefinitions, title)) return () => [];
  if (!generatedValidator(title, schema.version)) {
    throw new Error(`no generated validator for schema "${title}" version ${schema.version}`);
  }
  return (doc) => {
    const result = validateDocument(title as SyncedCollection, doc, schema.version);
    return result.errors.map((e) => ({ field: e.field, message: e.message }));
  };
}

function stripRxdbKeywords(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripRxdbKeywords);
  if (typeof value !== 'object' || value === null) return value;
  const keywords = new Set<string>(rxdbSchemaKeywords);
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !keywords.has(key))
      .map(([key, v]) => [key, key === 'properties' ? stripProperties(v) : stripRxdbKeywords(v)]),
  );
}

function stripProperties(properties: unknown): unknown {
  if (typeof properties !== 'object' || properties === null) return properties;
  // Under `properties`, keys are field names (a field could be called 'version'); only their values are schemas.
  return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, stripRxdbKeywords(v)]));
}

/** A plain JSON schema (no RxDB keywords) of a collection's documents. */
export function plainSchemaOf(collection: SyncedCollection): {
  type: 'object';
  properties: Record<string, JsonSchemaProperty>;
  required: string[];
  additionalProperties: false;
  title: string;
  description?: string;
} {
  const schema = collectionDefinitions[collection].schema as AnyDocumentSchema;
  return stripRxdbKeywords(schema) as ReturnType<typeof plainSchemaOf>;
}

/** The schema of a document on the wire (sync push/pull): the plain schema plus RxDB's `_deleted` flag. */
export function wireSchemaOf(collection: SyncedCollection): ReturnType<typeof plainSchemaOf> {
  const plain = plainSchemaOf(collection);
  return {
    ...plain,
    title: `${plain.title}Wire`,
    properties: { ...plain.properties, _deleted: { type: 'boolean' } },
    required: [...plain.required, '_deleted'],
  };
}
