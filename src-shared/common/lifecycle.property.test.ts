// Property (c): no sequence of allowed transitions, with valid command payloads, yields a record its schema rejects.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type MediationCaseAction, mediationCaseLifecycle } from '../mediation-case/mediation-case-lifecycle';
import { type OpinionAction, opinionLifecycle } from '../opinion/opinion-lifecycle';
import { type ReceptionDayAction, receptionDayLifecycle } from '../reception-day/reception-day-lifecycle';
import { makeMediationCase, makeOpinion, makeReceptionDay } from '../testing/factories';
import { validateDocument } from '../validation/validate';
import type { Role } from './document';
import { type Actor, allowedActions, applyCommand, type Lifecycle, type LifecycleRecord } from './lifecycle';

const text = (max: number) => fc.string({ minLength: 1, maxLength: max }).filter((s) => s.trim() !== '');
const date = fc
  .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const id = fc.stringMatching(/^[0-9A-Z]{26}$/);

const opinionPayloads: Record<OpinionAction, fc.Arbitrary<object | undefined>> = {
  submit: fc.constant(undefined),
  accept: fc.constant(undefined),
  answerOnSite: text(200).map((onSiteAnswer) => ({ onSiteAnswer })),
  reject: text(200).map((rejectionReason) => ({ rejectionReason })),
  merge: id.map((mergedIntoId) => ({ mergedIntoId })),
  assign: fc
    .record({ leadDepartmentId: id, assistingDepartmentIds: fc.array(id, { maxLength: 3 }), deadline: date })
    .filter((a) => !a.assistingDepartmentIds.includes(a.leadDepartmentId))
    .map((assignment) => ({ assignment })),
  return: text(200).map((returnReason) => ({ returnReason })),
  reply: fc
    .record({ class: fc.constantFrom('A', 'B', 'C'), text: text(300), repliedOn: date })
    .map((reply) => ({ reply })),
  rate: fc.record({ satisfaction: fc.constantFrom('satisfied', 'basicallySatisfied', 'unsatisfied') }).map((r) => r),
  escalate: fc.constantFrom('suggestion', 'motion').map((kind) => ({ escalation: { kind } })),
  close: fc.option(text(100), { nil: undefined }).map((closingNote) => (closingNote ? { closingNote } : undefined)),
};

const agreement = fc.record({
  facts: text(100),
  disputeItems: text(100),
  responsibilities: text(100),
  agreedContent: text(100),
  performanceMethod: text(100),
  performanceDeadline: date,
  signedOn: date,
});
const mediationPayloads: Record<MediationCaseAction, fc.Arbitrary<object | undefined>> = {
  startMediation: fc.constant(undefined),
  agree: agreement.map((a) => ({ agreement: a })),
  perform: date.map((performedOn) => ({ performedOn })),
  fail: fc.constantFrom('court', 'arbitration', 'administrative').map((kind) => ({ referral: { kind } })),
  withdraw: fc.option(text(100), { nil: undefined }).map((w) => (w ? { withdrawalReason: w } : undefined)),
};
const receptionPayloads: Record<ReceptionDayAction, fc.Arbitrary<object | undefined>> = {
  hold: fc
    .record({ presentRepresentativeIds: fc.array(id, { minLength: 1, maxLength: 4 }), visitorCount: fc.nat(500) })
    .map((r) => r),
  cancel: text(100).map((cancelReason) => ({ cancelReason })),
};

const actors: Record<Exclude<Role, 'system'>, Actor> = {
  station: { name: '站点文书', role: 'station' },
  county: { name: '县人大干事', role: 'county' },
};

/** Walks `steps` allowed actions (choosing by the generated numbers), validating the record after every step. */
function walk<S extends string, A extends string, R extends LifecycleRecord<S>, Q extends string>(
  collection: 'opinions' | 'mediationCases' | 'receptionDays',
  lifecycle: Lifecycle<S, A, R, Q>,
  start: R,
  payloads: Record<A, fc.Arbitrary<object | undefined>>,
  reached: Set<string>,
) {
  return fc.property(
    fc.array(fc.tuple(fc.nat(), fc.constantFrom<Exclude<Role, 'system'>>('station', 'county')), { maxLength: 24 }),
    fc.array(fc.tuple(...(Object.keys(payloads) as A[]).map((a) => payloads[a])), { minLength: 24, maxLength: 24 }),
    (choices, payloadRows) => {
      let record = start;
      const actions = Object.keys(payloads) as A[];
      choices.forEach(([pick, role], step) => {
        // When the chosen role has nothing to do, the other role acts (no wasted steps).
        const other = role === 'station' ? 'county' : 'station';
        const own = allowedActions(lifecycle, record, role);
        if (own.length === 0) role = other;
        const allowed = own.length > 0 ? own : allowedActions(lifecycle, record, other);
        if (allowed.length === 0) return;
        const action = allowed[pick % allowed.length] as A;
        const payload = payloadRows[step]?.[actions.indexOf(action)] as Partial<R> | undefined;
        const at = new Date(Date.UTC(2026, 2, 1 + step)).toISOString();
        record = applyCommand(lifecycle, record, { action, ...(payload ? { payload } : {}) }, actors[role], at);
        expect(validateDocument(collection, record).errors).toEqual([]);
        reached.add(record.status);
      });
    },
  );
}

describe('lifecycles keep records schema-valid', () => {
  // The walks must actually get somewhere: every status is reached in some run.
  it('opinions', () => {
    const reached = new Set<string>();
    fc.assert(walk('opinions', opinionLifecycle, makeOpinion(), opinionPayloads, reached), { numRuns: 1000 });
    // 'closed' lies six lucky picks away, so it is not required here (the full path is tested in opinion-lifecycle.test.ts).
    const expected = Object.keys(opinionLifecycle.statusLabels).filter((s) => s !== 'recorded' && s !== 'closed');
    expect([...reached].filter((s) => s !== 'closed').sort()).toEqual(expected.sort());
  });
  it('mediation cases', () => {
    const reached = new Set<string>();
    fc.assert(walk('mediationCases', mediationCaseLifecycle, makeMediationCase(), mediationPayloads, reached), {
      numRuns: 100,
    });
    expect(reached.size).toBe(Object.keys(mediationCaseLifecycle.statusLabels).length - 1);
  });
  it('reception days', () => {
    const reached = new Set<string>();
    fc.assert(walk('receptionDays', receptionDayLifecycle, makeReceptionDay(), receptionPayloads, reached), {
      numRuns: 100,
    });
    expect([...reached].sort()).toEqual(['cancelled', 'held']);
  });
});
