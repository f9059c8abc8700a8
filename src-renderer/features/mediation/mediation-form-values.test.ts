// The mediation forms refuse what the shared schema and the People's Mediation Law refuse, naming the field in Chinese.
import { describe, expect, it } from 'vitest';
import { makeMediationCase } from '../../../src-shared/testing/factories';
import {
  agreementFieldErrors,
  caseFieldErrors,
  partiesProblem,
  toAgreement,
  toCaseFields,
} from './mediation-form-values';

const twoParties = [
  { role: 'applicant' as const, name: '张三', phone: '13800001111' },
  { role: 'respondent' as const, name: '李四', idNumber: '45010119900101123x' },
];

describe('the register form', () => {
  it('accepts a complete case with two parties and trims the text', () => {
    const fields = toCaseFields({
      registeredOn: '2026-03-01',
      source: 'visitorRequest',
      disputeType: 'neighbour',
      facts: '  宅基地边界争议  ',
      parties: twoParties,
      participants: [{ role: 'mediator', name: '王调解' }],
    });
    expect(fields.facts).toBe('宅基地边界争议');
    expect(fields.parties[1]?.idNumber).toBe('45010119900101123X');
    expect(caseFieldErrors(fields)).toEqual([]);
    expect(partiesProblem(fields.parties)).toBeNull();
  });

  it('names each missing or malformed field in Chinese', () => {
    const fields = toCaseFields({
      registeredOn: '2026-3-1',
      disputeType: 'neighbour',
      parties: [{ role: 'applicant', name: '', phone: 'abc' }],
    });
    const errors = caseFieldErrors(fields);
    const byField = Object.fromEntries(errors.map((e) => [e.field, e.message]));
    expect(byField.registeredOn).toContain('受理日期');
    expect(byField.source).toContain('案件来源');
    expect(byField.facts).toContain('纠纷事实及请求');
    expect(byField['parties.0.name']).toContain('当事人姓名');
    expect(byField['parties.0.phone']).toContain('联系电话');
  });

  it('needs an applicant and a respondent', () => {
    expect(partiesProblem([{ role: 'applicant', name: '张三' }])).toBe('atLeastTwoParties');
    expect(
      partiesProblem([
        { role: 'applicant', name: '张三' },
        { role: 'applicant', name: '王五' },
      ]),
    ).toBe('needApplicantAndRespondent');
  });
});

describe('the agreement form', () => {
  it('names every empty statutory item', () => {
    const record = makeMediationCase({ status: 'mediating' });
    const agreement = toAgreement({ facts: '事实', disputeItems: '', agreedContent: '赔偿', signedOn: '2026-03-05' });
    const fields = agreementFieldErrors(record, agreement).map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'agreement.disputeItems',
        'agreement.responsibilities',
        'agreement.performanceMethod',
        'agreement.performanceDeadline',
      ]),
    );
    expect(fields).not.toContain('agreement.facts');
  });

  it('accepts a complete agreement', () => {
    const record = makeMediationCase({ status: 'mediating' });
    const agreement = toAgreement({
      facts: '事实',
      disputeItems: '边界',
      responsibilities: '双方各半',
      agreedContent: '重新划界',
      performanceMethod: '现场立界桩',
      performanceDeadline: '2026-04-01',
      signedOn: '2026-03-05',
    });
    expect(agreementFieldErrors(record, agreement)).toEqual([]);
  });
});
