// Enums defined with their labels.

import { describe, expect, it } from 'vitest';
import { activityFrequency, activityTypes } from '../activity/activity';
import { opinionFieldLabels, opinionStatuses } from '../opinion/opinion';
import { defineEnum, labelOf } from './labels';

describe('labels', () => {
  it('lists values in order and labels them in both languages', () => {
    const e = defineEnum({ a: { 'zh-CN': '甲', en: 'A' }, b: { 'zh-CN': '乙', en: 'B' } });
    expect(e.values).toEqual(['a', 'b']);
    expect(e.label('b')).toBe('乙');
    expect(e.label('b', 'en')).toBe('B');
    expect(e.includes('a')).toBe(true);
    expect(e.includes('toString')).toBe(false);
    expect(e.options()).toEqual([
      { value: 'a', label: '甲' },
      { value: 'b', label: '乙' },
    ]);
  });

  it('labels domain values and falls back to the raw value', () => {
    expect(opinionStatuses.label('answeredOnSite')).toBe('当场答复');
    expect(labelOf(opinionFieldLabels, 'visitor')).toBe('反映人');
    expect(labelOf(opinionFieldLabels, 'unknownField')).toBe('unknownField');
  });

  it('knows the required frequency of each activity type', () => {
    expect(activityFrequency('reception')).toBe('month');
    expect(activityFrequency('supervision')).toBe('halfYear');
    expect(activityTypes.values).toHaveLength(8);
  });
});
