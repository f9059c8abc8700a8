// RxDB-backed hooks of the activities feature: repositories, lists, one activity, its photos, reception days by period.
import { useMemo } from 'react';
import type { Activity, ActivityType } from '../../../src-shared/activity/activity';
import type { DateRange } from '../../../src-shared/compliance/activity-compliance';
import { useDatabase, useStationProfile } from '../../app/app-context';
import { createRepositories, type Repositories } from '../../db/database-context';
import { useRxDocument, useRxQueryResult } from '../../db/use-rx';

export function useActivityRepositories(): Repositories {
  const database = useDatabase();
  return useMemo(() => createRepositories(database), [database]);
}

export function useActivities(type: ActivityType | undefined) {
  const { activities } = useActivityRepositories();
  const { stationId } = useStationProfile();
  return useRxQueryResult(
    () => activities.list$({ filter: { stationId, ...(type ? { type } : {}) } }),
    [activities, stationId, type],
  );
}

export function useActivity(id: string) {
  const { activities } = useActivityRepositories();
  return useRxDocument<Activity>(() => activities.byId$(id), [activities, id]);
}

export function usePhotosOf(ownerId: string) {
  const { photos } = useActivityRepositories();
  return useRxQueryResult(() => photos.byOwner$(ownerId), [photos, ownerId]);
}

/** The station's representatives (all, so that old records still show names of those no longer serving). */
export function useRepresentatives() {
  const { reference } = useActivityRepositories();
  const { stationId } = useStationProfile();
  return useRxQueryResult(() => reference.representatives$({ stationId, activeOnly: false }), [reference, stationId]);
}

export function useActivitiesIn(range: DateRange) {
  const { activities } = useActivityRepositories();
  const { stationId } = useStationProfile();
  return useRxQueryResult(
    () => activities.list$({ filter: { stationId, dateFrom: range.start, dateTo: range.end } }),
    [activities, stationId, range.start, range.end],
  );
}

export function useReceptionDaysIn(range: DateRange) {
  const { receptionDays } = useActivityRepositories();
  const { stationId } = useStationProfile();
  return useRxQueryResult(
    () => receptionDays.list$({ filter: { stationId, dateFrom: range.start, dateTo: range.end } }),
    [receptionDays, stationId, range.start, range.end],
  );
}
