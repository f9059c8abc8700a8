// The server's domain rules, taken from src-shared (schemas, derived keys, field ownership, lifecycles, edit rules):
// nothing re-declared here. The app checks the same rules before saving; the server trusts nothing from a client.

import type { FieldError } from '../../../src-shared/api/errors';
import type { SyncedCollection } from '../../../src-shared/api/sync-protocol';
import { canonicalJson } from '../../../src-shared/common/canonical-json';
import { isDomainError } from '../../../src-shared/common/domain-error';
import type { Opinion } from '../../../src-shared/opinion/opinion';
import { withReceivedAtDesc } from '../../../src-shared/opinion/opinion';
import {
  assertOpinionEditable,
  editableOpinionFields,
  opinionIntakeFields,
} from '../../../src-shared/opinion/opinion-editing';
import { fieldsNotOwnedBy, initialStatuses, isTransitionAllowed } from '../../../src-shared/ownership/field-ownership';
import type { ReceptionDay } from '../../../src-shared/reception-day/reception-day';
import {
  assertReceptionDayEditable,
  isReceptionDayEditable,
  receptionDayPlanFields,
} from '../../../src-shared/reception-day/reception-day-editing';
import { validateDocument } from '../../../src-shared/validation/validate';
import type { DomainRules, EditRefusal } from './push-decision';

/** Errors of derived fields, which the schema cannot express: an opinion's sort key must follow its `receivedAt`. */
function derivedFieldErrors(collection: SyncedCollection, body: Record<string, unknown>): FieldError[] {
  if (collection !== 'opinions' || typeof body.receivedAt !== 'string') return [];
  const expected = withReceivedAtDesc({ receivedAt: body.receivedAt }).receivedAtDesc;
  if (body.receivedAtDesc === expected) return [];
  return [
    {
      field: 'receivedAtDesc',
      code: 'derivedMismatch',
      message: '排序键（receivedAtDesc）与接收时间不一致，请升级联络站客户端后再同步',
    },
  ];
}

/** Top-level fields among `fields` whose content differs between the two states. */
function changedFields(
  fields: readonly string[],
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): string[] {
  return fields.filter((field) => canonicalJson(before[field] ?? null) !== canonicalJson(after[field] ?? null));
}

/** The shared assert's refusal (code and Chinese message) for the locked `fields`. */
function refusal(assert: () => void, fields: string[]): EditRefusal | null {
  try {
    assert();
    return null;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return { code: error.code, message: error.message, fields };
  }
}

export const domainRules: DomainRules = {
  validate(collection, body) {
    const errors = validateDocument(collection, body).errors.map((e) => ({
      field: e.field,
      code: e.code,
      message: e.message,
    }));
    return errors.length > 0 ? errors : derivedFieldErrors(collection, body);
  },
  fieldsNotOwned(collection, role, before, after) {
    return fieldsNotOwnedBy(collection, role, before, after);
  },
  transitionAllowed(collection: SyncedCollection, from, to, role) {
    if (from !== null) return isTransitionAllowed(collection, from, to, role);
    // A new record may arrive already past its first status: a station that worked offline pushes only its
    // latest state (recorded → submitted). It counts as created in the initial status, then moved by the station.
    const initial = initialStatuses[collection];
    if (initial === undefined) return false;
    if (to === initial) return isTransitionAllowed(collection, undefined, to, role);
    return role === 'station' && isTransitionAllowed(collection, initial, to, role);
  },
  editRefused(collection, role, before, after) {
    // The station's edit rules judge a change by the stored state it starts from: an offline edit made while the
    // opinion was recorded may arrive together with its submission.
    if (role !== 'station' || before === null) return null;
    if (collection === 'opinions') {
      const current = before as unknown as Opinion;
      const allowed = new Set<string>(editableOpinionFields(current));
      const locked = changedFields(opinionIntakeFields, before, after).filter((field) => !allowed.has(field));
      return locked.length === 0 ? null : refusal(() => assertOpinionEditable(current, locked), locked);
    }
    if (collection === 'receptionDays') {
      const current = before as unknown as ReceptionDay;
      if (isReceptionDayEditable(current)) return null;
      const locked = changedFields(receptionDayPlanFields, before, after);
      return locked.length === 0 ? null : refusal(() => assertReceptionDayEditable(current), locked);
    }
    return null;
  },
};
