// Validation errors land on the right antd field, in the chosen language; unknown fields go above the form.
import { describe, expect, it } from 'vitest';
import type { LocalisedFieldError } from '../../src-shared/validation/validate';
import { fieldPath, toFormErrors } from './field-errors';

const errors: LocalisedFieldError[] = [
  { field: 'title', code: 'required', message: '请填写“标题”', messageEn: 'Title is required' },
  { field: 'visitor.phone', code: 'invalidFormat', message: '“联系电话”应为电话号码', messageEn: 'Phone invalid' },
  { field: 'history', code: 'invalid', message: '“办理记录”不符合要求', messageEn: 'History invalid' },
];

describe('field errors', () => {
  it('turns dotted paths into antd name paths', () => {
    expect(fieldPath('parties.0.name')).toEqual(['parties', 0, 'name']);
  });

  it('puts errors at the form fields and keeps the rest apart', () => {
    const result = toFormErrors(errors, ['title', 'visitor.phone'], 'zh-CN');
    expect(result.fields).toEqual([
      { name: ['title'], errors: ['请填写“标题”'] },
      { name: ['visitor', 'phone'], errors: ['“联系电话”应为电话号码'] },
    ]);
    expect(result.other).toEqual(['“办理记录”不符合要求']);
  });

  it('uses English messages and field aliases', () => {
    const result = toFormErrors(errors, ['phone'], 'en', { 'visitor.phone': 'phone' });
    expect(result.fields).toEqual([{ name: ['phone'], errors: ['Phone invalid'] }]);
  });
});
