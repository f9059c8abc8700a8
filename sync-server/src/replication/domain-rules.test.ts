// The server's domain rules beyond the schema: the derived sort key and the station's edit rules from src-shared.
import { describe, expect, it } from 'vitest';
import { receivedAtDescOf, withReceivedAtDesc } from '../../../src-shared/opinion/opinion';
import { makeOpinion, makeReceptionDay } from '../../../src-shared/testing/factories';
import { domainRules } from './domain-rules';

const asBody = (doc: object) => doc as Record<string, unknown>;

describe('derived sort key of an opinion', () => {
  it('accepts an opinion whose receivedAtDesc follows its receivedAt', () => {
    const opinion = withReceivedAtDesc({ ...makeOpinion(), receivedAt: '2025-11-20T01:00:00.000Z' });
    expect(domainRules.validate('opinions', asBody(opinion))).toEqual([]);
  });

  it('refuses a receivedAtDesc that belongs to another time, naming the field', () => {
    const opinion = { ...makeOpinion(), receivedAtDesc: receivedAtDescOf('2020-01-01T00:00:00.000Z') };
    const errors = domainRules.validate('opinions', asBody(opinion));
    expect(errors).toEqual([expect.objectContaining({ field: 'receivedAtDesc', code: 'derivedMismatch' })]);
    expect(errors[0]?.message).toMatch(/升级/);
  });

  it('refuses a receivedAt moved without its sort key', () => {
    const opinion = { ...makeOpinion(), receivedAt: '2026-01-15T08:00:00.000Z' };
    expect(domainRules.validate('opinions', asBody(opinion)).map((e) => e.field)).toEqual(['receivedAtDesc']);
  });
});

describe("the station's edit rules on push", () => {
  it('lets the station correct every intake field of a recorded opinion', () => {
    const before = makeOpinion({ source: 'walkIn' });
    const after = withReceivedAtDesc({
      ...before,
      title: '改正的标题',
      content: '改正的内容',
      receivedAt: '2026-03-01T01:00:00.000Z',
    });
    expect(domainRules.editRefused('opinions', 'station', asBody(before), asBody(after))).toBeNull();
  });

  it('lets an offline edit of a recorded opinion arrive together with its submission', () => {
    const before = makeOpinion();
    const after = { ...before, title: '提交前改正的标题', status: 'submitted' as const };
    expect(domainRules.editRefused('opinions', 'station', asBody(before), asBody(after))).toBeNull();
  });

  it('after submission lets the station change only the visitor, and names the locked fields', () => {
    const before = makeOpinion({ status: 'submitted' });
    const visitor = { ...before, visitor: { ...before.visitor, phone: '13900000000' } };
    expect(domainRules.editRefused('opinions', 'station', asBody(before), asBody(visitor))).toBeNull();
    const edited = { ...before, title: '改过的标题', category: 'pollution' as const };
    const refusal = domainRules.editRefused('opinions', 'station', asBody(before), asBody(edited));
    expect(refusal).toMatchObject({ code: 'opinion_field_locked', fields: ['category', 'title'] });
    expect(refusal?.message).toMatch(/已提交/);
  });

  it("keeps a reception day opinion's time and source, even while recorded", () => {
    const before = makeOpinion({ receptionDayId: 'day-1' });
    const after = withReceivedAtDesc({ ...before, receivedAt: '2026-03-01T01:00:00.000Z' });
    expect(domainRules.editRefused('opinions', 'station', asBody(before), asBody(after))).toMatchObject({
      code: 'opinion_field_locked',
      fields: ['receivedAt'],
    });
  });

  it('lets a planned reception day be re-planned and held with its notes, but not re-planned once held', () => {
    const planned = makeReceptionDay();
    const replanned = { ...planned, date: '2026-03-12', place: '村委会会议室' };
    expect(domainRules.editRefused('receptionDays', 'station', asBody(planned), asBody(replanned))).toBeNull();
    const held = {
      ...planned,
      status: 'held' as const,
      presentRepresentativeIds: ['rep-1'],
      visitorCount: 4,
      notes: '接待顺利',
    };
    expect(domainRules.editRefused('receptionDays', 'station', asBody(planned), asBody(held))).toBeNull();

    const moved = { ...held, date: '2026-03-20', notes: '改过的备注' };
    const refusal = domainRules.editRefused('receptionDays', 'station', asBody(held), asBody(moved));
    expect(refusal).toMatchObject({ code: 'reception_day_not_editable', fields: ['date', 'notes'] });
    expect(refusal?.message).toMatch(/已登记开展情况/);
    const cancelled = makeReceptionDay({ status: 'cancelled' });
    expect(
      domainRules.editRefused('receptionDays', 'station', asBody(cancelled), asBody({ ...cancelled, topic: '新主题' })),
    ).toMatchObject({ code: 'reception_day_not_editable', fields: ['topic'] });
  });

  it('leaves new records and county staff to the other rules', () => {
    const submitted = makeOpinion({ status: 'submitted' });
    expect(domainRules.editRefused('opinions', 'station', null, asBody(submitted))).toBeNull();
    const accepted = { ...submitted, status: 'accepted' as const };
    expect(domainRules.editRefused('opinions', 'county', asBody(submitted), asBody(accepted))).toBeNull();
  });
});
