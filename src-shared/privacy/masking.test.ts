// Masking personal information for lists and exports.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeMediationCase, makeOpinion } from '../testing/factories';
import { maskAddress, maskIdNumber, maskName, maskPersonalData, maskPhone } from './masking';

describe('masking', () => {
  it('keeps the first character of a name', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName(' 韦小宝 ')).toBe('韦**');
    expect(maskName('张')).toBe('*');
    expect(maskName('')).toBe('');
    expect(maskName(undefined)).toBe('');
    expect(maskName('𠮷野')).toBe('𠮷*');
  });

  it('shows only the first 3 and last 4 digits of a phone number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0772-4321234')).toBe('077*****1234');
    expect(maskPhone('12345')).toBe('***45');
    expect(maskPhone('110')).toBe('***');
    expect(maskPhone(null)).toBe('');
  });

  it('masks an ID number as in DOMAIN.md', () => {
    expect(maskIdNumber('450101199001011234')).toBe('450101********1234');
    expect(maskIdNumber('45010119900101123X')).toBe('450101********123X');
    expect(maskIdNumber('450101900101123')).toBe('450101*****1123');
    expect(maskIdNumber('1234')).toBe('****');
    expect(maskIdNumber('')).toBe('');
  });

  it('keeps only the start of an address', () => {
    expect(maskAddress('象州县妙皇乡妙皇村三组')).toBe('象州县妙皇****');
    expect(maskAddress('三组')).toBe('**');
    expect(maskAddress('')).toBe('');
  });

  it('masks the visitor of an opinion and the parties of a mediation case, without touching the input', () => {
    const opinion = makeOpinion();
    const masked = maskPersonalData(opinion);
    expect(masked.visitor).toEqual({
      name: '张*',
      phone: '138****5678',
      idNumber: '450101********1234',
      address: '妙皇****',
    });
    expect(opinion.visitor.name).toBe('张三');
    const mc = maskPersonalData(makeMediationCase());
    expect(mc.parties.map((p) => p.name)).toEqual(['李*', '王*']);
    expect(mc.parties[0]?.role).toBe('applicant');
  });

  it('never reveals more than the allowed characters, for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => {
        const n = Array.from(s.trim()).length;
        for (const masked of [maskName(s), maskPhone(s), maskIdNumber(s), maskAddress(s)]) {
          const visible = Array.from(masked).filter((c) => c !== '*').length;
          if (n > 0) expect(visible).toBeLessThan(n);
        }
      }),
    );
  });
});
