// The county queue's filters, overdue rule and bulk-action partition, on opinions built by the shared factories.
import { describe, expect, it } from 'vitest';
import type { Opinion } from '../../../../src-shared/opinion/opinion';
import { makeOpinion } from '../../../../src-shared/testing/factories';
import { bulkSteps, filterQueue, isOverdue, partitionForAction, shanghaiDay } from './county-queue';
import { emptyCountyQueueFilters } from './county-queue-store';

const context = {
  townshipOf: new Map([
    ['s-a', 't-1'],
    ['s-b', 't-2'],
  ]),
  today: '2026-03-10',
};

const assigned = (deadline: string): Partial<Opinion> => ({
  status: 'assigned',
  assignment: { leadDepartmentId: 'd1', assistingDepartmentIds: [], deadline },
});

describe('county queue', () => {
  it('is overdue only while assigned and after the deadline day', () => {
    expect(isOverdue(makeOpinion(assigned('2026-03-09')), '2026-03-10')).toBe(true);
    expect(isOverdue(makeOpinion(assigned('2026-03-10')), '2026-03-10')).toBe(false);
    expect(isOverdue(makeOpinion({ ...assigned('2026-03-01'), status: 'replied' }), '2026-03-10')).toBe(false);
  });

  it('leaves out opinions the station has not submitted unless asked for by status', () => {
    const recorded = makeOpinion({ id: 'r', status: 'recorded' });
    const submitted = makeOpinion({ id: 's', status: 'submitted' });
    expect(filterQueue([recorded, submitted], emptyCountyQueueFilters, context).map((o) => o.id)).toEqual(['s']);
    const onlyRecorded = { ...emptyCountyQueueFilters, statuses: ['recorded' as const] };
    expect(filterQueue([recorded, submitted], onlyRecorded, context).map((o) => o.id)).toEqual(['r']);
  });

  it('filters by township through the station, by category, by received day in Shanghai and by overdue', () => {
    const a = makeOpinion({ id: 'a', stationId: 's-a', status: 'submitted', category: 'pollution' });
    const b = makeOpinion({ id: 'b', stationId: 's-b', status: 'submitted', category: 'other' });
    // 16:30 UTC on 3 March is 00:30 on 4 March in Shanghai: the received day is the 4th.
    const late = makeOpinion({ id: 'late', stationId: 's-a', status: 'submitted', receivedAt: '2026-03-03T16:30:00Z' });
    const overdue = makeOpinion({ id: 'o', stationId: 's-b', ...assigned('2026-03-01') });
    const all = [a, b, late, overdue];
    expect(filterQueue(all, { ...emptyCountyQueueFilters, townshipId: 't-2' }, context).map((o) => o.id)).toEqual([
      'o',
      'b',
    ]);
    expect(filterQueue(all, { ...emptyCountyQueueFilters, category: 'pollution' }, context).map((o) => o.id)).toEqual([
      'a',
    ]);
    expect(shanghaiDay('2026-03-03T16:30:00Z')).toBe('2026-03-04');
    const day = { ...emptyCountyQueueFilters, dateFrom: '2026-03-04', dateTo: '2026-03-04' };
    expect(filterQueue(all, day, context).map((o) => o.id)).toContain('late');
    expect(filterQueue(all, { ...emptyCountyQueueFilters, overdueOnly: true }, context).map((o) => o.id)).toEqual([
      'o',
    ]);
  });

  it('lists overdue opinions first', () => {
    const fresh = makeOpinion({ id: 'new', status: 'submitted', receivedAt: '2026-03-09T01:00:00Z' });
    const old = makeOpinion({ id: 'old', ...assigned('2026-03-02'), receivedAt: '2026-02-01T01:00:00Z' });
    expect(filterQueue([fresh, old], emptyCountyQueueFilters, context).map((o) => o.id)).toEqual(['old', 'new']);
  });

  it('applies a bulk close only to rated opinions and a bulk assign only where the lifecycle allows it', () => {
    const rated = makeOpinion({ id: 'rated', status: 'rated', satisfaction: 'satisfied' });
    const accepted = makeOpinion({ id: 'acc', status: 'accepted' });
    const close = partitionForAction([rated, accepted], 'close');
    expect(close.applicable.map((o) => o.id)).toEqual(['rated']);
    expect(close.skipped.map((o) => o.id)).toEqual(['acc']);
    const submitted = makeOpinion({ id: 'sub', status: 'submitted' });
    const assign = partitionForAction([rated, accepted, submitted], 'assign');
    // A satisfied visitor's opinion is not assigned again; a submitted one is accepted first.
    expect(assign.applicable.map((o) => o.id)).toEqual(['acc', 'sub']);
    expect(bulkSteps(submitted, 'assign')).toEqual(['accept', 'assign']);
    expect(bulkSteps(accepted, 'assign')).toEqual(['assign']);
    expect(bulkSteps(makeOpinion({ status: 'replied' }), 'close')).toEqual([]);
  });
});
