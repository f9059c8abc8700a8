// Missing required activities per station and period (month, quarter, half-year, year).

import { describe, expect, it } from 'vitest';
import type { ActivityType } from '../activity/activity';
import { activityTypes } from '../activity/activity';
import { makeActivity, makeReceptionDay, TEST_STATION_ID } from '../testing/factories';
import { activityCompliance, missingActivities, periodRange, periodsFor, shanghaiDate } from './activity-compliance';

const stationId = TEST_STATION_ID;
const act = (type: ActivityType, date: string) => makeActivity({ type, date });

describe('periods', () => {
  it('gives the inclusive range of each period kind', () => {
    expect(periodRange({ kind: 'month', year: 2024, index: 2 })).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodRange({ kind: 'quarter', year: 2026, index: 2 })).toEqual({ start: '2026-04-01', end: '2026-06-30' });
    expect(periodRange({ kind: 'halfYear', year: 2026, index: 2 })).toEqual({ start: '2026-07-01', end: '2026-12-31' });
    expect(periodRange({ kind: 'year', year: 2026, index: 1 })).toEqual({ start: '2026-01-01', end: '2026-12-31' });
    expect(() => periodRange({ kind: 'quarter', year: 2026, index: 5 })).toThrow(RangeError);
  });

  it('finds the periods of a date, in Asia/Shanghai time', () => {
    expect(periodsFor('2026-07-15')).toEqual({
      month: { kind: 'month', year: 2026, index: 7 },
      quarter: { kind: 'quarter', year: 2026, index: 3 },
      halfYear: { kind: 'halfYear', year: 2026, index: 2 },
      year: { kind: 'year', year: 2026, index: 1 },
    });
    // 20:00 UTC on 31 December is already 1 January in Shanghai.
    expect(shanghaiDate('2025-12-31T20:00:00.000Z')).toBe('2026-01-01');
    expect(periodsFor('2025-12-31T20:00:00.000Z').year).toEqual({ kind: 'year', year: 2026, index: 1 });
  });
});

describe('missing activities', () => {
  it('a month requires only reception; a held reception day with visitors counts', () => {
    const period = { kind: 'month' as const, year: 2026, index: 3 };
    expect(missingActivities({ stationId, period, activities: [], receptionDays: [] })).toEqual(['reception']);
    const held = makeReceptionDay({ status: 'held', date: '2026-03-05', visitorCount: 4 });
    expect(missingActivities({ stationId, period, activities: [], receptionDays: [held] })).toEqual([]);
  });

  it('a reception day without visitors, planned or cancelled, or of another station does not count', () => {
    const period = { kind: 'month' as const, year: 2026, index: 3 };
    const days = [
      makeReceptionDay({ status: 'held', date: '2026-03-05', visitorCount: 0 }),
      makeReceptionDay({ status: 'planned', date: '2026-03-06' }),
      makeReceptionDay({ status: 'cancelled', date: '2026-03-07' }),
      makeReceptionDay({ status: 'held', date: '2026-03-08', visitorCount: 3, stationId: 'other-station' }),
    ];
    expect(missingActivities({ stationId, period, activities: [], receptionDays: days })).toEqual(['reception']);
  });

  it('a quarter requires the quarterly types and reception in each of its months', () => {
    const period = { kind: 'quarter' as const, year: 2026, index: 1 };
    const activities = [
      act('reception', '2026-01-10'),
      act('reception', '2026-03-10'),
      act('training', '2026-02-01'),
      act('deliberationDay', '2026-03-31'),
      act('inspection', '2026-02-02'),
    ];
    const details = activityCompliance({ stationId, period, activities, receptionDays: [] });
    expect(details.find((d) => d.type === 'reception')?.missingIn).toEqual([{ kind: 'month', year: 2026, index: 2 }]);
    expect(missingActivities({ stationId, period, activities, receptionDays: [] })).toEqual([
      'reception',
      'appReporting',
    ]);
  });

  it('a half-year adds inspection and supervision', () => {
    const period = { kind: 'halfYear' as const, year: 2026, index: 2 };
    const activities = [
      ...[7, 8, 9, 10, 11, 12].map((m) => act('reception', `2026-${String(m).padStart(2, '0')}-15`)),
      ...(['training', 'deliberationDay', 'appReporting'] as const).flatMap((t) => [
        act(t, '2026-08-01'),
        act(t, '2026-11-01'),
      ]),
      act('supervision', '2026-09-09'),
    ];
    expect(missingActivities({ stationId, period, activities, receptionDays: [] })).toEqual(['inspection']);
  });

  it('a year requires all eight types; activities outside the year do not count', () => {
    const period = { kind: 'year' as const, year: 2026, index: 1 };
    expect(missingActivities({ stationId, period, activities: [], receptionDays: [] })).toEqual([
      ...activityTypes.values,
    ]);
    const lastYear = activityTypes.values.map((t) => act(t, '2025-12-31'));
    expect(missingActivities({ stationId, period, activities: lastYear, receptionDays: [] })).toHaveLength(8);
  });

  it('a complete year is compliant', () => {
    const months = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));
    const activities = [
      ...months.map((m) => act('reception', `2026-${m}-03`)),
      ...(['training', 'deliberationDay', 'appReporting'] as const).flatMap((t) =>
        ['02', '05', '08', '11'].map((m) => act(t, `2026-${m}-10`)),
      ),
      ...(['inspection', 'supervision'] as const).flatMap((t) => [act(t, '2026-03-01'), act(t, '2026-09-01')]),
      act('themeActivity', '2026-06-01'),
      act('performanceReview', '2026-12-20'),
    ];
    expect(
      missingActivities({ stationId, period: { kind: 'year', year: 2026, index: 1 }, activities, receptionDays: [] }),
    ).toEqual([]);
  });
});
