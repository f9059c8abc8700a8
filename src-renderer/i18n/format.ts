// Dates, times and numbers formatted for the current language with Intl (station time is Asia/Shanghai).
import type { Locale } from '../../src-shared/common/labels';

export const stationTimeZone = 'Asia/Shanghai';

const cache = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: Locale, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${locale}|${key}`;
  let format = cache.get(id);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    cache.set(id, format);
  }
  return format;
}

/** A calendar date 'YYYY-MM-DD' (no time zone shift): 2026年3月1日 / Mar 1, 2026. */
export function formatDate(date: string | undefined | null, locale: Locale): string {
  if (!date) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) return date;
  const utc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return dateFormat(locale, 'date', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(utc);
}

/** A calendar date with its weekday, for notices: 2026年3月1日星期日. */
export function formatDateWithWeekday(date: string | undefined | null, locale: Locale): string {
  if (!date) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) return date;
  const utc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return dateFormat(locale, 'dateWeekday', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'long',
    timeZone: 'UTC',
  }).format(utc);
}

/** An ISO timestamp in station time: 2026/3/1 08:30. */
export function formatDateTime(iso: string | undefined | null, locale: Locale): string {
  if (!iso) return '';
  const value = new Date(iso);
  if (Number.isNaN(value.getTime())) return iso;
  return dateFormat(locale, 'dateTime', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: stationTimeZone,
  }).format(value);
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** Today's calendar date in station time, 'YYYY-MM-DD'. */
export function todayInStation(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: stationTimeZone,
  }).format(now);
}

/** Adds days to a 'YYYY-MM-DD' date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const utc = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days));
  return utc.toISOString().slice(0, 10);
}
