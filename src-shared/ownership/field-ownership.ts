// Which role owns which fields of each collection: the server refuses writes to fields the caller does not own,
// and the merge prefers the owner's value. Status changes are checked against the lifecycles.

import type { SyncedCollection } from '../api/sync-protocol';
import { jsonEqual } from '../common/canonical-json';
import type { Role } from '../common/document';
import { type Lifecycle, type LifecycleRecord, lifecycleAllows } from '../common/lifecycle';
import { mediationCaseLifecycle } from '../mediation-case/mediation-case-lifecycle';
import { opinionLifecycle } from '../opinion/opinion-lifecycle';
import { receptionDayLifecycle } from '../reception-day/reception-day-lifecycle';

export interface FieldOwnership {
  /** Fields only the station clerk writes. */
  station: readonly string[];
  /** Fields only county staff write. */
  county: readonly string[];
  /** Fields both write (status through lifecycle commands, history, updatedAt). */
  shared: readonly string[];
  /** Set once when the record is created and never changed by anyone. */
  immutable: readonly string[];
}

const identity = ['id', 'countyId', 'createdAt'] as const;
const stationIdentity = [...identity, 'stationId'] as const;
const shared = ['status', 'history', 'updatedAt'] as const;

/** Reference data is written by the county (the server) only. */
function countyOnly(fields: readonly string[]): FieldOwnership {
  return { station: [], county: [...identity, ...fields, 'updatedAt'], shared: [], immutable: identity };
}

const sharedWithoutStatus = ['history', 'updatedAt'] as const;

/** Station records written by the station only (the county reads them). */
function stationOnly(fields: readonly string[], hasStatus = true): FieldOwnership {
  return {
    station: [...stationIdentity, ...fields],
    county: [],
    shared: hasStatus ? shared : sharedWithoutStatus,
    immutable: stationIdentity,
  };
}

export const fieldOwnership: Record<SyncedCollection, FieldOwnership> = {
  stations: countyOnly([
    'countyName',
    'countyShortName',
    'townshipId',
    'townshipName',
    'name',
    'shortName',
    'kind',
    'isDemonstration',
    'belt',
    'address',
  ]),
  representatives: countyOnly(['stationId', 'name', 'level', 'organization', 'phone', 'active']),
  departments: countyOnly(['name', 'active']),
  receptionDays: stationOnly([
    'date',
    'startTime',
    'endTime',
    'place',
    'representativeIds',
    'topic',
    'presentRepresentativeIds',
    'visitorCount',
    'notes',
    'announcedAt',
    'cancelReason',
  ]),
  opinions: {
    // Intake and the visitor's rating belong to the station; processing belongs to the county (DESIGN.md).
    station: [
      ...stationIdentity,
      'receivedAt',
      'receivedAtDesc',
      'representativeId',
      'receptionDayId',
      'source',
      'category',
      'title',
      'content',
      'visitor',
      'onSiteAnswer',
      'satisfaction',
      'ratingNote',
    ],
    county: ['rejectionReason', 'mergedIntoId', 'assignment', 'returnReason', 'reply', 'escalation', 'closingNote'],
    shared,
    immutable: stationIdentity,
  },
  mediationCases: stationOnly([
    'caseNumber',
    'registeredOn',
    'source',
    'disputeType',
    'parties',
    'facts',
    'participants',
    'sessions',
    'outcome',
    'agreement',
    'performedOn',
    'failureReason',
    'referral',
    'withdrawalReason',
    'followUps',
  ]),
  activities: stationOnly(
    ['type', 'date', 'title', 'place', 'representativeIds', 'participantCount', 'summary', 'receptionDayId'],
    false,
  ),
  photos: stationOnly(
    ['ownerCollection', 'ownerId', 'mimeType', 'width', 'height', 'dataBase64', 'caption', 'takenAt'],
    false,
  ),
};

/** The role that owns a field, 'shared' for status/history/updatedAt, undefined for unknown fields. */
export function ownerOfField(collection: SyncedCollection, field: string): 'station' | 'county' | 'shared' | undefined {
  const o = fieldOwnership[collection];
  if (o.station.includes(field)) return 'station';
  if (o.county.includes(field)) return 'county';
  if (o.shared.includes(field)) return 'shared';
  return undefined;
}

/** Top-level fields whose values differ between two versions (RxDB's `_` fields are ignored). */
export function changedFields(before: object | null | undefined, after: object): string[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  return [...keys].filter((key) => !key.startsWith('_') && !jsonEqual(b[key], a[key])).sort();
}

/**
 * The changed fields that `role` may not write: fields owned by the other role, unknown fields, and immutable
 * fields changed after creation (`before` null = creation). `system` may write everything.
 * The server answers 403 when this is not empty.
 */
export function fieldsNotOwnedBy(
  collection: SyncedCollection,
  role: Role,
  before: object | null | undefined,
  after: object,
): string[] {
  if (role === 'system') return [];
  const o = fieldOwnership[collection];
  const writable = new Set<string>([...(role === 'station' ? o.station : o.county), ...o.shared]);
  return changedFields(before, after).filter(
    (field) => !writable.has(field) || (before != null && o.immutable.includes(field)),
  );
}

type AnyLifecycle = Lifecycle<string, string, LifecycleRecord<string>, string>;

/** The lifecycles by collection (collections without one have no status). */
export const lifecycles: Partial<Record<SyncedCollection, AnyLifecycle>> = {
  opinions: opinionLifecycle as unknown as AnyLifecycle,
  mediationCases: mediationCaseLifecycle as unknown as AnyLifecycle,
  receptionDays: receptionDayLifecycle as unknown as AnyLifecycle,
};

/** The status a new record must start in, per collection with a lifecycle. */
export const initialStatuses: Partial<Record<SyncedCollection, string>> = {
  opinions: 'recorded',
  mediationCases: 'registered',
  receptionDays: 'planned',
};

/**
 * May `role` move a record from `fromStatus` to `toStatus`? Several steps count when each is allowed to the role,
 * because a station that worked offline pushes only its latest state (registered → mediating → agreed).
 * `fromStatus` undefined = creation: only the initial status, by the station. Same status = no change = allowed.
 */
export function isTransitionAllowed(
  collection: SyncedCollection,
  fromStatus: string | undefined,
  toStatus: string | undefined,
  role: Role,
): boolean {
  if (fromStatus === toStatus) return true;
  if (role === 'system') return true;
  const lifecycle = lifecycles[collection];
  if (!lifecycle) return false;
  if (fromStatus === undefined) return role === 'station' && toStatus === initialStatuses[collection];
  if (toStatus === undefined) return false;
  const seen = new Set<string>([fromStatus]);
  const queue = [fromStatus];
  const statuses = Object.keys(lifecycle.statusLabels);
  while (queue.length > 0) {
    const current = queue.shift() as string;
    for (const next of statuses) {
      if (seen.has(next) || !lifecycleAllows(lifecycle, current, next, role)) continue;
      if (next === toStatus) return true;
      seen.add(next);
      queue.push(next);
    }
  }
  return false;
}
