// Reusable pieces of the collection schemas: ids, dates, history, the shared synced fields.

import type { JsonSchemaProperty } from './json-schema';

/** ISO 8601 timestamp with seconds and an offset, e.g. 2026-03-01T08:30:00.000Z (pattern, not `format`: no ajv-formats needed). */
export const dateTimePattern = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?(Z|[+-]\\d{2}:\\d{2})$';
/** A calendar date in Asia/Shanghai, 'YYYY-MM-DD'. */
export const datePattern = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';
/** A time of day 'HH:mm'. */
export const timePattern = '^([01]\\d|2[0-3]):[0-5]\\d$';
/** Mainland mobile or landline digits (loose: the clerk types what the visitor says). */
export const phonePattern = '^[0-9+\\- ]{3,20}$';
/** Resident ID number: 18 characters (last may be X) or the old 15 digits. */
export const idNumberPattern = '^(\\d{17}[0-9Xx]|\\d{15})$';

export const ID_MAX_LENGTH = 40;
export const DATE_TIME_MAX_LENGTH = 30;

export const idProperty: JsonSchemaProperty = { type: 'string', minLength: 1, maxLength: ID_MAX_LENGTH };
/** An optional reference to another record; '' is allowed where an indexed field must be required. */
export const refProperty: JsonSchemaProperty = { type: 'string', maxLength: ID_MAX_LENGTH };
export const dateTimeProperty: JsonSchemaProperty = {
  type: 'string',
  maxLength: DATE_TIME_MAX_LENGTH,
  pattern: dateTimePattern,
};
export const dateProperty: JsonSchemaProperty = { type: 'string', maxLength: 10, pattern: datePattern };
export const timeProperty: JsonSchemaProperty = { type: 'string', maxLength: 5, pattern: timePattern };

export function textProperty(maxLength: number, minLength = 0): JsonSchemaProperty {
  return minLength > 0 ? { type: 'string', minLength, maxLength } : { type: 'string', maxLength };
}

export function enumProperty(values: readonly string[], maxLength = 40): JsonSchemaProperty {
  return { type: 'string', enum: values, maxLength };
}

export const idListProperty: JsonSchemaProperty = { type: 'array', items: idProperty, maxItems: 500 };

export const historyEntryProperty: JsonSchemaProperty = {
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 80 },
    at: dateTimeProperty,
    by: textProperty(100),
    role: enumProperty(['station', 'county', 'system']),
    action: textProperty(60, 1),
    from: textProperty(40),
    to: textProperty(40),
    note: textProperty(2000),
    field: textProperty(60),
    overwritten: { type: 'string' },
  },
  required: ['id', 'at', 'by', 'role', 'action'],
};

export const historyProperty: JsonSchemaProperty = { type: 'array', items: historyEntryProperty };

/** id, countyId, createdAt, updatedAt: on every synced record. */
export const syncedProperties = {
  id: idProperty,
  countyId: idProperty,
  createdAt: dateTimeProperty,
  updatedAt: dateTimeProperty,
} as const satisfies Record<string, JsonSchemaProperty>;

export const syncedRequired = ['id', 'countyId', 'createdAt', 'updatedAt'] as const;

/** Synced fields plus stationId and history: on every station record. */
export const stationRecordProperties = {
  ...syncedProperties,
  stationId: idProperty,
  history: historyProperty,
} as const satisfies Record<string, JsonSchemaProperty>;

export const stationRecordRequired = [...syncedRequired, 'stationId', 'history'] as const;

/** Field labels for the shared fields, merged into each collection's `*FieldLabels`. */
export const syncedFieldLabels = {
  id: { 'zh-CN': '编号', en: 'ID' },
  countyId: { 'zh-CN': '所属县(市、区)', en: 'County' },
  createdAt: { 'zh-CN': '创建时间', en: 'Created at' },
  updatedAt: { 'zh-CN': '更新时间', en: 'Updated at' },
} as const;

export const stationRecordFieldLabels = {
  ...syncedFieldLabels,
  stationId: { 'zh-CN': '联络站', en: 'Station' },
  history: { 'zh-CN': '办理记录', en: 'History' },
} as const;
