// The shared core of the record repositories: create, update and lifecycle commands, atomic, with history.
import type { MangoQuery, MangoQuerySelector, RxCollection, RxDocument } from 'rxdb';
import { map, type Observable } from 'rxjs';
import type { StationCollection } from '../../../src-shared/api/sync-protocol';
import { type CollectionDocuments, collectionDefinitions } from '../../../src-shared/collections';
import { jsonEqual } from '../../../src-shared/common/canonical-json';
import type { HistoryEntry, StationRecord } from '../../../src-shared/common/document';
import { DomainError } from '../../../src-shared/common/domain-error';
import { newId } from '../../../src-shared/common/ids';
import type { Label } from '../../../src-shared/common/labels';
import {
  type Actor,
  allowedActions,
  applyCommand,
  type Command,
  type LifecycleRecord,
} from '../../../src-shared/common/lifecycle';
import { fieldsNotOwnedBy, initialStatuses } from '../../../src-shared/ownership/field-ownership';
import { validateDocument } from '../../../src-shared/validation/validate';
import type { LiaisonDatabase } from '../database';
import { getLocalSetting } from '../local-settings';
import { RecordValidationError, recordNotFound, stationNotEnrolled } from './record-errors';

export interface RepositoryOptions {
  /** The clock (tests pass a fixed one). */
  now?: () => Date;
}

/** Fields the repository sets itself (or derives, like an opinion's `receivedAtDesc`); callers never pass them. */
export type ManagedField =
  | 'id'
  | 'countyId'
  | 'stationId'
  | 'createdAt'
  | 'updatedAt'
  | 'history'
  | 'status'
  | 'receivedAtDesc';

/** What a form passes to `create`: the record without managed fields (station and county default to this station's). */
export type CreateInput<T extends StationRecord> = Omit<T, ManagedField> & Partial<Pick<T, 'stationId' | 'countyId'>>;

/** What a form passes to `update`: changed fields; `undefined` removes an optional field. Status moves only by command. */
export type UpdatePatch<T> = Partial<Omit<T, ManagedField>>;

export type SortDirection = 'asc' | 'desc';

/** Paging for lists: `limit` rows after skipping `skip`. */
export interface Page {
  limit?: number;
  skip?: number;
}

type Doc<C extends StationCollection> = CollectionDocuments[C];

/** Plain JSON of a document, without RxDB's `_` fields. */
export function plain<T>(doc: RxDocument<T>): T {
  return doc.toMutableJSON(false) as T;
}

/** Escapes user text for a case-insensitive `$regex` search. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function withoutRxdbFields<T>(data: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data as Record<string, unknown>))
    if (!key.startsWith('_')) out[key] = value;
  return out as T;
}

/** Keeps RxDB's `_` fields of `stored` and replaces the rest with `next` (for incrementalModify). */
function withRxdbFieldsOf<T>(stored: T, next: T): T {
  const out: Record<string, unknown> = { ...(next as Record<string, unknown>) };
  for (const [key, value] of Object.entries(stored as Record<string, unknown>))
    if (key.startsWith('_')) out[key] = value;
  return out as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The Chinese labels of the changed fields, for the history note. A changed object whose parts have labels
 * (visitor.phone → 联系电话) is named by the parts that changed. Names only: values (personal data) never enter history.
 */
export function labelsOfChanges(
  definition: { fieldLabels: Readonly<Record<string, Label>>; nestedFieldLabels: Readonly<Record<string, Label>> },
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  changed: readonly string[],
): string[] {
  const labels: string[] = [];
  for (const field of changed) {
    const b = before[field];
    const a = after[field];
    const parts =
      isPlainObject(b) || isPlainObject(a)
        ? [...new Set([...Object.keys(isPlainObject(b) ? b : {}), ...Object.keys(isPlainObject(a) ? a : {})])].filter(
            (part) => !jsonEqual(isPlainObject(b) ? b[part] : undefined, isPlainObject(a) ? a[part] : undefined),
          )
        : [];
    const partLabels = parts.map((part) => definition.nestedFieldLabels[`${field}.${part}`]?.['zh-CN']);
    if (parts.length > 0 && partLabels.every((label) => label !== undefined)) labels.push(...(partLabels as string[]));
    else labels.push(definition.fieldLabels[field]?.['zh-CN'] ?? field);
  }
  return [...new Set(labels)];
}

export class RecordRepository<C extends StationCollection> {
  protected readonly now: () => Date;

  constructor(
    protected readonly db: LiaisonDatabase,
    readonly collectionName: C,
    options: RepositoryOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  get collection(): RxCollection<Doc<C>> {
    return this.db.collections[this.collectionName] as unknown as RxCollection<Doc<C>>;
  }

  protected get label(): string {
    return collectionDefinitions[this.collectionName].schema.description ?? this.collectionName;
  }

  protected nowIso(): string {
    return this.now().toISOString();
  }

  protected historyEntry(actor: Actor, action: string, extra: Partial<HistoryEntry> = {}): HistoryEntry {
    return { id: newId(this.now().getTime()), at: this.nowIso(), by: actor.name, role: actor.role, action, ...extra };
  }

  /** Throws RecordValidationError (Chinese message per field) unless `doc` satisfies the collection's schema. */
  protected validate(doc: Doc<C>): void {
    const result = validateDocument(this.collectionName, withoutRxdbFields(doc));
    if (!result.valid) throw new RecordValidationError(result.errors);
  }

  protected checkOwnership(actor: Actor, before: Doc<C> | null, after: Doc<C>): void {
    const refused = fieldsNotOwnedBy(this.collectionName, actor.role, before, withoutRxdbFields(after));
    if (refused.length === 0) return;
    const labels = refused.map((f) => collectionDefinitions[this.collectionName].fieldLabels[f]?.['zh-CN'] ?? f);
    throw new DomainError({
      code: 'field_not_owned',
      message: `您的角色不能修改“${labels.join('、')}”，请联系负责的工作人员`,
      messageEn: `Role ${actor.role} may not write: ${refused.join(', ')}`,
      ...(refused[0] ? { field: refused[0] } : {}),
    });
  }

  /** Hook for record types that derive fields on create (e.g. case numbers). */
  protected async prepareCreate(doc: Doc<C>): Promise<Doc<C>> {
    return doc;
  }

  /** Hook for record types that normalise fields (e.g. timestamps) before validation. */
  protected normalize(doc: Doc<C>): Doc<C> {
    return doc;
  }

  /** Creates a record: id, timestamps, initial status and a 'create' history entry; validated, or nothing is stored. */
  async create(input: CreateInput<Doc<C>>, actor: Actor): Promise<Doc<C>> {
    const identity = input.stationId && input.countyId ? null : await getLocalSetting(this.db, 'station-identity');
    const stationId = input.stationId ?? identity?.stationId;
    const countyId = input.countyId ?? identity?.countyId;
    if (!stationId || !countyId) throw stationNotEnrolled();
    const now = this.nowIso();
    const status = initialStatuses[this.collectionName];
    const draft = {
      ...input,
      id: newId(this.now().getTime()),
      stationId,
      countyId,
      createdAt: now,
      updatedAt: now,
      ...(status ? { status } : {}),
      history: [this.historyEntry(actor, 'create', status ? { to: status } : {})],
    } as unknown as Doc<C>;
    const doc = this.normalize(await this.prepareCreate(draft));
    this.validate(doc);
    this.checkOwnership(actor, null, doc);
    await this.collection.insert(doc as never);
    return doc;
  }

  protected async getDocument(id: string): Promise<RxDocument<Doc<C>>> {
    const doc = await this.collection.findOne(id).exec();
    if (!doc) throw recordNotFound(this.label, id);
    return doc as RxDocument<Doc<C>>;
  }

  /**
   * Runs `change` on the newest stored state and writes the result in one step (RxDB incrementalModify):
   * a refusal thrown by `change` or by validation leaves the stored record untouched.
   */
  protected async modify(id: string, change: (current: Doc<C>) => Doc<C>): Promise<Doc<C>> {
    const doc = await this.getDocument(id);
    const updated = await doc.incrementalModify((stored) => {
      const next = this.normalize(change(withoutRxdbFields(stored as Doc<C>)));
      this.validate(next);
      return withRxdbFieldsOf(stored, next) as never;
    });
    return plain(updated as RxDocument<Doc<C>>);
  }

  /** Hook for record types whose fields lock by status (opinions after submission, reception days once held). */
  protected checkEdit(_current: Doc<C>, _changed: readonly string[]): void {}

  /**
   * Edits fields (never status: use `apply`); appends an 'update' history entry naming the changed fields.
   * `alsoChanged` names changes stored elsewhere (e.g. '照片' for photos added with the edit) for the same entry.
   */
  async update(
    id: string,
    patch: UpdatePatch<Doc<C>>,
    actor: Actor,
    options: { alsoChanged?: readonly string[] } = {},
  ): Promise<Doc<C>> {
    const managed: string[] = [
      'id',
      'countyId',
      'stationId',
      'createdAt',
      'updatedAt',
      'history',
      'status',
      'receivedAtDesc',
    ];
    const forbidden = Object.keys(patch).filter((key) => managed.includes(key) || key.startsWith('_'));
    if (forbidden.length > 0) {
      throw new DomainError({
        code: 'field_not_editable',
        message: `“${forbidden.join('、')}”不能直接修改${forbidden.includes('status') ? '，请使用办理操作改变状态' : ''}`,
        messageEn: `Fields cannot be edited directly: ${forbidden.join(', ')}`,
        ...(forbidden[0] ? { field: forbidden[0] } : {}),
      });
    }
    return this.modify(id, (current) => {
      const next: Record<string, unknown> = { ...(current as unknown as Record<string, unknown>) };
      const changed: string[] = [];
      for (const [key, value] of Object.entries(patch)) {
        if (jsonEqual(next[key], value)) continue;
        changed.push(key);
        if (value === undefined) delete next[key];
        else next[key] = value;
      }
      const also = options.alsoChanged ?? [];
      if (changed.length === 0 && also.length === 0) return current;
      this.checkEdit(current, changed);
      const labels = [
        ...labelsOfChanges(
          collectionDefinitions[this.collectionName],
          current as unknown as Record<string, unknown>,
          next,
          changed,
        ),
        ...also,
      ];
      next.updatedAt = this.nowIso();
      next.history = [...current.history, this.historyEntry(actor, 'update', { note: `修改：${labels.join('、')}` })];
      const result = next as unknown as Doc<C>;
      this.checkOwnership(actor, current, result);
      return result;
    });
  }

  /** Applies a lifecycle command with the shared lifecycle, atomically; appends the history entry it produces. */
  protected async applyLifecycleCommand(id: string, command: Command<string, Doc<C>>, actor: Actor): Promise<Doc<C>> {
    const lifecycle = collectionDefinitions[this.collectionName].lifecycle;
    if (!lifecycle) {
      throw new DomainError({
        code: 'no_lifecycle',
        message: `${this.label}没有办理流程`,
        messageEn: `${this.collectionName} has no lifecycle`,
      });
    }
    return this.modify(id, (current) => {
      const record = current as unknown as LifecycleRecord<string>;
      const next = applyCommand(
        lifecycle,
        record,
        command as unknown as Command<string, LifecycleRecord<string>>,
        actor,
        this.nowIso(),
        newId(this.now().getTime()),
      );
      return next as unknown as Doc<C>;
    });
  }

  /** Actions the role may take on the record now (for buttons). */
  allowedActions(record: Doc<C>, role: Actor['role']): string[] {
    const lifecycle = collectionDefinitions[this.collectionName].lifecycle;
    return lifecycle ? allowedActions(lifecycle, record as unknown as LifecycleRecord<string>, role) : [];
  }

  /**
   * Returns the personal fields (visitor, parties) and records who looked, in the history. Screens show personal
   * fields masked (shared masking) and call this when the clerk asks to see them: every reveal is accountable.
   */
  async revealPersonalData(id: string, actor: Actor, note?: string): Promise<Partial<Doc<C>>> {
    const fields = collectionDefinitions[this.collectionName].personalFields as readonly string[];
    const updated = await this.modify(id, (current) => ({
      ...current,
      history: [...current.history, this.historyEntry(actor, 'revealPersonalData', note ? { note } : {})],
    }));
    const values: Record<string, unknown> = {};
    for (const field of fields) values[field] = (updated as unknown as Record<string, unknown>)[field];
    return values as Partial<Doc<C>>;
  }

  async get(id: string): Promise<Doc<C> | null> {
    const doc = await this.collection.findOne(id).exec();
    return doc ? plain(doc as RxDocument<Doc<C>>) : null;
  }

  /** One record, kept current; null when it does not exist. */
  byId$(id: string): Observable<Doc<C> | null> {
    return this.collection.findOne(id).$.pipe(map((doc) => (doc ? plain(doc as RxDocument<Doc<C>>) : null)));
  }

  protected find$(query: MangoQuery<Doc<C>>): Observable<Doc<C>[]> {
    return this.collection.find(query).$.pipe(map((docs) => docs.map((d) => plain(d as RxDocument<Doc<C>>))));
  }

  protected countWhere$(selector: MangoQuerySelector<Doc<C>>): Observable<number> {
    return this.collection.count({ selector }).$;
  }
}
