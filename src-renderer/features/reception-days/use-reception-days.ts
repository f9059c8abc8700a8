// RxDB-backed hooks of the reception-days feature.
import { useMemo } from 'react';
import type { Opinion } from '../../../src-shared/opinion/opinion';
import type { ReceptionDay } from '../../../src-shared/reception-day/reception-day';
import { useDatabase, useStationProfile } from '../../app/app-context';
import { OpinionRepository } from '../../db/repositories/opinion-repository';
import { ReceptionDayRepository } from '../../db/repositories/reception-day-repository';
import { useRxQueryResult } from '../../db/use-rx';

export function useReceptionDayRepository(): ReceptionDayRepository {
  const database = useDatabase();
  return useMemo(() => new ReceptionDayRepository(database), [database]);
}

export function useReceptionDays(): { days: ReceptionDay[]; loading: boolean } {
  const repository = useReceptionDayRepository();
  const { stationId } = useStationProfile();
  const result = useRxQueryResult(() => repository.list$({ filter: { stationId } }), [repository, stationId]);
  return { days: result.value ?? [], loading: result.loading };
}

export function useReceptionDay(id: string): ReceptionDay | null | undefined {
  const repository = useReceptionDayRepository();
  return useRxQueryResult(() => repository.byId$(id), [repository, id]).value;
}

/** The opinions taken during one reception day, in the order they were received. */
export function useReceptionDayOpinions(receptionDayId: string): Opinion[] {
  const database = useDatabase();
  const repository = useMemo(() => new OpinionRepository(database), [database]);
  const result = useRxQueryResult(
    () => repository.list$({ filter: { receptionDayId }, direction: 'asc' }),
    [repository, receptionDayId],
  );
  return result.value ?? [];
}

/** 'HH:mm–HH:mm' */
export function timeSpan(day: Pick<ReceptionDay, 'startTime' | 'endTime'>): string {
  return `${day.startTime}–${day.endTime}`;
}
