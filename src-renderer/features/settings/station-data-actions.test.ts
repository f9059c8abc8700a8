// Moving PCs: an exported file restores into a freshly set-up app (which adopts the station), a file of another
// station is refused on an enrolled PC, and a wipe leaves nothing for the start-up restore to bring back.
import { afterEach, describe, expect, it } from 'vitest';
import { isDomainError } from '../../../src-shared/common/domain-error';
import { newId } from '../../../src-shared/common/ids';
import {
  makeActivity,
  makeActor,
  makeRepresentative,
  makeStation,
  TEST_COUNTY_ID,
  TEST_STATION_ID,
} from '../../../src-shared/testing/factories';
import type { StationProfile } from '../../app/app-types';
import { saveStationProfile, stationProfile$ } from '../../app/station-profile';
import type { LiaisonDatabase } from '../../db/database';
import { getLocalSetting, setLocalSetting } from '../../db/local-settings';
import { ActivityRepository } from '../../db/repositories/activity-repository';
import { openTestDatabase } from '../../db/testing/test-database';
import { exportStationData, parseStationData } from '../../db/transfer/station-data-file';
import { createMemoryHost } from '../../platform/memory-host';
import { restoreExportedFile, wipeLocalData } from './station-data-actions';

const open: LiaisonDatabase[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.close().catch(() => undefined);
});

const messages = { otherStation: (station: string, current: string) => `属于${station}，本机为${current}` };

/** A PC with the test station's data: one activity, two representatives. */
async function stationWithData() {
  const { db } = await openTestDatabase();
  open.push(db);
  await db.representatives.bulkInsert([makeRepresentative({ name: '韦代表' }), makeRepresentative({ name: '蓝代表' })]);
  const { id, countyId, stationId, createdAt, updatedAt, history, ...input } = makeActivity({ title: '学习培训' });
  void [id, countyId, stationId, createdAt, updatedAt, history];
  await new ActivityRepository(db).create(input, makeActor());
  return db;
}

/** The export file of the PC with data (closed afterwards: RxDB's free version allows 13 open collections). */
async function exportedFromAnotherPc() {
  const source = await stationWithData();
  const exported = await exportStationData(source);
  await source.close();
  return exported;
}

/** A new PC set up in training mode: a demo station of its own, no records. */
async function freshTrainingPc(): Promise<{ db: LiaisonDatabase; profile: StationProfile }> {
  const { db } = await openTestDatabase({ enrolled: false });
  open.push(db);
  const demo = makeStation({ id: newId(), countyId: newId(), name: '演示联络站' });
  await db.stations.insert(demo);
  await db.representatives.insert(
    makeRepresentative({ stationId: demo.id, countyId: demo.countyId, name: '演示代表' }),
  );
  await setLocalSetting(db, 'station-identity', { stationId: demo.id, countyId: demo.countyId });
  const profile: StationProfile = {
    stationId: demo.id,
    countyId: demo.countyId,
    stationName: demo.name,
    countyName: demo.countyName,
    countyShortName: demo.countyShortName,
    stationShortName: demo.shortName,
    clerkName: '黄文书',
    mode: 'training',
  };
  await saveStationProfile(db, profile);
  return { db, profile };
}

function currentProfile(db: LiaisonDatabase): Promise<StationProfile | null> {
  return new Promise((resolve) => {
    const sub = stationProfile$(db).subscribe((p) => {
      resolve(p);
      queueMicrotask(() => sub.unsubscribe());
    });
  });
}

describe('restoring an exported file', () => {
  it('brings every record back into a fresh training app, which takes over the station', async () => {
    const exported = await exportedFromAnotherPc();
    const { db, profile } = await freshTrainingPc();
    const host = createMemoryHost();

    const summary = await restoreExportedFile(db, host, new TextEncoder().encode(exported.data), profile, messages);

    expect(summary.restored.activities).toBe(1);
    expect((await getLocalSetting(db, 'station-identity'))?.stationId).toBe(TEST_STATION_ID);
    const adopted = await currentProfile(db);
    expect(adopted).toMatchObject({ stationId: TEST_STATION_ID, countyId: TEST_COUNTY_ID, clerkName: '黄文书' });
    expect(adopted?.stationShortName).toBe(makeStation().shortName);
    // The demo station and its representative are gone; the file's are there.
    expect(await db.stations.findOne(profile.stationId).exec()).toBeNull();
    const names = (await db.representatives.find().exec()).map((r) => r.name).sort();
    expect(names).toEqual(['蓝代表', '韦代表']);
    expect(host.logs.some((l) => l.message.includes('restored'))).toBe(true);
  });

  it('refuses another station’s file on an enrolled PC and stores nothing', async () => {
    const exported = await exportedFromAnotherPc();
    const { db, profile } = await freshTrainingPc();
    const enrolled: StationProfile = { ...profile, mode: 'enrolled' };

    const refusal = await restoreExportedFile(
      db,
      createMemoryHost(),
      new TextEncoder().encode(exported.data),
      enrolled,
      messages,
    ).catch((e: unknown) => e);

    expect(isDomainError(refusal) && refusal.code).toBe('file_other_station');
    expect(await db.activities.count().exec()).toBe(0);
  });
});

describe('wiping this PC', () => {
  it('leaves an empty newest backup, no keys and no database', async () => {
    const db = await stationWithData();
    const host = createMemoryHost();
    await host.setSecret('dbKey', 'old-key');
    await host.setSecret('syncToken', 'token');

    await wipeLocalData(db, host, '黄文书');

    const latest = host.backups.at(-1)?.snapshot ?? '';
    const file = await parseStationData(latest);
    expect(Object.values(file.counts).every((n) => n === 0)).toBe(true);
    expect(file.stationIdentity).toBeNull();
    expect(await host.getSecret('dbKey')).toBeNull();
    expect(await host.getSecret('syncToken')).toBeNull();
    expect(db.closed).toBe(true);
  });
});
