// Sync report: fresh, stale, never synced, not enrolled and revoked stations, from the server's own records; on both
// stores (SQLite and PostgreSQL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStation, TEST_COUNTY_ID } from '../../../src-shared/testing/factories';
import { preEnrolStation } from '../demo/load-demo';
import { writeReference } from '../services/reference-data';
import type { Store } from '../store/store';
import { type OpenedStore, openTestStore, storeKinds } from '../testing/test-stores';
import { buildSyncReport } from './sync-report';

const now = new Date('2026-04-10T02:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

async function seed(store: Store): Promise<void> {
  await store.upsertCounties([
    { id: TEST_COUNTY_ID, name: '象州县' },
    { id: 'county-wuxuan', name: '武宣县' },
  ]);
  const station = (id: string, name: string) => makeStation({ id, name, shortName: id.slice(-2) });
  await writeReference(store, 'stations', [
    station('st-fresh', '甲站'),
    station('st-stale', '乙站'),
    station('st-never', '丙站'),
    station('st-none', '丁站'),
    station('st-revoked', '戊站'),
    makeStation({ id: 'st-other', countyId: 'county-wuxuan', countyName: '武宣县', countyShortName: '武宣' }),
  ]);
  for (const id of ['st-fresh', 'st-stale', 'st-never', 'st-revoked', 'st-other']) {
    await preEnrolStation(store, id, 'http://127.0.0.1', new Date(daysAgo(30)));
  }
  await store.recordHeartbeat({
    stationId: 'st-fresh',
    at: daysAgo(0.5),
    appVersion: '0.2.0',
    pendingChanges: 4,
    lastError: null,
    lastSyncAt: daysAgo(0.5),
  });
  await store.recordSyncActivity('st-fresh', 'push', daysAgo(1));
  // Stale: it still sends heartbeats (with an error) but has not synced for 8 days.
  await store.recordSyncActivity('st-stale', 'pull', daysAgo(8));
  await store.recordHeartbeat({
    stationId: 'st-stale',
    at: daysAgo(2),
    appVersion: '0.1.0',
    pendingChanges: 120,
    lastError: '网络连接失败',
    lastSyncAt: daysAgo(8),
  });
  await store.recordSyncActivity('st-revoked', 'pull', daysAgo(20));
  await store.revokeStation('st-revoked', daysAgo(10));
}

describe.each(storeKinds)('sync report (%s)', (kind) => {
  let opened: OpenedStore;
  let store: Store;
  beforeAll(async () => {
    opened = await openTestStore(kind);
    store = opened.store;
    await seed(store);
  });
  afterAll(() => opened.dispose());

  it('has one row per station of the county, with status, days and the heartbeat figures', async () => {
    const report = await buildSyncReport(store, TEST_COUNTY_ID, now);
    const rows = Object.fromEntries(report.stations.map((s) => [s.stationId, s]));
    expect(Object.keys(rows).sort()).toEqual(['st-fresh', 'st-never', 'st-none', 'st-revoked', 'st-stale']);
    expect(rows['st-fresh']).toMatchObject({
      status: 'fresh',
      stale: false,
      lastSyncAt: daysAgo(1),
      daysSinceSync: 1,
      daysSinceSeen: 0,
      appVersion: '0.2.0',
      pendingChanges: 4,
    });
    expect(rows['st-stale']).toMatchObject({
      status: 'stale',
      stale: true,
      statusLabel: '超期未同步',
      daysSinceSync: 8,
      daysSinceSeen: 2,
      lastError: '网络连接失败',
      pendingChanges: 120,
    });
    expect(rows['st-never']).toMatchObject({ status: 'neverSynced', neverSynced: true, enrolled: true, stale: false });
    expect(rows['st-none']).toMatchObject({ status: 'notEnrolled', enrolled: false, enrolledAt: null });
    expect(rows['st-revoked']).toMatchObject({ status: 'revoked', revoked: true, enrolled: false, daysSinceSync: 20 });
    expect(report.totals).toEqual({ stations: 5, fresh: 1, stale: 1, neverSynced: 1, notEnrolled: 1, revoked: 1 });
  });

  it('takes the stale threshold as a parameter', async () => {
    const report = await buildSyncReport(store, TEST_COUNTY_ID, now, 10);
    expect(report.stations.find((s) => s.stationId === 'st-stale')?.stale).toBe(false);
    expect((await buildSyncReport(store, TEST_COUNTY_ID, now, 1)).totals.stale).toBe(2);
  });

  it('refuses an unknown county', async () => {
    await expect(buildSyncReport(store, 'county-none', now)).rejects.toMatchObject({ code: 'county_not_found' });
  });
});
