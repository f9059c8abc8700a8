// Validation: the generated validators are current, accept factory records, and explain errors per field in Chinese.

import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { syncedCollections } from '../api/sync-protocol';
import { collectionDefinitions } from '../collections';
import {
  makeActivity,
  makeDepartment,
  makeMediationCase,
  makeOpinion,
  makePhoto,
  makeReceptionDay,
  makeRepresentative,
  makeStation,
} from '../testing/factories';
import generatedDeclarations from './generated/validators.d.ts?raw';
import generatedSource from './generated/validators.js?raw';
import { errorsByField, plainSchemaOf, rxdbValidatorFor, validateDocument, wireSchemaOf } from './validate';
import { buildValidatorDeclarations, buildValidatorSource } from './validator-source';

describe('generated validators', () => {
  it('are up to date with the schemas (run `node scripts/generate-validators.mjs` when this fails)', () => {
    expect(generatedSource === buildValidatorSource()).toBe(true);
    expect(generatedDeclarations).toBe(buildValidatorDeclarations());
  });

  it('need neither eval nor new Function nor require at run time', () => {
    expect(generatedSource).not.toMatch(/new Function|eval\(|require\(/);
  });
});

const samples = {
  stations: makeStation(),
  representatives: makeRepresentative(),
  departments: makeDepartment(),
  receptionDays: makeReceptionDay({ status: 'held' }),
  opinions: makeOpinion({ status: 'closed' }),
  mediationCases: makeMediationCase({ status: 'performed' }),
  activities: makeActivity(),
  photos: makePhoto(),
} as const;

describe('validateDocument', () => {
  it('accepts a valid record of every collection', () => {
    for (const [name, doc] of Object.entries(samples)) {
      const result = validateDocument(name as keyof typeof samples, doc);
      expect(result.errors, name).toEqual([]);
      expect(result.valid).toBe(true);
    }
  });

  it('ignores RxDB internal fields', () => {
    const doc = { ...makeOpinion(), _deleted: false, _rev: '1-abc', _meta: { lwt: 1 }, _attachments: {} };
    expect(validateDocument('opinions', doc).valid).toBe(true);
  });

  it('names the missing field by its Chinese label', () => {
    const { title: _omit, ...doc } = makeOpinion();
    const result = validateDocument('opinions', doc);
    expect(result.valid).toBe(false);
    expect(errorsByField(result).title).toMatchObject({ code: 'required', message: '请填写“标题”' });
  });

  it('explains nested and personal fields: a bad phone of the visitor', () => {
    const doc = makeOpinion({ visitor: { name: '张三', phone: 'abc' } });
    const error = errorsByField(validateDocument('opinions', doc))['visitor.phone'];
    expect(error?.code).toBe('invalidFormat');
    expect(error?.message).toContain('联系电话');
    expect(error?.message).toContain('电话号码');
  });

  it('explains dates, enums, lengths and integers', () => {
    const opinion = makeOpinion({ category: 'weather' as never, title: 'x'.repeat(101) });
    const byField = errorsByField(validateDocument('opinions', opinion));
    expect(byField.category?.message).toBe('“类别”的取值无效，请从列表中选择');
    expect(byField.title?.message).toBe('“标题”不能超过100个字，请删减');

    const day = makeReceptionDay({ date: '2026-3-5', visitorCount: 1.5 });
    const dayErrors = errorsByField(validateDocument('receptionDays', day));
    expect(dayErrors.date?.message).toContain('“接待日期”应为日期');
    expect(dayErrors.visitorCount?.code).toBe('notInteger');
  });

  it('reports array items with their index and the label of the item field', () => {
    const doc = makeMediationCase({ parties: [{ name: '', role: 'applicant' }] });
    const error = errorsByField(validateDocument('mediationCases', doc))['parties.0.name'];
    expect(error?.message).toBe('请填写“当事人姓名”');
  });

  it('refuses unknown fields', () => {
    const doc = { ...makeDepartment(), color: 'red' };
    expect(validateDocument('departments', doc).errors[0]).toMatchObject({ field: 'color', code: 'unknownField' });
  });

  it('validates opinions of schema version 0 with the v0 validator', () => {
    const { visitor, receivedAtDesc: _key, ...rest } = makeOpinion();
    const v0 = { ...rest, visitorName: visitor.name };
    expect(validateDocument('opinions', v0, 0).valid).toBe(true);
    expect(validateDocument('opinions', v0).valid).toBe(false);
  });
});

describe('rxdbValidatorFor', () => {
  it('returns RxDB-style errors for the storage schema of a collection', () => {
    const validate = rxdbValidatorFor({ title: 'opinions', version: 2 });
    expect(validate({ ...makeOpinion(), _deleted: false })).toEqual([]);
    expect(validate({ ...makeOpinion(), title: '' })[0]).toEqual({ field: 'title', message: '请填写“标题”' });
  });

  it('refuses a collection version it has no generated validator for, and skips RxDB internal stores', () => {
    expect(() => rxdbValidatorFor({ title: 'opinions', version: 99 })).toThrow(/no generated validator/);
    expect(rxdbValidatorFor({ title: 'RxInternalDocument', version: 0 })({ anything: 1 })).toEqual([]);
  });
});

describe('wire schema', () => {
  it.each(syncedCollections)(
    '%s compiles in a strict plain ajv (as the server uses it) and accepts a wire document',
    (name) => {
      const ajv = new Ajv({ strict: true, allErrors: true });
      const validate = ajv.compile(wireSchemaOf(name));
      const doc = { ...samples[name], _deleted: false };
      expect(validate(doc)).toBe(true);
      const { _deleted: _d, ...withoutFlag } = doc;
      expect(validate(withoutFlag)).toBe(false);
    },
  );

  it('is the plain schema plus _deleted, without RxDB keywords', () => {
    const wire = wireSchemaOf('opinions');
    expect(wire.required).toContain('_deleted');
    expect(wire.properties._deleted).toEqual({ type: 'boolean' });
    const text = JSON.stringify(wire);
    for (const keyword of ['"primaryKey"', '"indexes"', '"encrypted"', '"version"'])
      expect(text).not.toContain(keyword);
    expect(Object.keys(plainSchemaOf('opinions').properties)).toEqual(
      Object.keys(collectionDefinitions.opinions.schema.properties),
    );
  });
});
