// The server's domain rules, taken from src-shared (schemas, field ownership, lifecycles): nothing re-declared here.
import { fieldsNotOwnedBy, initialStatuses, isTransitionAllowed } from '../../../src-shared/ownership/field-ownership';
import type { SyncedCollection } from '../../../src-shared/sync/protocol';
import { validateDocument } from '../../../src-shared/validation/validate';
import type { DomainRules } from './push-decision';

export const domainRules: DomainRules = {
  validate(collection, body) {
    return validateDocument(collection, body).errors.map((e) => ({ field: e.field, code: e.code, message: e.message }));
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
};
