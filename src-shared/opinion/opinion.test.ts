// The opinion schema migration v0 → v1 moves the flat visitor fields into the visitor object.

import { describe, expect, it } from 'vitest';
import { makeOpinion } from '../testing/factories';
import { validateDocument } from '../validation/validate';
import { migrateOpinionV0toV1, type OpinionV0 } from './opinion';

function v0Of(overrides: Partial<OpinionV0> = {}): OpinionV0 {
  const { visitor: _visitor, ...rest } = makeOpinion();
  return { ...rest, visitorName: '张三', visitorPhone: '13812345678', ...overrides };
}

describe('migrateOpinionV0toV1', () => {
  it('moves name and phone into visitor and yields a valid v1 opinion', () => {
    const old = v0Of();
    expect(validateDocument('opinions', old, 0).valid).toBe(true);
    const migrated = migrateOpinionV0toV1(old);
    expect(migrated.visitor).toEqual({ name: '张三', phone: '13812345678' });
    expect('visitorName' in migrated).toBe(false);
    expect('visitorPhone' in migrated).toBe(false);
    expect(validateDocument('opinions', migrated).errors).toEqual([]);
  });

  it('leaves out the phone when there was none, and keeps every other field (and RxDB fields)', () => {
    const { visitorPhone: _p, ...withoutPhone } = v0Of();
    const old = { ...withoutPhone, _rev: '3-x' } as OpinionV0 & { _rev: string };
    const migrated = migrateOpinionV0toV1(old);
    expect(migrated.visitor).toEqual({ name: '张三' });
    expect(migrated._rev).toBe('3-x');
    expect(migrated.content).toBe(old.content);
  });
});
