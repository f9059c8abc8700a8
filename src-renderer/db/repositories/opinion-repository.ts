// Visitor opinions (群众意见建议): create, edit, lifecycle commands and indexed list queries.
import type { MangoQuery, MangoQuerySelector, MangoQuerySortPart } from 'rxdb';
import type { Observable } from 'rxjs';
import type { Actor } from '../../../src-shared/common/lifecycle';
import type { Opinion, OpinionCategory, OpinionStatus } from '../../../src-shared/opinion/opinion';
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

function oneOrMany<T>(value: T | readonly T[]): { $eq: T } | { $in: T[] } {
  return Array.isArray(value) ? { $in: [...(value as readonly T[])] } : { $eq: value as T };
}

/** The Mango selector for a filter; its equality fields lead the compound indexes, so RxDB walks an index. */
export function opinionSelector(filter: OpinionFilter = {}): MangoQuerySelector<Opinion> {
  const selector: Record<string, unknown> = {};
  if (filter.status !== undefined) selector.status = oneOrMany(filter.status);
  if (filter.category !== undefined) selector.category = oneOrMany(filter.category);
  if (filter.representativeId !== undefined) selector.representativeId = { $eq: filter.representativeId };
  if (filter.stationId !== undefined) selector.stationId = { $eq: filter.stationId };
  if (filter.receptionDayId !== undefined) selector.receptionDayId = { $eq: filter.receptionDayId };
  const range: Record<string, string> = {};
  if (filter.receivedFrom) range.$gte = lowerBound(filter.receivedFrom);
  if (filter.receivedTo) range.$lt = upperBoundExclusive(filter.receivedTo);
  // Without a range the index on receivedAt still serves the sort; $gte '' keeps it an index range.
  selector.receivedAt = Object.keys(range).length > 0 ? range : { $gte: '' };
  const text = filter.text?.trim();
  if (text) {
    const pattern = escapeRegex(text);
    selector.$or = [{ title: { $regex: pattern, $options: 'i' } }, { content: { $regex: pattern, $options: 'i' } }];
  }
  return selector as MangoQuerySelector<Opinion>;
}

/** The Mango query of a list page: equality filters lead a compound index whose second field is the sort field. */
export function opinionListQuery(query: OpinionListQuery = {}): MangoQuery<Opinion> {
  const sortBy = query.sortBy ?? 'receivedAt';
  const direction = query.direction ?? 'desc';
  const sort = [{ [sortBy]: direction }, { id: direction }] as MangoQuerySortPart<Opinion>[];
  const selector = opinionSelector(query.filter) as Record<string, unknown>;
  // Sorted by updatedAt, the receivedAt placeholder would pull the planner onto the wrong index.
  if (sortBy === 'updatedAt' && !query.filter?.receivedFrom && !query.filter?.receivedTo) delete selector.receivedAt;
  return {
    selector: selector as MangoQuerySelector<Opinion>,
    sort,
    ...(query.limit !== undefined ? { limit: query.limit } : {}),
    ...(query.skip !== undefined ? { skip: query.skip } : {}),
  };
}

export class OpinionRepository extends RecordRepository<'opinions'> {
  constructor(db: LiaisonDatabase, options: RepositoryOptions = {}) {
    super(db, 'opinions', options);
  }

  /** Stored times are UTC ISO strings so that string order is time order (indexes and range filters rely on it). */
  protected override normalize(doc: Opinion): Opinion {
    const time = Date.parse(doc.receivedAt);
    return Number.isNaN(time) ? doc : { ...doc, receivedAt: new Date(time).toISOString() };
  }

  /** Applies a lifecycle command (submit, answerOnSite, rate, …) atomically; refusals throw DomainError. */
  apply(id: string, command: OpinionCommand, actor: Actor): Promise<Opinion> {
    return this.applyLifecycleCommand(id, command, actor);
  }

  override allowedActions(record: Opinion, role: Actor['role']): OpinionAction[] {
    return super.allowedActions(record, role) as OpinionAction[];
  }

  /** A page of opinions, newest first by default, kept current. */
  list$(query: OpinionListQuery = {}): Observable<Opinion[]> {
    return this.find$(opinionListQuery(query));
  }

  /** How many opinions match (for paging and counters), kept current. */
  count$(filter: OpinionFilter = {}): Observable<number> {
    return this.countWhere$(opinionSelector(filter));
  }
}
