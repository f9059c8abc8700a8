// The activity form refuses what the shared schema refuses and names the field in Chinese.
import { describe, expect, it } from 'vitest';
import { makeActivity } from '../../../src-shared/testing/factories';
import { activityFieldErrors, toActivityFields } from './activity-form-values';

describe('the activity form', () => {
  it('accepts a complete activity and drops empty optional fields', () => {
    const fields = toActivityFields({
      type: 'training',
      date: '2026-03-10',
      title: '  代表学习培训  ',
      place: ' ',
      representativeIds: ['a', 'a', 'b'],
      participantCount: null,
      summary: '学习《代表法》',
    });
    expect(fields.title).toBe('代表学习培训');
    expect(fields.place).toBeUndefined();
    expect(fields.representativeIds).toEqual(['a', 'b']);
    expect(activityFieldErrors(fields)).toEqual([]);
  });

  it('names the missing type, date and title', () => {
    const errors = activityFieldErrors(toActivityFields({ title: ' ' }));
    const byField = Object.fromEntries(errors.map((e) => [e.field, e.message]));
    expect(byField.type).toContain('活动类型');
    expect(byField.date).toContain('活动日期');
    expect(byField.title).toContain('活动名称');
  });

  it('refuses a negative participant count on an edit, and clears a removed optional field', () => {
    const stored = makeActivity({ place: '村委会' });
    const fields = toActivityFields({
      type: stored.type,
      date: stored.date,
      title: stored.title,
      participantCount: -1,
    });
    const errors = activityFieldErrors(fields, stored);
    expect(errors.map((e) => e.field)).toEqual(['participantCount']);
    expect(errors[0]?.message).toContain('参加人数');
    expect(fields.place).toBeUndefined();
  });
});
