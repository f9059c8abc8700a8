// Likely duplicates: same category, similar Chinese text (character-bigram Jaccard), any station of the county.
import { describe, expect, it } from 'vitest';
import type { DuplicatesResponse } from '../../../src-shared/api/county-workspace';
import { countyRoutes } from '../../../src-shared/api/routes';
import { makeOpinion, TEST_COUNTY_ID } from '../../../src-shared/testing/factories';
import { auth, OTHER_COUNTY_ID, OTHER_STATION_ID, startTestServer } from '../testing/test-server';
import { bigrams, jaccard } from './duplicates';

describe('bigram Jaccard', () => {
  it('ignores punctuation and spaces, and scores identical text 1 and unrelated text 0', () => {
    expect([...bigrams('村道，破损')]).toEqual(['村道', '道破', '破损']);
    expect(jaccard(bigrams('村道破损需修复'), bigrams('村道 破损，需修复！'))).toBe(1);
    expect(jaccard(bigrams('村道破损'), bigrams('食品安全'))).toBe(0);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });
});

describe('GET /v1/county/opinions/:id/duplicates', () => {
  it('suggests similar opinions of the same category from other stations, best first, within the county', async () => {
    const server = await startTestServer();
    try {
      const road = '妙皇村至县道的村道多处破损，雨天难以通行，希望尽快修复。';
      const target = makeOpinion({ id: 'op-target', status: 'submitted', content: road });
      const near = makeOpinion({
        id: 'op-near',
        stationId: OTHER_STATION_ID,
        status: 'accepted',
        content: '妙皇村到县道的村道破损严重，下雨天无法通行，请尽快修复。',
      });
      const same = makeOpinion({ id: 'op-same', stationId: OTHER_STATION_ID, status: 'submitted', content: road });
      const otherCategory = makeOpinion({ id: 'op-cat', status: 'submitted', category: 'pollution', content: road });
      const unrelated = makeOpinion({
        id: 'op-far',
        status: 'submitted',
        title: '学校食堂',
        content: '学校食堂卫生条件差。',
      });
      const merged = makeOpinion({ id: 'op-merged', status: 'merged', mergedIntoId: 'op-same', content: road });
      const foreign = makeOpinion({
        id: 'op-foreign',
        countyId: OTHER_COUNTY_ID,
        stationId: 'station-tongling',
        status: 'submitted',
        content: road,
      });
      await server.store.upsertDocuments(
        'opinions',
        [target, near, same, otherCategory, unrelated, merged, foreign].map((o) => ({
          id: o.id,
          stationId: o.stationId,
          countyId: o.countyId,
          deleted: false,
          body: { ...o },
        })),
      );
      const res = await server.app.inject({
        method: 'GET',
        url: countyRoutes.duplicates('op-target'),
        headers: auth(server.tokens.staffX),
      });
      expect(res.statusCode).toBe(200);
      const { suggestions } = res.json<DuplicatesResponse>();
      expect(suggestions.map((s) => s.id)).toEqual(['op-same', 'op-near']);
      expect(suggestions[0]?.score).toBe(1);
      expect(suggestions[1]?.score).toBeGreaterThan(0.2);
      expect(suggestions[1]?.score).toBeLessThan(1);
      expect(suggestions[0]).toMatchObject({ stationName: '古德村人大代表联络站', category: 'ruralRevitalization' });

      const strict = await server.app.inject({
        method: 'GET',
        url: `${countyRoutes.duplicates('op-target')}?minScore=0.99`,
        headers: auth(server.tokens.staffX),
      });
      expect(strict.json<DuplicatesResponse>().suggestions.map((s) => s.id)).toEqual(['op-same']);

      const foreignStaff = await server.app.inject({
        method: 'GET',
        url: countyRoutes.duplicates('op-target'),
        headers: auth(server.tokens.staffY),
      });
      expect(foreignStaff.statusCode).toBe(403);
      const missing = await server.app.inject({
        method: 'GET',
        url: countyRoutes.duplicates('nope'),
        headers: auth(server.tokens.staffX),
      });
      expect(missing.statusCode).toBe(404);
      expect(TEST_COUNTY_ID).toBe(target.countyId);
    } finally {
      await server.close();
    }
  });
});
