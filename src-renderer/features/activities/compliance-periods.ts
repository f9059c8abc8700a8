// The periods the compliance view offers: the current one by default, and every month/quarter/half/year of a year.
import type { PeriodKind } from '../../../src-shared/activity/activity';
import { type Period, periodsFor } from '../../../src-shared/compliance/activity-compliance';

const countOf: Record<PeriodKind, number> = { month: 12, quarter: 4, halfYear: 2, year: 1 };

/** The period of `kind` that contains `today` ('YYYY-MM-DD'). */
export function currentPeriod(kind: PeriodKind, today: string): Period {
  return periodsFor(today)[kind];
}

/** The indexes of a kind in a year: 1..12 months, 1..4 quarters, 1..2 halves, 1 year. */
export function periodIndexes(kind: PeriodKind): number[] {
  return Array.from({ length: countOf[kind] }, (_, i) => i + 1);
}

/** Years to choose from: a few back from this year, and the next one. */
export function selectableYears(today: string, back = 4): number[] {
  const year = Number(today.slice(0, 4));
  return Array.from({ length: back + 2 }, (_, i) => year + 1 - i);
}

/** The translation key and params that name a period inside its year (the view adds the year). */
/** The key of a period's name in the `activities` namespace. */
type PeriodNameKey = `compliance.${'monthN' | 'quarterN' | 'firstHalf' | 'secondHalf' | 'wholeYear'}`;

export function periodNameKey(period: Period): { key: PeriodNameKey; params: Record<string, string | number> } {
  switch (period.kind) {
    case 'month':
      return { key: 'compliance.monthN', params: { n: period.index } };
    case 'quarter':
      return { key: 'compliance.quarterN', params: { n: period.index } };
    case 'halfYear':
      return { key: period.index === 1 ? 'compliance.firstHalf' : 'compliance.secondHalf', params: {} };
    case 'year':
      return { key: 'compliance.wholeYear', params: {} };
  }
}
