// Canonical JSON and structural equality: key order never matters, content always does, and the two agree.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, jsonEqual } from './canonical-json';

/** The same value with every object's keys in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversedKeys(v)]),
  );
}

describe('canonicalJson', () => {
  it('sorts object keys at every depth and writes compact JSON', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: true, e: null }], c: '意见' } })).toBe(
      '{"a":{"c":"意见","d":[2,{"e":null,"f":true}]},"b":1}',
    );
  });

  it('gives what JSON.stringify gives once the keys are sorted', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const parsed = JSON.parse(JSON.stringify(value)) as unknown;
        expect(JSON.parse(canonicalJson(parsed))).toEqual(parsed);
        expect(canonicalJson(reversedKeys(parsed))).toBe(canonicalJson(parsed));
      }),
    );
  });

  it('leaves out undefined object values and writes undefined elsewhere as null', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson([undefined, 1])).toBe('[null,1]');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('tells different content apart', () => {
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
    expect(canonicalJson({ a: '1' })).not.toBe(canonicalJson({ a: 1 }));
  });
});

describe('jsonEqual', () => {
  it('ignores key order and a key holding undefined', () => {
    expect(jsonEqual({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
  });

  it('tells arrays from objects and differing values apart', () => {
    expect(jsonEqual([1], { 0: 1 })).toBe(false);
    expect(jsonEqual({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(jsonEqual({ a: null }, { a: 0 })).toBe(false);
  });

  it('agrees with comparing canonical JSON for any two JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(jsonEqual(a, b)).toBe(canonicalJson(a) === canonicalJson(b));
        expect(jsonEqual(a, reversedKeys(a))).toBe(true);
      }),
    );
  });
});
