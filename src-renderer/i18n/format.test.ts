// Locale formatting: dates stay on their calendar day whatever the machine's time zone.
import { describe, expect, it } from 'vitest';
import { addDays, formatDate, formatDateTime, formatNumber, todayInStation } from './format';

describe('format', () => {
  it('formats a calendar date in Chinese and English without shifting the day', () => {
    expect(formatDate('2026-03-01', 'zh-CN')).toBe('2026年3月1日');
    expect(formatDate('2026-03-01', 'en')).toBe('March 1, 2026');
  });

  it('shows timestamps in station time (Asia/Shanghai)', () => {
    expect(formatDateTime('2026-03-01T16:30:00.000Z', 'zh-CN')).toContain('00:30');
    expect(formatDateTime('2026-03-01T16:30:00.000Z', 'zh-CN')).toContain('2026/03/02');
  });

  it('groups digits for the locale', () => {
    expect(formatNumber(50000, 'zh-CN')).toBe('50,000');
  });

  it('computes today in station time and adds days across months', () => {
    expect(todayInStation(new Date('2026-02-28T17:00:00.000Z'))).toBe('2026-03-01');
    expect(addDays('2026-02-27', 3)).toBe('2026-03-02');
  });
});
