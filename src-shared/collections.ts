// Every synced collection in one table: schema, personal fields, field ownership, lifecycle, migrations.
// The local database, the server and validation all read this table; nobody re-declares a collection.

import { type Activity, activityFieldLabels, activitySchema } from './activity/activity';
import type { SyncedCollection } from './api/sync-protocol';
import type { AnyDocumentSchema, DocumentSchema } from './common/json-schema';
import type { Label } from './common/labels';
import type { Lifecycle, LifecycleRecord } from './common/lifecycle';
import { type Department, departmentFieldLabels, departmentSchema } from './department/department';
import {
  type MediationCase,
  mediationCaseFieldLabels,
  mediationCaseNestedFieldLabels,
  mediationCaseSchema,
} from './mediation-case/mediation-case';
import { mediationCaseLifecycle } from './mediation-case/mediation-case-lifecycle';
import {
  migrateOpinionV0toV1,
  migrateOpinionV1toV2,
  type Opinion,
  type OpinionV0,
  type OpinionV1,
  opinionFieldLabels,
  opinionNestedFieldLabels,
  opinionSchema,
  opinionSchemaV0,
  opinionSchemaV1,
} from './opinion/opinion';
import { opinionLifecycle } from './opinion/opinion-lifecycle';
import { type FieldOwnership, fieldOwnership } from './ownership/field-ownership';
import { type Photo, photoFieldLabels, photoSchema } from './photo/photo';
import { type ReceptionDay, receptionDayFieldLabels, receptionDaySchema } from './reception-day/reception-day';
import { receptionDayLifecycle } from './reception-day/reception-day-lifecycle';
import { type Representative, representativeFieldLabels, representativeSchema } from './representative/representative';
import { type Station, stationFieldLabels, stationSchema } from './station/station';

/** The document type of each collection. */
export interface CollectionDocuments {
  stations: Station;
  representatives: Representative;
  departments: Department;
  receptionDays: ReceptionDay;
  opinions: Opinion;
  mediationCases: MediationCase;
  activities: Activity;
  photos: Photo;
}
export type CollectionDocument<C extends SyncedCollection> = CollectionDocuments[C];

/** One migration step: the previous version's document → this version's (null drops it). Method syntax keeps the
 * parameter bivariant, so a step typed for its old document is assignable here and to RxDB's MigrationStrategy. */
export type MigrationStep = { step(oldDoc: object): unknown }['step'];
/** RxDB migration strategies: schema version → step from the version before. Pass as `migrationStrategies`. */
export type MigrationStrategies = Record<number, MigrationStep>;

type AnyLifecycle = Lifecycle<string, string, LifecycleRecord<string>, string>;

export interface CollectionDefinition<C extends SyncedCollection> {
  name: C;
  schema: DocumentSchema<CollectionDocument<C>>;
  /** Top-level fields holding personal information: encrypted at rest, masked in lists and exports. */
  personalFields: readonly (keyof CollectionDocument<C> & string)[];
  ownership: FieldOwnership;
  lifecycle?: AnyLifecycle;
  /** Per-version migrations for RxDB (every schema is at version ≥ 1, so each has at least one). */
  migrationStrategies: MigrationStrategies;
  /** Older schemas, for migration tests and the server's version check. */
  previousSchemas: readonly AnyDocumentSchema[];
  fieldLabels: Readonly<Record<string, Label>>;
  /** Labels of nested fields by path ('visitor.name', 'agreement.facts'). */
  nestedFieldLabels: Readonly<Record<string, Label>>;
  /** Reference data flows server → station only. */
  direction: 'serverToStation' | 'bothWays';
}

/** Version 0 of these collections never stored data; the step to version 1 keeps documents as they are. */
const unchanged = (doc: unknown): unknown => doc;

function define<C extends SyncedCollection>(
  definition: Omit<CollectionDefinition<C>, 'migrationStrategies' | 'previousSchemas' | 'nestedFieldLabels'> &
    Partial<Pick<CollectionDefinition<C>, 'migrationStrategies' | 'previousSchemas' | 'nestedFieldLabels'>>,
): CollectionDefinition<C> {
  return {
    migrationStrategies: { 1: unchanged },
    previousSchemas: [],
    nestedFieldLabels: {},
    ...definition,
  };
}

export const collectionDefinitions: { readonly [C in SyncedCollection]: CollectionDefinition<C> } = {
  stations: define({
    name: 'stations',
    schema: stationSchema,
    personalFields: [],
    ownership: fieldOwnership.stations,
    fieldLabels: stationFieldLabels,
    direction: 'serverToStation',
  }),
  representatives: define({
    name: 'representatives',
    schema: representativeSchema,
    personalFields: [],
    ownership: fieldOwnership.representatives,
    fieldLabels: representativeFieldLabels,
    direction: 'serverToStation',
  }),
  departments: define({
    name: 'departments',
    schema: departmentSchema,
    personalFields: [],
    ownership: fieldOwnership.departments,
    fieldLabels: departmentFieldLabels,
    direction: 'serverToStation',
  }),
  receptionDays: define({
    name: 'receptionDays',
    schema: receptionDaySchema,
    personalFields: [],
    ownership: fieldOwnership.receptionDays,
    lifecycle: receptionDayLifecycle as unknown as AnyLifecycle,
    fieldLabels: receptionDayFieldLabels,
    direction: 'bothWays',
  }),
  opinions: define({
    name: 'opinions',
    schema: opinionSchema,
    personalFields: ['visitor'],
    ownership: fieldOwnership.opinions,
    lifecycle: opinionLifecycle as unknown as AnyLifecycle,
    migrationStrategies: {
      1: (doc: OpinionV0) => migrateOpinionV0toV1(doc),
      2: (doc: OpinionV1) => migrateOpinionV1toV2(doc),
    },
    previousSchemas: [opinionSchemaV1, opinionSchemaV0],
    fieldLabels: opinionFieldLabels,
    nestedFieldLabels: opinionNestedFieldLabels,
    direction: 'bothWays',
  }),
  mediationCases: define({
    name: 'mediationCases',
    schema: mediationCaseSchema,
    personalFields: ['parties'],
    ownership: fieldOwnership.mediationCases,
    lifecycle: mediationCaseLifecycle as unknown as AnyLifecycle,
    fieldLabels: mediationCaseFieldLabels,
    nestedFieldLabels: mediationCaseNestedFieldLabels,
    direction: 'bothWays',
  }),
  activities: define({
    name: 'activities',
    schema: activitySchema,
    personalFields: [],
    ownership: fieldOwnership.activities,
    fieldLabels: activityFieldLabels,
    direction: 'bothWays',
  }),
  photos: define({
    name: 'photos',
    schema: photoSchema,
    personalFields: [],
    ownership: fieldOwnership.photos,
    fieldLabels: photoFieldLabels,
    direction: 'bothWays',
  }),
};

/** The definition of one collection (typed by name). */
export function collectionDefinition<C extends SyncedCollection>(name: C): CollectionDefinition<C> {
  return collectionDefinitions[name];
}

/** The current schema version of each collection (sent in the x-schema-version header). */
export const schemaVersions: { readonly [C in SyncedCollection]: number } = {
  stations: stationSchema.version,
  representatives: representativeSchema.version,
  departments: departmentSchema.version,
  receptionDays: receptionDaySchema.version,
  opinions: opinionSchema.version,
  mediationCases: mediationCaseSchema.version,
  activities: activitySchema.version,
  photos: photoSchema.version,
};
