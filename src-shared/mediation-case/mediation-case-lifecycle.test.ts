// The mediation-case lifecycle: transitions by the station only; an agreement needs the contents of art. 29.

import { describe, expect, it } from 'vitest';
import { allowedActions, applyCommand } from '../common/lifecycle';
import { makeActor, makeMediationCase } from '../testing/factories';
import { validateDocument } from '../validation/validate';
import type { MediationAgreement, MediationCase } from './mediation-case';
import { mediationCaseStatuses } from './mediation-case';
import {
  type MediationCaseAction,
  type MediationCaseCommand,
  mediationCaseLifecycle,
} from './mediation-case-lifecycle';

const NOW = '2026-03-12T02:00:00.000Z';
const station = makeActor('station');
const county = makeActor('county');

const agreement: MediationAgreement = {
  facts: '双方因林地界线发生争议',
  disputeItems: '林地东侧约两亩的归属',
  responsibilities: '被申请人越界种植，应承担主要责任',
  agreedContent: '被申请人于期限内移栽越界林木，申请人给予补偿500元',
  performanceMethod: '现场移栽，村委会见证',
  performanceDeadline: '2026-05-01',
  signedOn: '2026-03-12',
};

const validCommands: Record<MediationCaseAction, MediationCaseCommand> = {
  startMediation: { action: 'startMediation' },
  agree: { action: 'agree', payload: { agreement, outcome: '达成调解协议' } },
  perform: { action: 'perform', payload: { performedOn: '2026-04-28' } },
  fail: { action: 'fail', payload: { referral: { kind: 'court' }, failureReason: '被申请人拒绝调解' } },
  withdraw: { action: 'withdraw', payload: { withdrawalReason: '双方自行和解' } },
};

const actions = Object.keys(mediationCaseLifecycle.transitions) as MediationCaseAction[];
const caseIn = (status: MediationCase['status']) => makeMediationCase({ status });

describe('mediation case lifecycle: each transition', () => {
  for (const action of actions) {
    const t = mediationCaseLifecycle.transitions[action];
    for (const from of t.from) {
      it(`${action}: ${from} → ${t.to} by the station`, () => {
        const after = applyCommand(mediationCaseLifecycle, caseIn(from), validCommands[action], station, NOW);
        expect(after.status).toBe(t.to);
        expect(after.history.at(-1)).toMatchObject({ action, from, to: t.to, role: 'station' });
        expect(validateDocument('mediationCases', after).errors).toEqual([]);
      });
    }
    it(`${action}: refused for county staff`, () => {
      expect(() =>
        applyCommand(mediationCaseLifecycle, caseIn(t.from[0] ?? 'registered'), validCommands[action], county, NOW),
      ).toThrowError(expect.objectContaining({ code: 'role_not_allowed' }));
    });
    for (const from of mediationCaseStatuses.values.filter((s) => !t.from.includes(s))) {
      it(`${action}: refused from ${from}`, () => {
        expect(() =>
          applyCommand(mediationCaseLifecycle, caseIn(from), validCommands[action], station, NOW),
        ).toThrowError(expect.objectContaining({ code: 'transition_not_allowed' }));
      });
    }
  }
});

describe('mediation case requirements', () => {
  it.each(Object.keys(agreement) as (keyof MediationAgreement)[])('an agreement without %s is refused', (field) => {
    const incomplete = { ...agreement, [field]: '' };
    expect(() =>
      applyCommand(
        mediationCaseLifecycle,
        caseIn('mediating'),
        { action: 'agree', payload: { agreement: incomplete } },
        station,
        NOW,
      ),
    ).toThrowError(expect.objectContaining({ code: 'agreement_incomplete', field: `agreement.${field}` }));
  });

  it('an agreement without any agreement text is refused', () => {
    expect(() =>
      applyCommand(mediationCaseLifecycle, caseIn('mediating'), { action: 'agree' }, station, NOW),
    ).toThrowError(expect.objectContaining({ code: 'agreement_required' }));
  });

  it('an agreement needs an applicant and a respondent (the parties’ basic information)', () => {
    const oneSided = makeMediationCase({ status: 'mediating', parties: [{ name: '李四', role: 'applicant' }] });
    expect(() => applyCommand(mediationCaseLifecycle, oneSided, validCommands.agree, station, NOW)).toThrowError(
      expect.objectContaining({ code: 'parties_incomplete', field: 'parties' }),
    );
  });

  it('a failed mediation needs the referral: court, arbitration or administrative', () => {
    expect(() =>
      applyCommand(
        mediationCaseLifecycle,
        caseIn('mediating'),
        { action: 'fail', payload: { failureReason: '分歧大' } },
        station,
        NOW,
      ),
    ).toThrowError(expect.objectContaining({ code: 'referral_required', field: 'referral.kind' }));
  });

  it('performance needs the date', () => {
    expect(() =>
      applyCommand(mediationCaseLifecycle, caseIn('agreed'), { action: 'perform' }, station, NOW),
    ).toThrowError(expect.objectContaining({ code: 'performed_on_required' }));
  });

  it('county staff have no actions on a mediation case', () => {
    for (const status of mediationCaseStatuses.values) {
      expect(allowedActions(mediationCaseLifecycle, caseIn(status), 'county')).toEqual([]);
    }
  });
});
