// Report periods and figures as pure functions: presets (本月, 上月, 本季度, 本年, 上年), rates as percentages and
// "how long ago" for the sync report.
import type { Rate } from '../../../../src-shared/api/reports';

export interface Period {
  from: string;
  to: string;
}

export type PeriodPreset = 'thisMonth' | 'lastMonth' | 'thisQuarter' | 'thisYear' | 'lastYear';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function lastDayOf(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The preset's period, ending today at the latest (a period never runs into the future). */
export function presetPeriod(preset: PeriodPreset, today: string): Period {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  switch (preset) {
    case 'thisMonth':
      return { from: `${year}-${pad(month)}-01`, to: today };
    case 'lastMonth': {
      const y = month === 1 ? year - 1 : year;
      const m = month === 1 ? 12 : month - 1;
      return { from: `${y}-${pad(m)}-01`, to: lastDayOf(y, m) };
    }
    case 'thisQuarter': {
      const first = Math.floor((month - 1) / 3) * 3 + 1;
      return { from: `${year}-${pad(first)}-01`, to: today };
    }
    case 'thisYear':
      return { from: `${year}-01-01`, to: today };
    case 'lastYear':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  }
}

/** 98.08% (two decimals, like the export), or '—' when nothing to divide by. */
export function formatRate(rate: Pick<Rate, 'value'>, locale: string): string {
  if (rate.value === null) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    rate.value,
  );
}

export type Ago = { unit: 'justNow' } | { unit: 'minutes' | 'hours' | 'days'; count: number };

/** How long ago `iso` was at `now`: under two minutes is "just now". */
export function agoOf(iso: string, now: Date): Ago {
  const ms = Math.max(0, now.getTime() - Date.parse(iso));
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 2) return { unit: 'justNow' };
  if (minutes < 60) return { unit: 'minutes', count: minutes };
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return { unit: 'hours', count: hours };
  return { unit: 'days', count: Math.floor(hours / 24) };
}
