// The list filters become the repository's indexed filter, scoped to this station; empty filters add nothing.
import { describe, expect, it } from 'vitest';
import { emptyOpinionFilters } from '../../state/opinion-filter-store';
import { toOpinionFilter } from './use-opinions';

describe('toOpinionFilter', () => {
  it('scopes an empty filter to the station only', () => {
    expect(toOpinionFilter('S1', emptyOpinionFilters)).toEqual({ stationId: 'S1' });
  });

  it('passes statuses, categories, dates, representative and trimmed text', () => {
    expect(
      toOpinionFilter('S1', {
        status: ['replied'],
        category: ['pollution', 'other'],
        dateFrom: '2026-03-01',
        dateTo: '2026-03-31',
        representativeId: 'R1',
        text: '  路灯 ',
      }),
    ).toEqual({
      stationId: 'S1',
      status: ['replied'],
      category: ['pollution', 'other'],
      receivedFrom: '2026-03-01',
      receivedTo: '2026-03-31',
      representativeId: 'R1',
      text: '路灯',
    });
  });
});
