// The compliance view opens on the period that contains today and offers every period of a year.
import { describe, expect, it } from 'vitest';
import { currentPeriod, periodIndexes, periodNameKey, selectableYears } from './compliance-periods';

describe('compliance periods', () => {
  it('picks the period that contains today', () => {
    expect(currentPeriod('month', '2026-08-15')).toEqual({ kind: 'month', year: 2026, index: 8 });
    expect(currentPeriod('quarter', '2026-08-15')).toEqual({ kind: 'quarter', year: 2026, index: 3 });
    expect(currentPeriod('halfYear', '2026-08-15')).toEqual({ kind: 'halfYear', year: 2026, index: 2 });
    expect(currentPeriod('year', '2026-08-15')).toEqual({ kind: 'year', year: 2026, index: 1 });
  });

  it('lists the periods of a year and names them', () => {
    expect(periodIndexes('quarter')).toEqual([1, 2, 3, 4]);
    expect(periodIndexes('month')).toHaveLength(12);
    expect(periodNameKey({ kind: 'halfYear', year: 2026, index: 1 }).key).toBe('compliance.firstHalf');
    expect(selectableYears('2026-01-01', 2)).toEqual([2027, 2026, 2025, 2024]);
  });
});
