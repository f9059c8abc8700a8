// Report periods, rates and "how long ago", as the report pages show them.
import { describe, expect, it } from 'vitest';
import { agoOf, formatRate, presetPeriod } from './report-period';

describe('report periods', () => {
  it('computes presets up to today, with last month across the new year', () => {
    expect(presetPeriod('thisMonth', '2026-03-15')).toEqual({ from: '2026-03-01', to: '2026-03-15' });
    expect(presetPeriod('lastMonth', '2026-01-10')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetPeriod('lastMonth', '2024-03-10')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(presetPeriod('thisQuarter', '2026-08-20')).toEqual({ from: '2026-07-01', to: '2026-08-20' });
    expect(presetPeriod('lastYear', '2026-08-20')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('shows rates as percentages with two decimals, and a dash without a denominator', () => {
    expect(formatRate({ value: 37587 / 38324 }, 'zh-CN')).toBe('98.08%');
    expect(formatRate({ value: null }, 'zh-CN')).toBe('—');
  });

  it('says "just now" for a sync under two minutes ago', () => {
    const now = new Date('2026-03-10T08:00:00Z');
    expect(agoOf('2026-03-10T07:59:10Z', now)).toEqual({ unit: 'justNow' });
    expect(agoOf('2026-03-10T07:30:00Z', now)).toEqual({ unit: 'minutes', count: 30 });
    expect(agoOf('2026-03-08T07:00:00Z', now)).toEqual({ unit: 'days', count: 2 });
  });
});
