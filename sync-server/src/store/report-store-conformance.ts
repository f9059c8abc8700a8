// What every ReportStore must do (SQLite and PostgreSQL) beyond the report tests' figures: duplicate candidates,
// the masked opinion list and the sync report's rows. (work-report.test.ts and sync-report.test.ts run on both too.)
import { describe, expect, it } from 'vitest';
import { makeOpinion, makeStation, TEST_COUNTY_ID, TEST_STATION_ID } from '../../../src-shared/testing/factories';
import type { OpenedStore } from '../testing/test-stores';
import { withOpened } from './document-store-conformance';
import type { Store } from './store';

function opinionWrite(overrides: Parameters<typeof makeOpinion>[0]) {
  const o = makeOpinion(overrides);
  return { id: o.id, stationId: o.stationId, countyId: o.countyId, deleted: false, body: { ...o } };
}

const stationWrite = {
  id: TEST_STATION_ID,
  stationId: TEST_STATION_ID,
  countyId: TEST_COUNTY_ID,
  deleted: false,
  body: { ...makeStation() },
};

export function describeReportStoreConformance(name: string, open: () => Promise<OpenedStore<Store>>): void {
  const withStore = (fn: (store: Store) => Promise<void>) => withOpened(open, fn);

  describe(`${name}: report queries`, () => {
    it('offers as duplicate candidates the county’s opinions of the category that are neither recorded, merged nor rejected', () =>
      withStore(async (store) => {
        await store.upsertDocuments('stations', [stationWrite]);
        await store.upsertDocuments('opinions', [
          opinionWrite({ id: 'target', status: 'submitted' }),
          opinionWrite({ id: 'accepted', status: 'accepted' }),
          opinionWrite({ id: 'recorded', status: 'recorded' }),
          opinionWrite({ id: 'rejected', status: 'rejected', rejectionReason: '不属于人大职责' }),
          opinionWrite({ id: 'other-category', status: 'submitted', category: 'pollution' }),
          opinionWrite({ id: 'other-county', status: 'submitted', countyId: 'county-wuxuan' }),
        ]);
        const candidates = await store.opinionDuplicateCandidates(TEST_COUNTY_ID, 'ruralRevitalization', 'target');
        expect(candidates).toEqual([
          expect.objectContaining({
            id: 'accepted',
            stationId: TEST_STATION_ID,
            stationName: '妙皇乡人大代表联络站',
            townshipName: '妙皇乡',
            status: 'accepted',
            title: '村道破损需修复',
          }),
        ]);
      }));

    it('lists the period’s opinions with the visitor masked, and each station with its tokens for the sync report', () =>
      withStore(async (store) => {
        await store.upsertDocuments('stations', [stationWrite]);
        await store.upsertDocuments('opinions', [
          opinionWrite({ id: 'in', receivedAt: '2026-03-31T15:59:59.000Z' }),
          opinionWrite({ id: 'out', receivedAt: '2026-03-31T16:00:00.000Z' }),
        ]);
        const query = { countyId: TEST_COUNTY_ID, from: '2026-03-01', to: '2026-03-31', asOf: '2026-04-10' };
        const rows = await store.opinionDetails(query, null);
        expect(rows.map((r) => [r.id, r.receivedOn, r.visitorName, r.visitorPhone, r.stationName])).toEqual([
          ['in', '2026-03-31', '张*', '138****5678', '妙皇乡人大代表联络站'],
        ]);
        expect(await store.opinionDetails(query, ['elsewhere'])).toEqual([]);
        await store.createToken({
          hash: 't1',
          kind: 'station',
          subject: TEST_STATION_ID,
          countyId: TEST_COUNTY_ID,
          stationId: TEST_STATION_ID,
          deviceName: 'pc',
          createdAt: '2026-03-01T00:00:00.000Z',
          revokedAt: null,
          expiresAt: null,
        });
        expect(await store.syncReportRows(TEST_COUNTY_ID)).toEqual([
          expect.objectContaining({
            stationId: TEST_STATION_ID,
            stationName: '妙皇乡人大代表联络站',
            activeTokens: 1,
            tokensIssued: 1,
            enrolledAt: '2026-03-01T00:00:00.000Z',
            lastPullAt: null,
          }),
        ]);
      }));
  });
}
