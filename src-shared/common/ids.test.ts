// ULIDs: 26 Crockford base32 characters, time-ordered, monotonic within a millisecond.

import { describe, expect, it } from 'vitest';
import { idTime, isUlid, newId } from './ids';

describe('newId', () => {
  it('makes 26-character Crockford base32 ids that encode the time', () => {
    const id = newId(1_767_225_600_000);
    expect(id).toHaveLength(26);
    expect(isUlid(id)).toBe(true);
    expect(idTime(id)).toBe(1_767_225_600_000);
  });

  it('is strictly increasing within one millisecond and when the clock goes back', () => {
    const ids = [
      newId(1_800_000_000_000),
      newId(1_800_000_000_000),
      newId(1_800_000_000_000),
      newId(1_799_999_999_999),
    ];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('sorts later ids after earlier ones', () => {
    const a = newId(1_900_000_000_000);
    const b = newId(1_900_000_000_001);
    expect(a < b).toBe(true);
  });

  it('never repeats over many calls', () => {
    const ids = Array.from({ length: 5000 }, () => newId());
    expect(new Set(ids).size).toBe(5000);
  });
});
