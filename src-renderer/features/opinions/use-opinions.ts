// RxDB-backed hooks of the opinions feature: the filtered list, one opinion, its photos, the repository.
import { useMemo } from 'react';
import { map } from 'rxjs';
import type { Opinion, OpinionCategory, OpinionStatus } from '../../../src-shared/opinion/opinion';
import type { Photo } from '../../../src-shared/photo/photo';
import { useDatabase, useStationProfile } from '../../app/app-context';
import { type OpinionFilter, OpinionRepository } from '../../db/repositories/opinion-repository';
import { useRxQueryResult } from '../../db/use-rx';
import type { OpinionFilters } from '../../state/opinion-filter-store';
import { useOpinionFilterStore } from '../../state/opinion-filter-store';

export function useOpinionRepository(): OpinionRepository {
  const database = useDatabase();
  return useMemo(() => new OpinionRepository(database), [database]);
}

/** The list filters of the store as the repository's filter (station-scoped). */
export function toOpinionFilter(stationId: string, filters: OpinionFilters): OpinionFilter {
  const filter: OpinionFilter = { stationId };
  if (filters.status.length > 0) filter.status = filters.status as OpinionStatus[];
  if (filters.category.length > 0) filter.category = filters.category as OpinionCategory[];
  if (filters.representativeId) filter.representativeId = filters.representativeId;
  if (filters.dateFrom) filter.receivedFrom = filters.dateFrom;
  if (filters.dateTo) filter.receivedTo = filters.dateTo;
  if (filters.text.trim()) filter.text = filters.text.trim();
  return filter;
}

/**
 * The first `limit` opinions matching the list filters and how many match in all, kept current. The page comes from
 * one index walk that stops at the page; the total of a text search needs every row read, so it follows later
 * (`counting` meanwhile) and never holds up the rows.
 */
export function useOpinionList(): {
  opinions: Opinion[];
  total: number | undefined;
  loading: boolean;
  counting: boolean;
  error: unknown;
} {
  const repository = useOpinionRepository();
  const { stationId } = useStationProfile();
  const { status, category, dateFrom, dateTo, representativeId, text, sortField, sortOrder, limit } =
    useOpinionFilterStore();
  const filter = useMemo(
    () => toOpinionFilter(stationId, { status, category, dateFrom, dateTo, representativeId, text }),
    [stationId, status, category, dateFrom, dateTo, representativeId, text],
  );
  const result = useRxQueryResult(
    () => repository.list$({ filter, sortBy: sortField, direction: sortOrder, limit }),
    [repository, filter, sortField, sortOrder, limit],
  );
  const count = useRxQueryResult(() => repository.count$(filter), [repository, filter]);
  return {
    opinions: result.value ?? [],
    // A total from the previous filters would mislead while the new one is counted.
    total: count.loading ? undefined : count.value,
    loading: result.loading,
    counting: count.loading,
    error: result.error,
  };
}

export function useOpinion(id: string): { opinion: Opinion | null | undefined; error: unknown } {
  const repository = useOpinionRepository();
  const result = useRxQueryResult(() => repository.byId$(id), [repository, id]);
  return { opinion: result.value, error: result.error };
}

/** Photos of a record, oldest first. */
export function useOwnerPhotos(ownerId: string): Photo[] {
  const database = useDatabase();
  const result = useRxQueryResult(
    () =>
      database.photos
        .find({ selector: { ownerId }, sort: [{ id: 'asc' }] })
        .$.pipe(map((docs) => docs.map((d) => d.toJSON() as Photo))),
    [database, ownerId],
  );
  return result.value ?? [];
}
