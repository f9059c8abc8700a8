// RxDB-backed hooks of the representatives feature: the station's representatives and the records they appear in.
import { useMemo } from 'react';
import type { RepresentativeLevel } from '../../../src-shared/representative/representative';
import { useDatabase, useStationProfile } from '../../app/app-context';
import { createRepositories } from '../../db/database-context';
import { useRxQueryResult } from '../../db/use-rx';

function useRepositories() {
  const database = useDatabase();
  return useMemo(() => createRepositories(database), [database]);
}

export function useRepresentativeList(level: RepresentativeLevel | undefined) {
  const { reference } = useRepositories();
  const { stationId } = useStationProfile();
  return useRxQueryResult(
    () => reference.representatives$({ stationId, activeOnly: false, ...(level ? { level } : {}) }),
    [reference, stationId, level],
  );
}

export function useRepresentative(id: string) {
  const { reference } = useRepositories();
  return useRxQueryResult(() => reference.representative$(id), [reference, id]);
}

/** The station's reception days, opinions and activities (a station keeps hundreds, not millions). */
export function useStationRecords() {
  const { receptionDays, opinions, activities } = useRepositories();
  const { stationId } = useStationProfile();
  const days = useRxQueryResult(() => receptionDays.list$({ filter: { stationId } }), [receptionDays, stationId]);
  const ops = useRxQueryResult(() => opinions.list$({ filter: { stationId } }), [opinions, stationId]);
  const acts = useRxQueryResult(() => activities.list$({ filter: { stationId } }), [activities, stationId]);
  return {
    loading: days.loading || ops.loading || acts.loading,
    receptionDays: days.value ?? [],
    opinions: ops.value ?? [],
    activities: acts.value ?? [],
  };
}
