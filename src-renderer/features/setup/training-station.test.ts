// The demo station must satisfy the shared schemas and cover every representative level (training is realistic).
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { rxdbSchemaKeywords } from '../../../src-shared/common/json-schema';
import { departmentSchema } from '../../../src-shared/department/department';
import { representativeLevels, representativeSchema } from '../../../src-shared/representative/representative';
import { stationSchema } from '../../../src-shared/station/station';
import { buildTrainingStation } from './training-station';

function validator(schema: object) {
  const ajv = new Ajv({ strict: false });
  for (const keyword of rxdbSchemaKeywords) ajv.addKeyword(keyword);
  return ajv.compile(schema);
}

describe('training station', () => {
  const demo = buildTrainingStation('2026-03-01T08:00:00.000Z');

  it('is one activity center of 象州县', () => {
    expect(demo.station.kind).toBe('activityCenter');
    expect(demo.station.countyName).toBe('象州县');
    expect(validator(stationSchema)(demo.station)).toBe(true);
  });

  it('has 6–8 representatives across all five levels, all in the station and valid', () => {
    expect(demo.representatives.length).toBeGreaterThanOrEqual(6);
    expect(demo.representatives.length).toBeLessThanOrEqual(8);
    expect(new Set(demo.representatives.map((r) => r.level))).toEqual(new Set(representativeLevels.values));
    const valid = validator(representativeSchema);
    for (const r of demo.representatives) {
      expect(r.stationId).toBe(demo.station.id);
      expect(valid(r)).toBe(true);
    }
  });

  it('has departments of the same county', () => {
    expect(demo.departments.length).toBeGreaterThan(3);
    const valid = validator(departmentSchema);
    for (const d of demo.departments) {
      expect(d.countyId).toBe(demo.station.countyId);
      expect(valid(d)).toBe(true);
    }
  });
});
