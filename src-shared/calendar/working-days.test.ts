// Working-day deadlines: weekends, PRC holidays and 调休 workdays.
import { describe, expect, it } from 'vitest';
import { addWorkingDays, isPastDeadline, isWorkingDay, prcHolidays, workingDaysBetween } from './working-days';

describe('isWorkingDay', () => {
  it('skips weekends and holidays, counts 调休 Saturdays and Sundays', () => {
    expect(isWorkingDay('2026-03-02')).toBe(true); // Monday
    expect(isWorkingDay('2026-03-07')).toBe(false); // Saturday
    expect(isWorkingDay('2026-02-16')).toBe(false); // 春节, a Monday
    expect(isWorkingDay('2026-02-14')).toBe(true); // 调休 Saturday
    expect(isWorkingDay('2026-01-04')).toBe(true); // 调休 Sunday
    expect(isWorkingDay('2025-10-08')).toBe(false); // 国庆 2025, a Wednesday
  });

  it('refuses what is not a date', () => {
    expect(() => isWorkingDay('2026-3-2')).toThrow(RangeError);
  });

  it('has the table in order: each holiday year lists distinct days', () => {
    for (const year of Object.values(prcHolidays)) {
      expect(new Set(year.holidays).size).toBe(year.holidays.length);
      for (const d of year.workdays) expect(year.holidays).not.toContain(d);
    }
  });
});

describe('addWorkingDays', () => {
  it('counts 10 working days from a Monday as the Monday two weeks later', () => {
    expect(addWorkingDays('2026-03-02', 10)).toBe('2026-03-16');
  });

  it('jumps over the Spring Festival and counts the 调休 Saturday', () => {
    // Fri 13 Feb + 1 → Sat 14 (调休 workday); +2 → Tue 24 (15–23 off).
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
  });

  it('is the inverse of workingDaysBetween', () => {
    for (const days of [0, 1, 5, 15, 30]) {
      const end = addWorkingDays('2026-09-18', days);
      expect(workingDaysBetween('2026-09-18', end)).toBe(days);
    }
  });

  it('refuses negative or fractional counts', () => {
    expect(() => addWorkingDays('2026-03-02', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-02', 1.5)).toThrow(RangeError);
  });
});

describe('isPastDeadline', () => {
  it('is overdue only from the day after the deadline', () => {
    expect(isPastDeadline('2026-03-16', '2026-03-16')).toBe(false);
    expect(isPastDeadline('2026-03-16', '2026-03-17')).toBe(true);
  });
});
