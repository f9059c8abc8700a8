// The reception-day lifecycle: planned → held (representatives present, visitor count) or cancelled (reason).

import { describe, expect, it } from 'vitest';
import { applyCommand } from '../common/lifecycle';
import { makeActor, makeReceptionDay } from '../testing/factories';
import { validateDocument } from '../validation/validate';
import { receptionDayActions, receptionDayLifecycle } from './reception-day-lifecycle';

const NOW = '2026-03-05T04:00:00.000Z';
const station = makeActor('station');
const county = makeActor('county');

describe('reception day lifecycle', () => {
  it('a planned day is held with the representatives present and the visitors counted', () => {
    const day = makeReceptionDay();
    const held = applyCommand(
      receptionDayLifecycle,
      day,
      { action: 'hold', payload: { presentRepresentativeIds: ['rep-1'], visitorCount: 0, notes: '无群众来访' } },
      station,
      NOW,
    );
    expect(held).toMatchObject({ status: 'held', visitorCount: 0, presentRepresentativeIds: ['rep-1'] });
    expect(held.history).toEqual([expect.objectContaining({ action: 'hold', from: 'planned', to: 'held' })]);
    expect(validateDocument('receptionDays', held).errors).toEqual([]);
  });

  it('holding needs at least one representative present', () => {
    expect(() =>
      applyCommand(
        receptionDayLifecycle,
        makeReceptionDay(),
        { action: 'hold', payload: { presentRepresentativeIds: [], visitorCount: 4 } },
        station,
        NOW,
      ),
    ).toThrowError(expect.objectContaining({ code: 'representatives_present_required' }));
  });

  it('holding needs a visitor count of zero or more', () => {
    for (const visitorCount of [undefined, -1, 2.5]) {
      expect(() =>
        applyCommand(
          receptionDayLifecycle,
          makeReceptionDay(),
          { action: 'hold', payload: { presentRepresentativeIds: ['rep-1'], visitorCount } },
          station,
          NOW,
        ),
      ).toThrowError(expect.objectContaining({ code: 'visitor_count_required' }));
    }
  });

  it('cancelling needs a reason', () => {
    const cancelled = applyCommand(
      receptionDayLifecycle,
      makeReceptionDay(),
      { action: 'cancel', payload: { cancelReason: '暴雨红色预警' } },
      station,
      NOW,
    );
    expect(cancelled.status).toBe('cancelled');
    expect(() =>
      applyCommand(receptionDayLifecycle, makeReceptionDay(), { action: 'cancel' }, station, NOW),
    ).toThrowError(expect.objectContaining({ code: 'cancel_reason_required' }));
  });

  it('only a planned day can be held or cancelled, and only by the station', () => {
    for (const status of ['held', 'cancelled'] as const) {
      expect(receptionDayActions(makeReceptionDay({ status }), 'station')).toEqual([]);
      expect(() =>
        applyCommand(
          receptionDayLifecycle,
          makeReceptionDay({ status }),
          { action: 'cancel', payload: { cancelReason: 'x' } },
          station,
          NOW,
        ),
      ).toThrowError(expect.objectContaining({ code: 'transition_not_allowed' }));
    }
    expect(receptionDayActions(makeReceptionDay(), 'station').sort()).toEqual(['cancel', 'hold']);
    expect(receptionDayActions(makeReceptionDay(), 'county')).toEqual([]);
    expect(() =>
      applyCommand(
        receptionDayLifecycle,
        makeReceptionDay(),
        { action: 'cancel', payload: { cancelReason: 'x' } },
        county,
        NOW,
      ),
    ).toThrowError(expect.objectContaining({ code: 'role_not_allowed' }));
  });
});
