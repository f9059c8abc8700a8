// Working days (工作日) for assignment deadlines: weekends and PRC public holidays skipped, 调休 workdays counted.

/**
 * PRC public holidays and adjusted workdays (调休上班) by year, from the State Council's yearly notices
 * (国务院办公厅关于…部分节假日安排的通知). Add a year when its notice is published (usually in November);
 * for a year without an entry only weekends are skipped.
 */
export interface HolidayYear {
  /** Days off that fall on a weekday or weekend ('YYYY-MM-DD'). */
  holidays: readonly string[];
  /** Weekend days that are working days (调休上班). */
  workdays: readonly string[];
}

function span(start: string, days: number): string[] {
  const first = Date.parse(`${start}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => new Date(first + i * 86_400_000).toISOString().slice(0, 10));
}

export const prcHolidays: Readonly<Record<number, HolidayYear>> = {
  // 国办发明电〔2024〕12号
  2025: {
    holidays: [
      '2025-01-01',
      ...span('2025-01-28', 8), // 春节
      ...span('2025-04-04', 3), // 清明节
      ...span('2025-05-01', 5), // 劳动节
      ...span('2025-05-31', 3), // 端午节
      ...span('2025-10-01', 8), // 国庆节、中秋节
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  // 国办发明电〔2025〕7号
  2026: {
    holidays: [
      ...span('2026-01-01', 3), // 元旦
      ...span('2026-02-15', 9), // 春节
      ...span('2026-04-04', 3), // 清明节
      ...span('2026-05-01', 5), // 劳动节
      ...span('2026-06-19', 3), // 端午节
      ...span('2026-09-25', 3), // 中秋节
      ...span('2026-10-01', 7), // 国庆节
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

function toMs(date: string): number {
  const ms = datePattern.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  return ms;
}

function fromMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Is the calendar date ('YYYY-MM-DD') a working day? Weekends and holidays are not, unless it is a 调休 workday. */
export function isWorkingDay(date: string, table: Readonly<Record<number, HolidayYear>> = prcHolidays): boolean {
  const ms = toMs(date);
  const year = table[Number(date.slice(0, 4))];
  if (year?.workdays.includes(date)) return true;
  if (year?.holidays.includes(date)) return false;
  const weekday = new Date(ms).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The date `days` working days after `start` (the start day itself not counted): the deadline of an assignment
 * made on `start` with `days` working days to reply. `days` = 0 gives `start`.
 */
export function addWorkingDays(
  start: string,
  days: number,
  table: Readonly<Record<number, HolidayYear>> = prcHolidays,
): string {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${days}`);
  let ms = toMs(start);
  let left = days;
  while (left > 0) {
    ms += 86_400_000;
    if (isWorkingDay(fromMs(ms), table)) left--;
  }
  return fromMs(ms);
}

/** Working days after `from` up to and including `to` (0 when `to` ≤ `from`). */
export function workingDaysBetween(
  from: string,
  to: string,
  table: Readonly<Record<number, HolidayYear>> = prcHolidays,
): number {
  let count = 0;
  const end = toMs(to);
  for (let ms = toMs(from) + 86_400_000; ms <= end; ms += 86_400_000) {
    if (isWorkingDay(fromMs(ms), table)) count++;
  }
  return count;
}

/** A deadline is overdue when today (Asia/Shanghai date) is after it and the opinion still waits for a reply. */
export function isPastDeadline(deadline: string, today: string): boolean {
  return today > deadline;
}
