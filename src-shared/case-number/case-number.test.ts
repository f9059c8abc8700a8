// Station-scoped case numbers: sequential per station, year and device; parsable; never colliding across scopes.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCaseNumber, nextCaseNumber, parseCaseNumber } from './case-number';

const base = { countyShortName: '象州', stationShortName: '妙皇', year: 2026 };

describe('case numbers', () => {
  it('starts at 0001 and continues after the highest known number of the station and year', () => {
    expect(nextCaseNumber({ ...base, existing: [] })).toBe('象州-妙皇-2026-0001');
    const existing = ['象州-妙皇-2026-0006', '象州-妙皇-2026-0002', '象州-妙皇-2025-0040', '象州-罗秀-2026-0099'];
    expect(nextCaseNumber({ ...base, existing })).toBe('象州-妙皇-2026-0007');
  });

  it('ignores other devices of the same station and keeps its own sequence per device code', () => {
    const existing = ['象州-妙皇-2026-0009', '象州-妙皇-2026-B0002'];
    expect(nextCaseNumber({ ...base, existing, deviceCode: 'B' })).toBe('象州-妙皇-2026-B0003');
    expect(nextCaseNumber({ ...base, existing })).toBe('象州-妙皇-2026-0010');
  });

  it('grows beyond four digits', () => {
    expect(nextCaseNumber({ ...base, existing: ['象州-妙皇-2026-9999'] })).toBe('象州-妙皇-2026-10000');
  });

  it('parses what it formats', () => {
    expect(parseCaseNumber('象州-妙皇-2026-0007')).toEqual({ ...base, deviceCode: '', sequence: 7 });
    expect(parseCaseNumber('象州-妙皇-2026-B0012')).toEqual({ ...base, deviceCode: 'B', sequence: 12 });
    expect(parseCaseNumber('not a number')).toBeUndefined();
    expect(parseCaseNumber('象州-妙皇-26-0007')).toBeUndefined();
  });

  it('refuses prefixes that would make numbers ambiguous', () => {
    expect(() => formatCaseNumber({ ...base, stationShortName: '妙-皇', deviceCode: '', sequence: 1 })).toThrowError(
      expect.objectContaining({ code: 'invalid_case_number_prefix' }),
    );
    expect(() => formatCaseNumber({ ...base, deviceCode: 'A', sequence: 1 })).toThrowError(
      expect.objectContaining({ code: 'invalid_device_code' }),
    );
  });

  it('numbers assigned independently by different stations or devices never collide', () => {
    const scope = fc.record({
      station: fc.constantFrom('妙皇', '罗秀', '运江'),
      device: fc.constantFrom('', 'B', 'C'),
    });
    fc.assert(
      fc.property(fc.array(scope, { maxLength: 60 }), (assignments) => {
        // Each device sees only its own numbers (offline), yet all numbers stay distinct.
        const seen = new Map<string, string[]>();
        const all: string[] = [];
        for (const { station, device } of assignments) {
          const key = `${station}|${device}`;
          const own = seen.get(key) ?? [];
          const n = nextCaseNumber({ ...base, stationShortName: station, deviceCode: device, existing: own });
          own.push(n);
          seen.set(key, own);
          all.push(n);
        }
        expect(new Set(all).size).toBe(all.length);
        for (const n of all) expect(formatCaseNumber(parseCaseNumber(n)!)).toBe(n);
      }),
    );
  });
});
