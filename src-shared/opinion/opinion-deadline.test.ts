// The overdue rule of an opinion: only an assigned opinion past its deadline waits too long for the reply.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeOpinion } from '../testing/factories';
import { opinionStatuses } from './opinion';
import { isOpinionOverdue } from './opinion-deadline';

const assignment = (deadline: string) => ({ leadDepartmentId: 'dept-housing', assistingDepartmentIds: [], deadline });

describe('isOpinionOverdue', () => {
  it('is overdue from the day after the deadline while the department has not replied', () => {
    const opinion = makeOpinion({ status: 'assigned', assignment: assignment('2026-03-10') });
    expect(isOpinionOverdue(opinion, '2026-03-09')).toBe(false);
    expect(isOpinionOverdue(opinion, '2026-03-10')).toBe(false);
    expect(isOpinionOverdue(opinion, '2026-03-11')).toBe(true);
    expect(isOpinionOverdue(opinion, '2027-01-01')).toBe(true);
  });

  it('is not overdue once replied, rated or closed, nor when returned to the county', () => {
    for (const status of ['replied', 'rated', 'closed', 'returned'] as const) {
      const opinion = makeOpinion({ status, assignment: assignment('2026-03-10') });
      expect(isOpinionOverdue(opinion, '2026-04-01')).toBe(false);
    }
  });

  it('needs an assignment: an opinion without a deadline is never overdue', () => {
    const { assignment: _none, ...withoutAssignment } = makeOpinion({ status: 'assigned' });
    expect(isOpinionOverdue(withoutAssignment, '2099-12-31')).toBe(false);
  });

  it('holds for every status and date: overdue exactly when assigned and today is after the deadline', () => {
    const day = fc
      .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const status = fc.constantFrom(...opinionStatuses.values);
    fc.assert(
      fc.property(status, day, day, (s, deadline, today) => {
        const overdue = isOpinionOverdue(makeOpinion({ status: s, assignment: assignment(deadline) }), today);
        expect(overdue).toBe(s === 'assigned' && today > deadline);
      }),
    );
  });
});
