// Which required station activities (八项活动, DOMAIN.md) are missing in a report period; periods in Asia/Shanghai dates.

import {
  type Activity,
  type ActivityType,
  activityFrequency,
  activityTypes,
  type PeriodKind,
} from '../activity/activity';
import type { ReceptionDay } from '../reception-day/reception-day';

export interface Period {
  kind: PeriodKind;
  year: number;
  /** month 1–12, quarter 1–4, halfYear 1–2, year 1. */
  index: number;
}

export interface DateRange {
  /** Inclusive 'YYYY-MM-DD' bounds. */
  start: string;
  end: string;
}

const MONTHS_PER: Record<PeriodKind, number> = { month: 1, quarter: 3, halfYear: 6, year: 12 };
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function periodCount(kind: PeriodKind): number {
  return 12 / MONTHS_PER[kind];
}

/** The first and last day of a period. */
export function periodRange(period: Period): DateRange {
  const months = MONTHS_PER[period.kind];
  if (!Number.isInteger(period.index) || period.index < 1 || period.index > periodCount(period.kind)) {
    throw new RangeError(`invalid ${period.kind} index ${period.index}`);
  }
  const firstMonth = (period.index - 1) * months + 1;
  const lastMonth = firstMonth + months - 1;
  return {
    start: `${pad(period.year, 4)}-${pad(firstMonth)}-01`,
    end: `${pad(period.year, 4)}-${pad(lastMonth)}-${pad(daysInMonth(period.year, lastMonth))}`,
  };
}

/** The Asia/Shanghai calendar date of a 'YYYY-MM-DD' string (as is) or of an ISO timestamp (converted, UTC+8). */
export function shanghaiDate(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`not a date: ${value}`);
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The month, quarter, half-year and year that contain a date. */
export function periodsFor(date: string): Record<PeriodKind, Period> {
  const d = shanghaiDate(date);
  const year = Number(d.slice(0, 4));
  const month = Number(d.slice(5, 7));
  const of = (kind: PeriodKind): Period => ({ kind, year, index: Math.ceil(month / MONTHS_PER[kind]) });
  return { month: of('month'), quarter: of('quarter'), halfYear: of('halfYear'), year: of('year') };
}

/** The sub-periods of `kind` inside `period` (e.g. the three months of a quarter). */
export function subPeriods(period: Period, kind: PeriodKind): Period[] {
  const ratio = MONTHS_PER[period.kind] / MONTHS_PER[kind];
  if (!Number.isInteger(ratio) || ratio < 1) return [];
  return Array.from({ length: ratio }, (_, i) => ({
    kind,
    year: period.year,
    index: (period.index - 1) * ratio + i + 1,
  }));
}

function inRange(date: string, range: DateRange): boolean {
  return date >= range.start && date <= range.end;
}

export interface ComplianceInput {
  stationId: string;
  period: Period;
  activities: readonly Activity[];
  receptionDays: readonly ReceptionDay[];
}

export interface ActivityCompliance {
  type: ActivityType;
  /** The sub-periods (of the type's frequency) without the activity; empty when done. */
  missingIn: Period[];
}

/**
 * Per required activity type: the sub-periods in which it was not done. A type is required in a period when its
 * frequency fits in it (a monthly report requires only `reception`; a yearly one requires all eight, and `reception`
 * in each month). A held reception day with visitors counts as `reception`.
 */
export function activityCompliance(input: ComplianceInput): ActivityCompliance[] {
  const doneDates = new Map<ActivityType, string[]>();
  const add = (type: ActivityType, date: string) => doneDates.set(type, [...(doneDates.get(type) ?? []), date]);
  for (const a of input.activities) if (a.stationId === input.stationId) add(a.type, shanghaiDate(a.date));
  for (const day of input.receptionDays) {
    if (day.stationId === input.stationId && day.status === 'held' && (day.visitorCount ?? 0) > 0) {
      add('reception', shanghaiDate(day.date));
    }
  }
  const result: ActivityCompliance[] = [];
  for (const type of activityTypes.values) {
    const frequency = activityFrequency(type);
    const parts = subPeriods(input.period, frequency);
    if (parts.length === 0) continue; // not required in so short a period
    const dates = doneDates.get(type) ?? [];
    const missingIn = parts.filter((p) => {
      const range = periodRange(p);
      return !dates.some((d) => inRange(d, range));
    });
    result.push({ type, missingIn });
  }
  return result;
}

/** The required activity types not done (in every required sub-period) in the period. */
export function missingActivities(input: ComplianceInput): ActivityType[] {
  return activityCompliance(input)
    .filter((c) => c.missingIn.length > 0)
    .map((c) => c.type);
}
