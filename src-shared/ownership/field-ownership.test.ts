// Field ownership: the server refuses writes to fields the caller's role does not own; status moves follow the lifecycles.

import { describe, expect, it } from 'vitest';
import { syncedCollections } from '../api/sync-protocol';
import { collectionDefinitions } from '../collections';
import { makeDepartment, makeMediationCase, makeOpinion } from '../testing/factories';
import { changedFields, fieldOwnership, fieldsNotOwnedBy, isTransitionAllowed, ownerOfField } from './field-ownership';

describe('fieldsNotOwnedBy', () => {
  const before = makeOpinion({ status: 'assigned' });

  it('lets the station change intake fields and the county processing fields', () => {
    expect(fieldsNotOwnedBy('opinions', 'station', before, { ...before, content: '补充：已有三户受影响' })).toEqual([]);
    const replied = {
      ...before,
      status: 'replied' as const,
      reply: { class: 'A' as const, text: '已修复', repliedOn: '2026-03-20' },
      updatedAt: '2026-03-20T00:00:00.000Z',
    };
    expect(fieldsNotOwnedBy('opinions', 'county', before, replied)).toEqual([]);
  });

  it('names the fields a role may not write', () => {
    const byStation = { ...before, reply: { class: 'A' as const, text: '自己写的答复', repliedOn: '2026-03-20' } };
    expect(fieldsNotOwnedBy('opinions', 'station', before, byStation)).toEqual(['reply']);
    const byCounty = { ...before, visitor: { name: '改名' }, satisfaction: 'satisfied' as const };
    expect(fieldsNotOwnedBy('opinions', 'county', before, byCounty)).toEqual(['satisfaction', 'visitor']);
  });

  it('refuses changes of identity fields after creation, and unknown fields', () => {
    expect(fieldsNotOwnedBy('opinions', 'station', before, { ...before, stationId: 'other' })).toEqual(['stationId']);
    expect(fieldsNotOwnedBy('opinions', 'station', before, { ...before, hacked: true })).toEqual(['hacked']);
  });

  it('lets the station create its records, but not with county fields', () => {
    expect(fieldsNotOwnedBy('opinions', 'station', null, makeOpinion())).toEqual([]);
    expect(fieldsNotOwnedBy('opinions', 'station', null, makeOpinion({ status: 'assigned' }))).toEqual(['assignment']);
  });

  it('gives reference data to the county only and mediation cases to the station only', () => {
    const dept = makeDepartment();
    expect(fieldsNotOwnedBy('departments', 'station', dept, { ...dept, name: '新名称' })).toEqual(['name']);
    expect(fieldsNotOwnedBy('departments', 'county', dept, { ...dept, name: '新名称' })).toEqual([]);
    const mc = makeMediationCase();
    expect(fieldsNotOwnedBy('mediationCases', 'county', mc, { ...mc, facts: '改' })).toEqual(['facts']);
  });

  it('ignores RxDB bookkeeping and lets the system write anything', () => {
    expect(changedFields(before, { ...before, _rev: '2-x' })).toEqual([]);
    expect(
      fieldsNotOwnedBy('opinions', 'system', before, { ...before, reply: undefined, visitor: { name: 'x' } }),
    ).toEqual([]);
  });

  it('covers every schema field exactly once per collection', () => {
    for (const name of syncedCollections) {
      const o = fieldOwnership[name];
      const owned = [...o.station, ...o.county, ...o.shared];
      expect(new Set(owned).size, name).toBe(owned.length);
      expect([...owned].sort(), name).toEqual(Object.keys(collectionDefinitions[name].schema.properties).sort());
    }
    expect(ownerOfField('opinions', 'assignment')).toBe('county');
    expect(ownerOfField('opinions', 'visitor')).toBe('station');
    expect(ownerOfField('opinions', 'status')).toBe('shared');
  });
});

describe('isTransitionAllowed', () => {
  it('follows the lifecycle roles', () => {
    expect(isTransitionAllowed('opinions', 'recorded', 'submitted', 'station')).toBe(true);
    expect(isTransitionAllowed('opinions', 'recorded', 'submitted', 'county')).toBe(false);
    expect(isTransitionAllowed('opinions', 'submitted', 'accepted', 'county')).toBe(true);
    expect(isTransitionAllowed('opinions', 'submitted', 'accepted', 'station')).toBe(false);
    expect(isTransitionAllowed('opinions', 'replied', 'rated', 'station')).toBe(true);
    expect(isTransitionAllowed('opinions', 'closed', 'recorded', 'county')).toBe(false);
  });

  it('accepts several steps of the same role (offline work pushes only its last state)', () => {
    expect(isTransitionAllowed('mediationCases', 'registered', 'performed', 'station')).toBe(true);
    expect(isTransitionAllowed('opinions', 'submitted', 'replied', 'county')).toBe(true);
    // The station cannot skip the county's steps.
    expect(isTransitionAllowed('opinions', 'recorded', 'replied', 'station')).toBe(false);
  });

  it('new records start in the initial status, created by the station; unchanged status is fine', () => {
    expect(isTransitionAllowed('opinions', undefined, 'recorded', 'station')).toBe(true);
    expect(isTransitionAllowed('opinions', undefined, 'accepted', 'station')).toBe(false);
    expect(isTransitionAllowed('opinions', undefined, 'recorded', 'county')).toBe(false);
    expect(isTransitionAllowed('opinions', 'assigned', 'assigned', 'station')).toBe(true);
    expect(isTransitionAllowed('activities', undefined, undefined, 'station')).toBe(true);
  });
});
