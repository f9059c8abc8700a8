// Visitor opinions (群众意见建议): create, edit, lifecycle commands and indexed list queries.
import type { MangoQuery, MangoQuerySelector, MangoQuerySortPart } from 'rxdb';
import { combineLatest, map, type Observable } from 'rxjs';
import type { Actor } from '../../../src-shared/common/lifecycle';
import {
  type Opinion,
  type OpinionCategory,
  type OpinionStatus,
  receivedAtDescOf,
  withReceivedAtDesc,
} from '../../../src-shared/opinion/opinion';
import { assertOpinionEditable } from '../../../src-shared/opinion/opinion-editing';
import type { OpinionAction, OpinionCommand } from '../../../src-shared/opinion/opinion-lifecycle';
import type { LiaisonDatabase } from '../database';
import {
  escapeRegex,
  type Page,
  RecordRepository,
  type RepositoryOptions,
  type SortDirection,
} from './record-repository';

export interface OpinionFilter {
  status?: OpinionStatus | readonly OpinionStatus[];
  category?: OpinionCategory | readonly OpinionCategory[];
  representativeId?: string;
  stationId?: string;
  receptionDayId?: string;
  /** Received on or after this moment (ISO timestamp, or 'YYYY-MM-DD' = start of that day in Asia/Shanghai). */
  receivedFrom?: string;
  /** Received before the end of this day/moment (ISO timestamp, or 'YYYY-MM-DD' = whole day included). */
  receivedTo?: string;
  /** Words in the title or content (personal fields are encrypted and never searched). */
  text?: string;
}

export interface OpinionListQuery extends Page {
  filter?: OpinionFilter;
  sortBy?: 'receivedAt' | 'updatedAt';
  direction?: SortDirection;
}

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

/** A 'YYYY-MM-DD' day in Asia/Shanghai (UTC+8, no daylight saving) as the UTC ISO time of its start. */
export function startOfShanghaiDay(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}

function lowerBound(value: string): string {
  return dateOnly.test(value) ? startOfShanghaiDay(value) : new Date(value).toISOString();
}

function upperBoundExclusive(value: string): string {
  if (!dateOnly.test(value)) return new Date(new Date(value).getTime() + 1).toISOString();
  return new Date(new Date(`${value}T00:00:00+08:00`).getTime() + 86_400_000).toISOString();
}

/** A one-value list is an equality: only `$eq` lets the planner treat the field as fixed and keep the index order. */
function oneOrMany<T>(value: T | readonly T[]): { $eq: T } | { $in: T[] } {
  if (!Array.isArray(value)) return { $eq: value as T };
  const values = [...new Set(value as readonly T[])];
  return values.length === 1 ? { $eq: values[0] as T } : { $in: values };
}

/**
 * The Mango selector for a filter; its equality fields lead the compound indexes, so RxDB walks one index range.
 * `order` 'desc' (newest first, the default) bounds the dates on `receivedAtDesc`, whose ascending order is the
 * newest-first order; 'asc' bounds them on `receivedAt`.
 */
export function opinionSelector(
  filter: OpinionFilter = {},
  order: SortDirection = 'desc',
): MangoQuerySelector<Opinion> {
  const selector: Record<string, unknown> = {};
  if (filter.stationId !== undefined) selector.stationId = { $eq: filter.stationId };
  if (filter.status !== undefined) selector.status = oneOrMany(filter.status);
  if (filter.category !== undefined) selector.category = oneOrMany(filter.category);
  if (filter.representativeId !== undefined) selector.representativeId = { $eq: filter.representativeId };
  if (filter.receptionDayId !== undefined) selector.receptionDayId = { $eq: filter.receptionDayId };
  const from = filter.receivedFrom ? lowerBound(filter.receivedFrom) : undefined;
  const toExclusive = filter.receivedTo ? upperBoundExclusive(filter.receivedTo) : undefined;
  if (order === 'desc') {
    // Later times have smaller keys: 'from' is an upper bound of the key, 'to' (exclusive) a lower one.
    const range: Record<string, string> = {};
    if (toExclusive) range.$gt = receivedAtDescOf(toExclusive);
    if (from) range.$lte = receivedAtDescOf(from);
    // Without a range the index still serves the order; $gte '' keeps it an index range.
    selector.receivedAtDesc = Object.keys(range).length > 0 ? range : { $gte: '' };
  } else {
    const range: Record<string, string> = {};
    if (from) range.$gte = from;
    if (toExclusive) range.$lt = toExclusive;
    selector.receivedAt = Object.keys(range).length > 0 ? range : { $gte: '' };
  }
  const text = filter.text?.trim();
  if (text) {
    const pattern = escapeRegex(text);
    selector.$or = [{ title: { $regex: pattern, $options: 'i' } }, { content: { $regex: pattern, $options: 'i' } }];
  }
  return selector as MangoQuerySelector<Opinion>;
}

/** The Mango query of a list page: equality filters lead a compound index whose next field is the sort key. */
export function opinionListQuery(query: OpinionListQuery = {}): MangoQuery<Opinion> {
  const sortBy = query.sortBy ?? 'receivedAt';
  const direction = query.direction ?? 'desc';
  let sort: MangoQuerySortPart<Opinion>[];
  let selector: Record<string, unknown>;
  if (sortBy === 'receivedAt') {
    // Newest first = the ascending walk of receivedAtDesc: the index order is the sort order, so RxDB stops at the page.
    sort = (
      direction === 'desc' ? [{ receivedAtDesc: 'asc' }, { id: 'asc' }] : [{ receivedAt: 'asc' }, { id: 'asc' }]
    ) as MangoQuerySortPart<Opinion>[];
    selector = opinionSelector(query.filter, direction) as Record<string, unknown>;
  } else {
    sort = [{ updatedAt: direction }, { id: direction }] as MangoQuerySortPart<Opinion>[];
    selector = opinionSelector(query.filter, 'asc') as Record<string, unknown>;
    // Sorted by updatedAt, the receivedAt placeholder would pull the planner onto the wrong index.
    if (!query.filter?.receivedFrom && !query.filter?.receivedTo) delete selector.receivedAt;
  }
  return {
    selector: selector as MangoQuerySelector<Opinion>,
    sort,
    ...(query.limit !== undefined ? { limit: query.limit } : {}),
    ...(query.skip !== undefined ? { skip: query.skip } : {}),
  };
}

/** At most this many index walks answer one list with several statuses × categories; more fall back to one query. */
const maxSplitQueries = 12;

function valuesOf<T>(value: T | readonly T[] | undefined): T[] | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? [...new Set(value as readonly T[])] : [value as T];
}

/**
 * A filter with several statuses or categories, as one filter per combination: each walks its own index range in
 * list order and stops at the page, where one `$in` query would read the whole range between the values and sort it.
 * Null when one query is as good.
 */
export function splitOpinionFilter(filter: OpinionFilter = {}): OpinionFilter[] | null {
  const statuses = valuesOf(filter.status);
  const categories = valuesOf(filter.category);
  const combinations = (statuses?.length ?? 1) * (categories?.length ?? 1);
  if (combinations <= 1 || combinations > maxSplitQueries) return null;
  const out: OpinionFilter[] = [];
  for (const status of statuses ?? [undefined]) {
    for (const category of categories ?? [undefined]) {
      const part: OpinionFilter = { ...filter };
      delete part.status;
      delete part.category;
      if (status !== undefined) part.status = status;
      if (category !== undefined) part.category = category;
      out.push(part);
    }
  }
  return out;
}

/** Compares two opinions by a Mango sort (string fields), for merging the pages of split queries. */
function comparatorOf(sort: readonly MangoQuerySortPart<Opinion>[]): (a: Opinion, b: Opinion) => number {
  const parts = sort.flatMap((part) => Object.entries(part) as [keyof Opinion, 'asc' | 'desc'][]);
  return (a, b) => {
    for (const [field, dir] of parts) {
      const x = String(a[field] ?? '');
      const y = String(b[field] ?? '');
      if (x !== y) return (x < y ? -1 : 1) * (dir === 'asc' ? 1 : -1);
    }
    return 0;
  };
}

export class OpinionRepository extends RecordRepository<'opinions'> {
  constructor(db: LiaisonDatabase, options: RepositoryOptions = {}) {
    super(db, 'opinions', options);
  }

  /**
   * Stored times are UTC ISO strings so that string order is time order (indexes and range filters rely on it),
   * and the newest-first key always follows the time.
   */
  protected override normalize(doc: Opinion): Opinion {
    const time = Date.parse(doc.receivedAt);
    const receivedAt = Number.isNaN(time) ? doc.receivedAt : new Date(time).toISOString();
    return withReceivedAtDesc({ ...doc, receivedAt });
  }

  /** Intake fields lock once the opinion is submitted (see opinion-editing.ts); checked on the newest stored state. */
  protected override checkEdit(current: Opinion, changed: readonly string[]): void {
    assertOpinionEditable(current, changed);
  }

  /** Applies a lifecycle command (submit, answerOnSite, rate, …) atomically; refusals throw DomainError. */
  apply(id: string, command: OpinionCommand, actor: Actor): Promise<Opinion> {
    return this.applyLifecycleCommand(id, command, actor);
  }

  override allowedActions(record: Opinion, role: Actor['role']): OpinionAction[] {
    return super.allowedActions(record, role) as OpinionAction[];
  }

  /** A page of opinions, newest first by default, kept current. Several statuses/categories merge one walk each. */
  list$(query: OpinionListQuery = {}): Observable<Opinion[]> {
    const parts = splitOpinionFilter(query.filter);
    if (!parts) return this.find$(opinionListQuery(query));
    const skip = query.skip ?? 0;
    const end = query.limit === undefined ? undefined : skip + query.limit;
    const compare = comparatorOf(opinionListQuery(query).sort ?? []);
    // Each part needs at most skip + limit rows for the merged page to be right.
    const pages = parts.map((filter) =>
      this.find$(opinionListQuery({ ...query, filter, skip: 0, ...(end !== undefined ? { limit: end } : {}) })),
    );
    return combineLatest(pages).pipe(map((lists) => lists.flat().sort(compare).slice(skip, end)));
  }

  /** How many opinions match (for paging and counters), kept current; counted from the index unless text is searched. */
  count$(filter: OpinionFilter = {}): Observable<number> {
    const parts = splitOpinionFilter(filter);
    if (!parts) return this.countWhere$(opinionSelector(filter));
    return combineLatest(parts.map((part) => this.countWhere$(opinionSelector(part)))).pipe(
      map((counts) => counts.reduce((sum, n) => sum + n, 0)),
    );
  }
}
