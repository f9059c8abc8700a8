// Station activities (八项活动): record, edit and list by type and date.
import type { MangoQuerySelector } from 'rxdb';
import type { Observable } from 'rxjs';
import type { Activity, ActivityType } from '../../../src-shared/activity/activity';
import type { LiaisonDatabase } from '../database';
import { dateRangeSelector } from './date-range';
import { type Page, RecordRepository, type RepositoryOptions, type SortDirection } from './record-repository';

export interface ActivityFilter {
  type?: ActivityType | readonly ActivityType[];
  stationId?: string;
  /** 'YYYY-MM-DD', inclusive. */
  dateFrom?: string;
  dateTo?: string;
}

export interface ActivityListQuery extends Page {
  filter?: ActivityFilter;
  direction?: SortDirection;
}

export function activitySelector(filter: ActivityFilter = {}): MangoQuerySelector<Activity> {
  const selector: Record<string, unknown> = {};
  if (filter.type !== undefined) {
    selector.type = Array.isArray(filter.type) ? { $in: [...filter.type] } : { $eq: filter.type };
  }
  if (filter.stationId) selector.stationId = { $eq: filter.stationId };
  selector.date = dateRangeSelector(filter.dateFrom, filter.dateTo);
  return selector as MangoQuerySelector<Activity>;
}

export class ActivityRepository extends RecordRepository<'activities'> {
  constructor(db: LiaisonDatabase, options: RepositoryOptions = {}) {
    super(db, 'activities', options);
  }

  list$(query: ActivityListQuery = {}): Observable<Activity[]> {
    const direction = query.direction ?? 'desc';
    return this.find$({
      selector: activitySelector(query.filter),
      sort: [{ date: direction }, { id: direction }],
      ...(query.limit !== undefined ? { limit: query.limit } : {}),
      ...(query.skip !== undefined ? { skip: query.skip } : {}),
    });
  }

  count$(filter: ActivityFilter = {}): Observable<number> {
    return this.countWhere$(activitySelector(filter));
  }
}
