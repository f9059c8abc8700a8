// The opinion lifecycle: every transition allowed for its role and states, refused otherwise, requirements enforced.

import { describe, expect, it } from 'vitest';
import { DomainError } from '../common/domain-error';
import { allowedActions, applyCommand } from '../common/lifecycle';
import { makeActor, makeOpinion } from '../testing/factories';
import { validateDocument } from '../validation/validate';
import type { Opinion } from './opinion';
import { opinionStatuses } from './opinion';
import { type OpinionAction, type OpinionCommand, opinionActions, opinionLifecycle } from './opinion-lifecycle';

const NOW = '2026-03-10T01:00:00.000Z';
const station = makeActor('station');
const county = makeActor('county');

/** A valid command for each action. */
const validCommands: Record<OpinionAction, OpinionCommand> = {
  submit: { action: 'submit' },
  answerOnSite: { action: 'answerOnSite', payload: { onSiteAnswer: '已当场解释低保申请流程' } },
  accept: { action: 'accept' },
  reject: { action: 'reject', payload: { rejectionReason: '属于司法程序处理的事项' } },
  merge: { action: 'merge', payload: { mergedIntoId: 'opinion-older' } },
  assign: {
    action: 'assign',
    payload: { assignment: { leadDepartmentId: 'dept-a', assistingDepartmentIds: ['dept-b'], deadline: '2026-04-10' } },
  },
  return: { action: 'return', payload: { returnReason: '该路段属交通局管养' } },
  reply: {
    action: 'reply',
    payload: { reply: { class: 'B', text: '已列入2026年道路维修计划', repliedOn: '2026-03-25' } },
  },
  rate: { action: 'rate', payload: { satisfaction: 'basicallySatisfied' } },
  escalate: { action: 'escalate', payload: { escalation: { kind: 'suggestion', note: '多村反映' } } },
  close: { action: 'close', payload: { closingNote: '群众基本满意' } },
};

const actorFor = (action: OpinionAction) => {
  const by = opinionLifecycle.transitions[action]?.by;
  return by === 'county' ? county : station;
};
const otherActor = (action: OpinionAction) => (actorFor(action).role === 'station' ? county : station);

/** An opinion in `status`, valid for the actions from that status (a rated one was rated unsatisfied). */
const opinionIn = (status: Opinion['status']): Opinion =>
  makeOpinion({ status, ...(status === 'rated' ? { satisfaction: 'unsatisfied' as const } : {}) });

const actions = Object.keys(opinionLifecycle.transitions) as OpinionAction[];

describe('opinion lifecycle: each transition', () => {
  for (const action of actions) {
    const t = opinionLifecycle.transitions[action];
    for (const from of t.from) {
      it(`${action}: ${from} → ${t.to} by ${actorFor(action).role}, recorded in history, schema-valid`, () => {
        const before = opinionIn(from);
        const after = applyCommand(opinionLifecycle, before, validCommands[action], actorFor(action), NOW);
        expect(after.status).toBe(t.to);
        expect(after.updatedAt).toBe(NOW);
        expect(after.history).toHaveLength(before.history.length + 1);
        expect(after.history.at(-1)).toMatchObject({
          at: NOW,
          by: actorFor(action).name,
          role: actorFor(action).role,
          action,
          from,
          to: t.to,
        });
        for (const [field, value] of Object.entries(validCommands[action].payload ?? {})) {
          expect((after as unknown as Record<string, unknown>)[field]).toEqual(value);
        }
        expect(validateDocument('opinions', after).errors).toEqual([]);
        expect(before.status).toBe(from); // the input is not mutated
      });
    }

    it(`${action}: refused for the wrong role`, () => {
      const before = opinionIn(t.from[0] ?? 'recorded');
      expect(() => applyCommand(opinionLifecycle, before, validCommands[action], otherActor(action), NOW)).toThrowError(
        expect.objectContaining({ code: 'role_not_allowed' }),
      );
    });

    const wrongStates = opinionStatuses.values.filter((s) => !t.from.includes(s));
    for (const from of wrongStates) {
      it(`${action}: refused from ${from}`, () => {
        const before = opinionIn(from);
        expect(() => applyCommand(opinionLifecycle, before, validCommands[action], actorFor(action), NOW)).toThrowError(
          expect.objectContaining({ code: 'transition_not_allowed', field: 'status' }),
        );
      });
    }
  }
});

describe('opinion lifecycle: requirements', () => {
  const refused = (before: Opinion, command: OpinionCommand, code: string, field?: string) => {
    const role = actorFor(command.action);
    try {
      applyCommand(opinionLifecycle, before, command, role, NOW);
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      const e = error as DomainError;
      expect(e.code).toBe(code);
      if (field) expect(e.field).toBe(field);
      expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
      return;
    }
    throw new Error(`expected ${command.action} to be refused with ${code}`);
  };

  it('answering on site needs the answer', () => {
    refused(
      opinionIn('recorded'),
      { action: 'answerOnSite', payload: { onSiteAnswer: '  ' } },
      'on_site_answer_required',
    );
  });
  it('rejecting needs a reason', () => {
    refused(opinionIn('submitted'), { action: 'reject' }, 'rejection_reason_required', 'rejectionReason');
  });
  it('merging needs the target, and not itself', () => {
    refused(opinionIn('accepted'), { action: 'merge' }, 'merged_into_required');
    const o = opinionIn('accepted');
    refused(o, { action: 'merge', payload: { mergedIntoId: o.id } }, 'merge_into_self');
  });
  it('assigning needs a lead department and a deadline', () => {
    refused(
      opinionIn('accepted'),
      {
        action: 'assign',
        payload: { assignment: { leadDepartmentId: '', assistingDepartmentIds: [], deadline: '2026-04-01' } },
      },
      'lead_department_required',
      'assignment.leadDepartmentId',
    );
    refused(
      opinionIn('accepted'),
      {
        action: 'assign',
        payload: { assignment: { leadDepartmentId: 'd', assistingDepartmentIds: [], deadline: '' } },
      },
      'deadline_required',
      'assignment.deadline',
    );
    refused(
      opinionIn('accepted'),
      {
        action: 'assign',
        payload: { assignment: { leadDepartmentId: 'd', assistingDepartmentIds: ['d'], deadline: '2026-04-01' } },
      },
      'lead_department_also_assisting',
    );
  });
  it('re-assigning a rated opinion needs an unsatisfied rating (重新交办)', () => {
    refused(
      makeOpinion({ status: 'rated', satisfaction: 'satisfied' }),
      validCommands.assign,
      'reassign_requires_unsatisfied',
    );
    expect(opinionActions(makeOpinion({ status: 'rated', satisfaction: 'satisfied' }), 'county')).not.toContain(
      'assign',
    );
    expect(opinionActions(makeOpinion({ status: 'rated', satisfaction: 'unsatisfied' }), 'county')).toContain('assign');
  });
  it('re-assigning keeps the old reply in the history entry', () => {
    const rated = makeOpinion({ status: 'rated', satisfaction: 'unsatisfied' });
    const after = applyCommand(opinionLifecycle, rated, validCommands.assign, county, NOW);
    expect(after.reply).toBeUndefined();
    expect(JSON.parse(after.history.at(-1)?.overwritten ?? '{}').reply).toEqual(rated.reply);
  });
  it('returning needs a reason', () => {
    refused(opinionIn('assigned'), { action: 'return', payload: { returnReason: '' } }, 'return_reason_required');
  });
  it('replying needs the class and the text', () => {
    refused(opinionIn('assigned'), { action: 'reply' }, 'reply_required');
    refused(
      opinionIn('assigned'),
      { action: 'reply', payload: { reply: { class: 'D' as never, text: 'x', repliedOn: '2026-03-01' } } },
      'reply_class_required',
    );
    refused(
      opinionIn('assigned'),
      { action: 'reply', payload: { reply: { class: 'A', text: '', repliedOn: '2026-03-01' } } },
      'reply_text_required',
    );
  });
  it('rating needs a reply first and a satisfaction', () => {
    const { reply: _r, ...withoutReply } = opinionIn('replied');
    refused(withoutReply as Opinion, validCommands.rate, 'reply_required');
    refused(opinionIn('replied'), { action: 'rate' }, 'satisfaction_required');
  });
  it('escalating needs suggestion or motion', () => {
    refused(opinionIn('accepted'), { action: 'escalate' }, 'escalation_kind_required');
  });
  it('a command may write only its own fields', () => {
    refused(opinionIn('recorded'), { action: 'submit', payload: { title: '改标题' } }, 'field_not_writable', 'title');
  });
  it('an unknown action is refused', () => {
    refused(opinionIn('recorded'), { action: 'fly' as OpinionAction }, 'unknown_action');
  });
});

describe('allowedActions', () => {
  it('lists what the station may do with a recorded opinion, and nothing for the county', () => {
    expect(allowedActions(opinionLifecycle, opinionIn('recorded'), 'station').sort()).toEqual([
      'answerOnSite',
      'submit',
    ]);
    expect(allowedActions(opinionLifecycle, opinionIn('recorded'), 'county')).toEqual([]);
  });
  it('lists the county actions on a submitted opinion', () => {
    expect(allowedActions(opinionLifecycle, opinionIn('submitted'), 'county').sort()).toEqual(
      ['accept', 'escalate', 'merge', 'reject'].sort(),
    );
  });
  it('offers nothing on a closed opinion', () => {
    expect(allowedActions(opinionLifecycle, opinionIn('closed'), 'county')).toEqual([]);
    expect(allowedActions(opinionLifecycle, opinionIn('closed'), 'station')).toEqual([]);
  });
});

describe('the full path of an opinion', () => {
  it('goes from recorded to closed with one history entry per step', () => {
    let o = makeOpinion();
    const steps: OpinionAction[] = ['submit', 'accept', 'assign', 'reply', 'rate', 'close'];
    steps.forEach((action, i) => {
      o = applyCommand(opinionLifecycle, o, validCommands[action], actorFor(action), `2026-03-1${i}T00:00:00.000Z`);
      expect(validateDocument('opinions', o).errors).toEqual([]);
    });
    expect(o.status).toBe('closed');
    expect(o.history.map((h) => h.action)).toEqual(steps);
    expect(new Set(o.history.map((h) => h.id)).size).toBe(steps.length);
  });
});
