// Reception days (接待日): plan, edit, hold or cancel, and list by date.
import type { MangoQuerySelector } from 'rxdb';
import type { Observable } from 'rxjs';
import type { Actor } from '../../../src-shared/common/lifecycle';
import type { ReceptionDay, ReceptionDayStatus } from '../../../src-shared/reception-day/reception-day';
import {
  assertReceptionDayEditable,
  type ReceptionDayPlanField,
  receptionDayNoticeFields,
  receptionDayPlanFields,
} from '../../../src-shared/reception-day/reception-day-editing';
import type {
  ReceptionDayAction,
  ReceptionDayCommand,
} from '../../../src-shared/reception-day/reception-day-lifecycle';
import type { LiaisonDatabase } from '../database';
import { dateRangeSelector } from './date-range';
import { type Page, RecordRepository, type RepositoryOptions, type SortDirection } from './record-repository';

export interface ReceptionDayFilter {
  status?: ReceptionDayStatus;
  stationId?: string;
  /** 'YYYY-MM-DD', inclusive. */
  dateFrom?: string;
  dateTo?: string;
}

export interface ReceptionDayListQuery extends Page {
  filter?: ReceptionDayFilter;
  direction?: SortDirection;
}

export function receptionDaySelector(filter: ReceptionDayFilter = {}): MangoQuerySelector<ReceptionDay> {
  const selector: Record<string, unknown> = {};
  if (filter.status) selector.status = { $eq: filter.status };
  if (filter.stationId) selector.stationId = { $eq: filter.stationId };
  selector.date = dateRangeSelector(filter.dateFrom, filter.dateTo);
  return selector as MangoQuerySelector<ReceptionDay>;
}

export class ReceptionDayRepository extends RecordRepository<'receptionDays'> {
  constructor(db: LiaisonDatabase, options: RepositoryOptions = {}) {
    super(db, 'receptionDays', options);
  }

  /** The plan (date, time, place, representatives, topic, notes) changes only while the day is planned. */
  protected override checkEdit(current: ReceptionDay, changed: readonly string[]): void {
    if (changed.some((field) => (receptionDayPlanFields as readonly string[]).includes(field))) {
      assertReceptionDayEditable(current);
    }
  }

  /**
   * Re-plans a planned day. When a printed notice shows a changed date, time, place, representative or topic, the
   * notice is marked as not posted, so the clerk prints it again.
   */
  replan(id: string, patch: Partial<Pick<ReceptionDay, ReceptionDayPlanField>>, actor: Actor): Promise<ReceptionDay> {
    return this.get(id).then((current) => {
      const noticeChanged =
        current?.announcedAt !== undefined &&
        receptionDayNoticeFields.some(
          (field) => field in patch && JSON.stringify(patch[field]) !== JSON.stringify(current[field]),
        );
      return this.update(id, noticeChanged ? { ...patch, announcedAt: undefined } : patch, actor);
    });
  }

  /** hold (with representatives present and visitor count) or cancel (with a reason), atomically. */
  apply(id: string, command: ReceptionDayCommand, actor: Actor): Promise<ReceptionDay> {
    return this.applyLifecycleCommand(id, command, actor);
  }

  override allowedActions(record: ReceptionDay, role: Actor['role']): ReceptionDayAction[] {
    return super.allowedActions(record, role) as ReceptionDayAction[];
  }

  /** Marks the day's notice (接待日公告) as posted. */
  markAnnounced(id: string, actor: Actor): Promise<ReceptionDay> {
    return this.update(id, { announcedAt: this.nowIso() }, actor);
  }

  /** Reception days by date (newest first by default), kept current. */
  list$(query: ReceptionDayListQuery = {}): Observable<ReceptionDay[]> {
    const direction = query.direction ?? 'desc';
    return this.find$({
      selector: receptionDaySelector(query.filter),
      sort: [{ date: direction }, { id: direction }],
      ...(query.limit !== undefined ? { limit: query.limit } : {}),
      ...(query.skip !== undefined ? { skip: query.skip } : {}),
    });
  }

  count$(filter: ReceptionDayFilter = {}): Observable<number> {
    return this.countWhere$(receptionDaySelector(filter));
  }
}
