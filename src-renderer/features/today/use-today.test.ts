// 工作台's missing-activities rule: each type is judged in the current period of its own frequency.
import { describe, expect, it } from 'vitest';
import { makeActivity, makeReceptionDay, TEST_STATION_ID } from '../../../src-shared/testing/factories';
import { missingThisPeriod } from './use-today';

describe('missingThisPeriod', () => {
  it('lists all eight types when nothing was done this year', () => {
    const missing = missingThisPeriod(TEST_STATION_ID, '2026-03-15', [], []);
    expect(missing.map((m) => m.type).sort()).toEqual(
      [
        'appReporting',
        'deliberationDay',
        'inspection',
        'performanceReview',
        'reception',
        'supervision',
        'themeActivity',
        'training',
      ].sort(),
    );
    expect(missing.find((m) => m.type === 'reception')?.period).toBe('month');
    expect(missing.find((m) => m.type === 'training')?.period).toBe('quarter');
  });

  it('counts a held reception day with visitors this month and a training this quarter', () => {
    const missing = missingThisPeriod(
      TEST_STATION_ID,
      '2026-03-15',
      [makeActivity({ type: 'training', date: '2026-01-20' })],
      [makeReceptionDay({ status: 'held', date: '2026-03-05', visitorCount: 4 })],
    );
    const types = missing.map((m) => m.type);
    expect(types).not.toContain('reception');
    expect(types).not.toContain('training');
    expect(types).toContain('deliberationDay');
  });

  it('does not count last month’s reception day for this month', () => {
    const missing = missingThisPeriod(
      TEST_STATION_ID,
      '2026-03-15',
      [],
      [makeReceptionDay({ status: 'held', date: '2026-02-25', visitorCount: 4 })],
    );
    expect(missing.map((m) => m.type)).toContain('reception');
  });
});
