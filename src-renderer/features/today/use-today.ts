// The data of 工作台: next reception day, replies to rate, overdue items, missing required activities.
import { useMemo } from 'react';
import { map } from 'rxjs';
import type { Activity, ActivityType, PeriodKind } from '../../../src-shared/activity/activity';
import { activityFrequency } from '../../../src-shared/activity/activity';
import { activityCompliance, periodsFor } from '../../../src-shared/compliance/activity-compliance';
import type { Opinion } from '../../../src-shared/opinion/opinion';
import type { ReceptionDay } from '../../../src-shared/reception-day/reception-day';
import { useDatabase, useStationProfile } from '../../app/app-context';
import { OpinionRepository } from '../../db/repositories/opinion-repository';
import { ReceptionDayRepository } from '../../db/repositories/reception-day-repository';
import { useRxQueryResult } from '../../db/use-rx';

export interface MissingActivity {
  type: ActivityType;
  period: PeriodKind;
}

/** For each required type: missing when not done in the current period of its own frequency. */
export function missingThisPeriod(
  stationId: string,
  today: string,
  activities: readonly Activity[],
  receptionDays: readonly ReceptionDay[],
): MissingActivity[] {
  const periods = periodsFor(today);
  const missing: MissingActivity[] = [];
  for (const kind of ['month', 'quarter', 'halfYear', 'year'] as const) {
    for (const c of activityCompliance({ stationId, period: periods[kind], activities, receptionDays })) {
      if (activityFrequency(c.type) === kind && c.missingIn.length > 0) missing.push({ type: c.type, period: kind });
    }
  }
  return missing;
}

export function useToday(today: string) {
  const database = useDatabase();
  const { stationId } = useStationProfile();
  const opinions = useMemo(() => new OpinionRepository(database), [database]);
  const days = useMemo(() => new ReceptionDayRepository(database), [database]);
  const year = today.slice(0, 4);

  const nextDay = useRxQueryResult(
    () =>
      days
        .list$({ filter: { stationId, status: 'planned', dateFrom: today }, direction: 'asc', limit: 1 })
        .pipe(map((list) => list[0] ?? null)),
    [days, stationId, today],
  ).value;
  const toRate = useRxQueryResult(
    () => opinions.list$({ filter: { stationId, status: 'replied' }, direction: 'asc' }),
    [opinions, stationId],
  ).value;
  const assigned = useRxQueryResult(
    () => opinions.list$({ filter: { stationId, status: ['assigned', 'returned'] }, direction: 'asc' }),
    [opinions, stationId],
  ).value;
  const pastPlanned = useRxQueryResult(
    () =>
      days.list$({
        filter: { stationId, status: 'planned', dateTo: dayBefore(today) },
        direction: 'asc',
      }),
    [days, stationId, today],
  ).value;
  const yearDays = useRxQueryResult(
    () => days.list$({ filter: { stationId, dateFrom: `${year}-01-01`, dateTo: `${year}-12-31` } }),
    [days, stationId, year],
  ).value;
  const yearActivities = useRxQueryResult(
    () =>
      database.activities
        .find({ selector: { stationId, date: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } } })
        .$.pipe(map((docs) => docs.map((d) => d.toJSON() as Activity))),
    [database, stationId, year],
  ).value;

  const overdueOpinions: Opinion[] = (assigned ?? []).filter(
    (o) => o.assignment !== undefined && o.assignment.deadline < today,
  );
  const missing =
    yearDays && yearActivities ? missingThisPeriod(stationId, today, yearActivities, yearDays) : undefined;
  return {
    nextDay,
    toRate: toRate ?? [],
    overdueOpinions,
    overdueDays: pastPlanned ?? [],
    missing,
  };
}

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
