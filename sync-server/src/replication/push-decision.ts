// Deciding a push batch (pure): idempotent resends, conflicts, validation, scope, field ownership, transitions.

import type { FieldError } from '../../../src-shared/api/errors';
import type { PushRow, SyncedCollection, WireDocument } from '../../../src-shared/api/sync-protocol';
import { canonicalJson } from '../../../src-shared/common/canonical-json';
import type { Role } from '../../../src-shared/common/document';
import type { Caller } from '../plugins/auth';
import { forbidden, HttpError } from '../plugins/errors';
import type { DocumentWrite, StoredDocument } from '../store/store';
import { inScope, isReferenceCollection, owningStationId, readScope } from './scope';

export type WireBody = WireDocument<Record<string, unknown>>;

/** The domain rules the server enforces, taken from src-shared (see domain-rules.ts). */
export interface DomainRules {
  /** Errors of a document (without `_deleted`) against the collection's schema; empty when valid. */
  validate(collection: SyncedCollection, body: Record<string, unknown>): FieldError[];
  /** Fields changed from `before` (null: a new record) to `after` that `role` does not own. */
  fieldsNotOwned(
    collection: SyncedCollection,
    role: Role,
    before: Record<string, unknown> | null,
    after: Record<string, unknown>,
  ): string[];
  /** Whether `role` may move a record of the collection from `from` (null: a new record) to `to`. */
  transitionAllowed(collection: SyncedCollection, from: string | null, to: string, role: Role): boolean;
  /** Why `role` may not make this change to a stored record (locked fields), or null when it may. */
  editRefused(
    collection: SyncedCollection,
    role: Role,
    before: Record<string, unknown> | null,
    after: Record<string, unknown>,
  ): EditRefusal | null;
}

/** A change the edit rules refuse: the shared rule's code and Chinese message, and the locked fields. */
export interface EditRefusal {
  code: string;
  message: string;
  fields: string[];
}

export function roleOf(caller: Caller): Role {
  return caller.kind === 'station' ? 'station' : 'county';
}

export function toWire(doc: StoredDocument): WireBody {
  return { ...doc.body, _deleted: doc.deleted };
}

function withoutDeleted(doc: WireBody): Record<string, unknown> {
  const { _deleted, ...body } = doc;
  return body;
}

function sameState(a: WireBody | null | undefined, b: WireBody | null | undefined): boolean {
  if (!a || !b) return false;
  return (
    canonicalJson(withoutDeleted(a)) === canonicalJson(withoutDeleted(b)) && Boolean(a._deleted) === Boolean(b._deleted)
  );
}

function statusOf(body: Record<string, unknown> | null): string | null {
  const status = body?.status;
  return typeof status === 'string' ? status : null;
}

export interface PushContext {
  collection: SyncedCollection;
  caller: Caller;
  rules: DomainRules;
  /** County of each station named by the batch (for county staff writing station records). */
  stationCounties: ReadonlyMap<string, string>;
}

/**
 * Decides one push batch against the current masters. Returns the writes and the conflicting master states;
 * throws an HttpError (400/403) to refuse the whole batch, so nothing from it is stored.
 */
export function decidePush(
  ctx: PushContext,
  rows: readonly PushRow<Record<string, unknown>>[],
  masters: ReadonlyMap<string, StoredDocument>,
): { writes: DocumentWrite[]; result: WireBody[] } {
  const { collection, caller, rules } = ctx;
  const role = roleOf(caller);
  const scope = readScope(caller, collection);
  // The batch's own writes count as masters for later rows with the same id.
  const current = new Map<string, { stationId: string | null; countyId: string; wire: WireBody }>();
  for (const [id, doc] of masters)
    current.set(id, { stationId: doc.stationId, countyId: doc.countyId, wire: toWire(doc) });
  const writes: DocumentWrite[] = [];
  const conflicts: WireBody[] = [];

  rows.forEach((row, index) => {
    const next = row.newDocumentState;
    const id = next.id;
    if (typeof id !== 'string' || id.length === 0) {
      throw new HttpError(400, 'validation_failed', `第 ${index + 1} 条记录缺少编号，请升级客户端后重试`, {
        row: index,
        fields: [{ field: 'id', code: 'required', message: '缺少编号' }],
      });
    }
    const master = current.get(id) ?? null;
    if (master && !inScope(scope, master)) {
      // Do not reveal the other record (not even as a conflict).
      throw forbidden('out_of_scope', '该记录不属于本联络站或本县，不能修改；请检查数据来源', { row: index, id });
    }
    if (master && sameState(master.wire, next)) return; // a resend of what is stored: not a conflict, no new seq
    const assumed = row.assumedMasterState ?? null;
    if (master && !sameState(master.wire, assumed)) {
      conflicts.push(master.wire);
      return;
    }

    const body = withoutDeleted(next);
    const fieldErrors = rules.validate(collection, body);
    if (fieldErrors.length > 0) {
      throw new HttpError(400, 'validation_failed', `第 ${index + 1} 条记录填写有误，请按提示修改后再同步`, {
        row: index,
        id,
        fields: fieldErrors,
      });
    }

    const countyId = body.countyId as string;
    const stationId = owningStationId(collection, body);
    if (caller.kind === 'station') {
      if (isReferenceCollection(collection)) {
        throw forbidden(
          'read_only_collection',
          '联络站不能修改参考数据（联络站、代表、承办单位），请联系县人大常委会',
          {
            row: index,
            id,
          },
        );
      }
      if (stationId !== caller.stationId || countyId !== caller.countyId) {
        throw forbidden('out_of_scope', '只能上传本联络站的记录，请检查记录所属联络站', { row: index, id });
      }
    } else {
      if (countyId !== caller.countyId) {
        throw forbidden('out_of_scope', '只能修改本县(市、区)的记录', { row: index, id });
      }
      if (
        !isReferenceCollection(collection) &&
        (stationId === null || ctx.stationCounties.get(stationId) !== countyId)
      ) {
        throw forbidden('out_of_scope', '记录所属联络站不在本县(市、区)', { row: index, id });
      }
    }
    if (master && (master.stationId !== stationId || master.countyId !== countyId)) {
      throw forbidden('record_moved', '不能更改记录所属的联络站或县(市、区)', { row: index, id });
    }

    const before = master ? withoutDeleted(master.wire) : null;
    const notOwned = rules.fieldsNotOwned(collection, role, before, body);
    if (notOwned.length > 0) {
      throw forbidden(
        'field_not_owned',
        `${caller.kind === 'station' ? '联络站' : '县级'}无权修改以下字段：${notOwned.join('、')}`,
        { row: index, id, fields: notOwned },
      );
    }
    const refused = rules.editRefused(collection, role, before, body);
    if (refused) {
      throw forbidden(refused.code, refused.message, { row: index, id, fields: refused.fields });
    }
    const fromStatus = statusOf(before);
    const toStatus = statusOf(body);
    if (
      toStatus !== null &&
      toStatus !== fromStatus &&
      !rules.transitionAllowed(collection, fromStatus, toStatus, role)
    ) {
      throw forbidden(
        'transition_not_allowed',
        `${caller.kind === 'station' ? '联络站' : '县级'}不能把状态从 ${fromStatus ?? '（新建）'} 改为 ${toStatus}`,
        { row: index, id, from: fromStatus, to: toStatus },
      );
    }

    writes.push({ id, stationId, countyId, deleted: Boolean(next._deleted), body });
    current.set(id, { stationId, countyId, wire: { ...body, _deleted: Boolean(next._deleted) } });
  });
  return { writes, result: conflicts };
}
