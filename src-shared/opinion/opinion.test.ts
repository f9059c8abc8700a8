// The opinion schema migrations: v0 → v1 moves the flat visitor fields into the visitor object; v1 → v2 adds the
// newest-first sort key, whose string order is the reverse of the time order.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeOpinion } from '../testing/factories';
import { validateDocument } from '../validation/validate';
import {
  migrateOpinionV0toV1,
  migrateOpinionV1toV2,
  type OpinionV0,
  type OpinionV1,
  receivedAtDescOf,
} from './opinion';

function v1Of(overrides: Partial<OpinionV1> = {}): OpinionV1 {
  const { receivedAtDesc: _key, ...rest } = makeOpinion();
  return { ...rest, ...overrides };
}

function v0Of(overrides: Partial<OpinionV0> = {}): OpinionV0 {
  const { visitor: _visitor, ...rest } = v1Of();
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
    expect(validateDocument('opinions', migrated, 1).errors).toEqual([]);
    expect(validateDocument('opinions', migrateOpinionV1toV2(migrated)).errors).toEqual([]);
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

describe('migrateOpinionV1toV2 and the newest-first sort key', () => {
  it('adds the key derived from receivedAt and yields a valid v2 opinion; v1 is refused by the v2 schema', () => {
    const old = { ...v1Of({ receivedAt: '2026-03-01T08:00:00.000Z' }), _rev: '2-y' };
    expect(validateDocument('opinions', old, 1).valid).toBe(true);
    expect(validateDocument('opinions', old).errors.map((e) => e.field)).toEqual(['receivedAtDesc']);
    const migrated = migrateOpinionV1toV2(old);
    expect(migrated.receivedAtDesc).toBe(String(9_999_999_999_999 - Date.parse('2026-03-01T08:00:00.000Z')));
    expect(migrated._rev).toBe('2-y');
    expect(validateDocument('opinions', migrated).errors).toEqual([]);
  });

  it('orders keys as strings in the reverse order of the times, whatever the time zone notation', () => {
    const time = fc.integer({ min: 0, max: Date.parse('2199-12-31T00:00:00Z') }).map((ms) => new Date(ms));
    fc.assert(
      fc.property(time, time, (a, b) => {
        const ka = receivedAtDescOf(a.toISOString());
        const kb = receivedAtDescOf(b.toISOString());
        expect(ka).toMatch(/^[0-9]{13}$/);
        expect(Math.sign(ka.localeCompare(kb))).toBe(Math.sign(b.getTime() - a.getTime()));
      }),
    );
    expect(receivedAtDescOf('2026-03-01T16:00:00+08:00')).toBe(receivedAtDescOf('2026-03-01T08:00:00.000Z'));
    expect(receivedAtDescOf('不是时间')).toBe('');
  });
});
